/** Reading pages the way a reader does: open, click the toolbar button, wait for Parallax to keep it. */
import type { Page } from 'puppeteer-core';
import type { ExtensionBrowser } from './browsers';
import { eventually, storedArticles } from './extension-state';

/**
 * Opens `url` and clicks Parallax until the article is stored. A click can be
 * lost while a loaded machine is still painting the tab (the reader would
 * click again); three clicks without a capture fail the test.
 */
export async function readByClick(ext: ExtensionBrowser, probe: Page, url: string, canonical = url): Promise<Page> {
  const page = await ext.openPage(url);
  let lastError: unknown;
  for (let attempt = 0; attempt < 3; attempt++) {
    await ext.clickToolbarButton(page);
    try {
      await eventually(() => storedArticles(probe), (rows) => rows.some((r) => r.canonicalUrl === canonical), 6_000);
      return page;
    } catch (err) {
      lastError = err;
    }
  }
  throw new Error(`Parallax did not keep ${url} after three clicks: ${String(lastError)}`);
}

/**
 * Clicks Parallax on `page` until `sidebar` (following that page's tab) shows
 * its article: for a page whose article is already stored, where the store
 * alone cannot tell that this visit was captured. Three clicks at most.
 */
export async function clickUntilShown(ext: ExtensionBrowser, page: Page, sidebar: Page): Promise<void> {
  for (let attempt = 0; ; attempt++) {
    await ext.clickToolbarButton(page);
    if (await sidebar.waitForSelector('[data-testid=headline]', { timeout: 6_000 }).catch(() => null)) return;
    if (attempt === 2) throw new Error(`three clicks on ${page.url()} did not show its article`);
  }
}
