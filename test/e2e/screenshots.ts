import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Page } from 'puppeteer-core';

/** Where every e2e file saves the screenshots a person looks at; created on import so test order never matters. */
export const SHOTS = resolve(import.meta.dirname, '../../artifacts/screenshots');
mkdirSync(SHOTS, { recursive: true });

/**
 * Saves what `page` shows as `file` in SHOTS, once it has drawn two frames
 * since the last scroll, resize or theme change: Firefox paints the cards
 * and sections kept off-screen (`content-visibility: auto`) on its next
 * frame, and a screenshot taken sooner showed them as empty boxes.
 */
export async function shoot(page: Page, file: string): Promise<void> {
  await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
  await page.screenshot({ path: resolve(SHOTS, file) });
}
