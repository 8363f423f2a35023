// Renders the SVG icon sources to the PNG sizes the manifests need
// (icons 16/32/48/128 and the toolbar action's 16/32). Browsers don't accept
// SVG there in every case, so the PNGs are generated and committed.
// 16 px comes from icon-16.svg, a simplified design drawn on a 16 px grid; the
// rest from icon.svg, whose shapes sit on a 4-unit grid so 32 px stays crisp.
// Run with `npm run icons`.
import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const dir = dirname(fileURLToPath(import.meta.url));
const targets = [
  { size: 16, source: 'icon-16.svg' },
  { size: 32, source: 'icon.svg' },
  { size: 48, source: 'icon.svg' },
  { size: 128, source: 'icon.svg' },
];

const browser = await chromium.launch({
  executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run'],
});
try {
  for (const { size, source } of targets) {
    const svg = await readFile(join(dir, source), 'utf8');
    const sized = svg.replace(/<svg\b([^>]*?)\swidth="[^"]*"\s+height="[^"]*"/, '<svg$1').replace('<svg', `<svg width="${size}" height="${size}"`);
    const page = await browser.newPage({ viewport: { width: size, height: size }, deviceScaleFactor: 1 });
    await page.setContent(
      `<!doctype html><html><head><style>html,body{margin:0;padding:0;background:transparent}svg{display:block}</style></head><body>${sized}</body></html>`,
    );
    const out = join(dir, `icon-${size}.png`);
    await page.screenshot({ path: out, omitBackground: true, clip: { x: 0, y: 0, width: size, height: size } });
    await page.close();
    console.log(`wrote ${out} from ${source}`);
  }
} finally {
  await browser.close();
}
