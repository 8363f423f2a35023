import { execSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';

/** The e2e tests load the built extension; build it when a build is missing. */
export default function setup(): void {
  const root = resolve(import.meta.dirname, '../..');
  const built = ['dist/chrome/manifest.json', 'dist/firefox/manifest.json'].every((f) => existsSync(resolve(root, f)));
  if (!built || process.env.PARALLAX_REBUILD) execSync('npm run build', { cwd: root, stdio: 'inherit' });
}
