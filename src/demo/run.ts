/**
 * `npm run demo`: opens Chromium with Parallax and a newsstand of sample
 * coverage it has already read, at one article, ready for the reader's click.
 * `--headless` runs the same steps without a window and saves a screenshot of
 * the sidebar instead (for machines without a display).
 */
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { clickOnLead, findChromium, launchDemo, leadArticle, sampleArticles } from './launch';

const args = process.argv.slice(2);
const headless = args.includes('--headless');
const portArg = args.find((a) => a.startsWith('--port='));
const port = portArg ? Number(portArg.slice('--port='.length)) : 8737;

function fail(message: string): never {
  console.error(`\nParallax demo: ${message}\n`);
  process.exit(1);
}

const chromePath = findChromium();
if (!chromePath) {
  fail(
    process.env.CHROME_PATH
      ? `CHROME_PATH is set to ${process.env.CHROME_PATH}, but no browser is there.`
      : 'no Chromium or Chrome found. Install one (Debian/Ubuntu: sudo apt-get install chromium) or point CHROME_PATH at its executable.',
  );
}
if (!headless && process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) {
  fail('there is no display to open a browser window on. Run it from a desktop session, under `xvfb-run npm run demo`, or use `npm run demo -- --headless` for a screenshot instead.');
}

console.log(`Starting ${chromePath} with Parallax (${sampleArticles().length} sample articles)...`);
const demo = await launchDemo({ chromePath, headless, port, log: (line) => console.log(line) }).catch((err: unknown) =>
  fail(err instanceof Error ? err.message : String(err)),
);

if (headless) {
  const sidebar = await clickOnLead(demo, leadArticle().headline).catch((err: unknown) => fail(err instanceof Error ? err.message : String(err)));
  await sidebar.setViewport({ width: 400, height: 1000 });
  await sidebar.waitForSelector('[data-testid=related-item]', { timeout: 15_000 });
  await sidebar.waitForSelector('[data-testid=comparison]', { timeout: 15_000 });
  const count = await sidebar.$$eval('[data-testid=related-item]', (items) => items.length);
  const dir = resolve(import.meta.dirname, '../../artifacts');
  mkdirSync(dir, { recursive: true });
  await sidebar.screenshot({ path: resolve(dir, 'demo-sidebar.png'), fullPage: true });
  console.log(`The sidebar shows ${count} other outlets' coverage; screenshot in artifacts/demo-sidebar.png`);
  await demo.close();
} else {
  console.log(`
Ready. Chromium is open at "${await demo.lead.title()}".
Click the Parallax button in the toolbar (under the puzzle-piece menu until you pin it), or press Alt+Shift+P.
The sidebar shows how the other sample outlets reported the same fire. Close the browser window to end the demo.
The whole newsstand is at ${demo.site.origin}/`);
  demo.browser.on('disconnected', () => void demo.site.close().then(() => process.exit(0)));
  const stop = () => void demo.close().then(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}
