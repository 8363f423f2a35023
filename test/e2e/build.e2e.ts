import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../..');

/** Every file a manifest names, wherever it names one. */
function namedFiles(manifest: Record<string, unknown>): string[] {
  const files: string[] = [];
  const icons = (v: unknown) => v && typeof v === 'object' && files.push(...Object.values(v as Record<string, string>));
  const m = manifest as Record<string, Record<string, unknown> | undefined>;
  icons(m.icons);
  icons(m.action?.default_icon);
  icons(m.sidebar_action?.default_icon);
  for (const page of [m.side_panel?.default_path, m.sidebar_action?.default_panel, m.options_ui?.page, m.background?.service_worker]) {
    if (typeof page === 'string') files.push(page);
  }
  files.push(...((m.background?.scripts as string[] | undefined) ?? []));
  return files;
}

describe.each(['chrome', 'firefox'])('the %s build', (browser) => {
  const dir = resolve(ROOT, 'dist', browser);
  const manifest = JSON.parse(readFileSync(resolve(dir, 'manifest.json'), 'utf8')) as Record<string, unknown>;

  it('ships every file its manifest names, and the collection page', () => {
    const files = [...namedFiles(manifest), 'src/collection/index.html', 'src/sidebar/index.html', '_locales/en/messages.json'];
    expect(files.length).toBeGreaterThan(8);
    for (const file of files) expect(existsSync(resolve(dir, file)), file).toBe(true);
  });

  it('declares its sidebar the way this browser expects', () => {
    if (browser === 'chrome') expect(manifest).toHaveProperty('side_panel.default_path', 'src/sidebar/index.html');
    else expect(manifest).toHaveProperty('sidebar_action.default_panel', 'src/sidebar/index.html');
  });
});
