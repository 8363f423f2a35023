import { resolve } from 'node:path';
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serveDirectory, type StaticSite } from '../../src/demo/serve';
import { BROWSERS, launch, newProfileDir, type ExtensionBrowser } from './browsers';
import { badgeText, eventually, sendRaw, storedArticles, tabIdFor } from './extension-state';
import { readByClick } from './reading';
import { shoot } from './screenshots';


const FIRST = '/valley-post/dunmore-levee.html';
const SECOND = '/northgate/dunmore-flood.html';
const OTHER = '/science-desk/comet-vell.html';

describe.each(BROWSERS)('Parallax in %s', (name) => {
  let site: StaticSite;
  let ext: ExtensionBrowser;
  const profile = newProfileDir(name);

  beforeAll(async () => {
    site = await serveDirectory(resolve(import.meta.dirname, 'site'));
    ext = await launch(name, profile);
  });
  afterAll(async () => {
    await ext?.close().catch(() => undefined);
    await site?.close();
  });

  const sidebarFor = (tabId: number, width = 360) =>
    ext.openExtensionPage(`src/sidebar/index.html?tabId=${tabId}`, '[data-testid=headline], [data-testid=idle], [data-testid=not-article]', width);

  async function captureByClick(path: string): Promise<{ page: Page; tabId: number; probe: Page }> {
    const probe = await ext.openExtensionPage('src/collection/index.html', 'main');
    const page = await readByClick(ext, probe, site.origin + path);
    const tabId = await tabIdFor(probe, site.origin + path);
    return { page, tabId, probe };
  }

  it('captures the article on a toolbar click, opens the sidebar and shows it', async () => {
    const { tabId, probe } = await captureByClick(FIRST);
    const rows = await storedArticles(probe);
    expect(rows).toEqual([{ title: 'Marrow River breaks Dunmore levee; 1,200 homes evacuated', canonicalUrl: site.origin + FIRST, siteName: 'Valley Post' }]);
    await eventually(() => ext.sidebarUrl(), (url) => url?.startsWith(`${ext.extensionBase}src/sidebar/index.html`) ?? false);

    const sidebar = await sidebarFor(tabId);
    await sidebar.waitForSelector('[data-testid=related-empty]');
    expect(await sidebar.$eval('[data-testid=headline]', (e) => e.textContent)).toBe('Marrow River breaks Dunmore levee; 1,200 homes evacuated');
    expect(await sidebar.$eval('[data-testid=outlet]', (e) => e.textContent)).toBe('Valley Post');
    expect(await sidebar.$eval('[data-testid=byline]', (e) => e.textContent)).toContain('Ada Brook');
    expect(await sidebar.$eval('[data-testid=reading-time]', (e) => e.textContent)).toMatch(/min read/);
    await shoot(sidebar, `${name}-sidebar-single.png`);
    await probe.close();
    await sidebar.close();
  });

  it('lists the other outlet of the same event, not the unrelated story, and counts it on the badge', async () => {
    await captureByClick(OTHER);
    const { tabId, probe } = await captureByClick(SECOND);
    expect(await eventually(() => badgeText(probe, tabId), (t) => t === '1')).toBe('1');

    const sidebar = await sidebarFor(tabId);
    await sidebar.waitForSelector('[data-testid=related-item]');
    const related = await sidebar.$$eval('[data-testid=related-item]', (items) => items.map((i) => i.textContent ?? ''));
    expect(related).toHaveLength(1);
    expect(related[0]).toContain('Valley Post');
    expect(related[0]).toContain('Marrow River breaks Dunmore levee');
    await shoot(sidebar, `${name}-sidebar-related-360.png`);
    await sidebar.setViewport({ width: 600, height: 900 });
    await shoot(sidebar, `${name}-sidebar-related-600.png`);
    await probe.close();
    await sidebar.close();
  });

  it('says plainly when a page is not an article', async () => {
    const page = await ext.openPage(`${site.origin}/`);
    await ext.clickToolbarButton(page);
    const probe = await ext.openExtensionPage('src/collection/index.html', 'main');
    const tabId = await eventually(() => tabIdFor(probe, `${site.origin}/`), (id) => id > 0);
    const sidebar = await sidebarFor(tabId);
    await sidebar.waitForSelector('[data-testid=not-article]', { timeout: 15_000 });
    expect(await storedArticles(probe)).toHaveLength(3);
    await page.close();
    await probe.close();
    await sidebar.close();
  });

  it('answers malformed and unknown messages with an error and keeps working', async () => {
    const probe = await ext.openExtensionPage('src/collection/index.html', 'main');
    expect(await sendRaw(probe, { type: 'no/such' })).toEqual({ ok: false, error: 'unknown message type: no/such' });
    expect(await sendRaw(probe, 'garbage')).toEqual({ ok: false, error: 'message is not an object' });
    expect(await sendRaw(probe, { type: 'pin/add', articleId: 42 })).toEqual({ ok: false, error: 'articleId: expected a string, got number' });
    expect(await sendRaw(probe, { type: 'pins/list' })).toMatchObject({ ok: true });
    await probe.close();
  });

  it('loses nothing when the browser stops its worker, even in the middle of a capture', async () => {
    const probe = await ext.openExtensionPage('src/collection/index.html', 'main');
    const tabId = await tabIdFor(probe, site.origin + SECOND);
    await ext.stopWorker();
    // Everything the sidebar shows was kept in storage, not in the stopped worker's memory.
    const sidebar = await sidebarFor(tabId);
    await sidebar.waitForSelector('[data-testid=related-item]');
    expect(await sidebar.$eval('[data-testid=headline]', (e) => e.textContent)).toContain('Dunmore flood');

    const page = await ext.openPage(site.origin + OTHER);
    await ext.clickToolbarButton(page);
    await ext.stopWorker();
    await ext.clickToolbarButton(page);
    const otherTab = await eventually(() => tabIdFor(probe, site.origin + OTHER), (id) => id > 0);
    const again = await sidebarFor(otherTab);
    await again.waitForSelector('[data-testid=headline]');
    expect(await again.$eval('[data-testid=headline]', (e) => e.textContent)).toContain('Comet Vell');
    const rows = await storedArticles(probe);
    expect(rows.filter((r) => r.canonicalUrl === site.origin + OTHER)).toHaveLength(1);
    expect(rows).toHaveLength(3);
    await Promise.all([page.close(), probe.close(), sidebar.close(), again.close()]);
  });

  it('pins the story from the sidebar, lists it in the collection, and keeps it after a restart', async () => {
    const probe = await ext.openExtensionPage('src/collection/index.html', '[data-testid=collection-empty]');
    const tabId = await tabIdFor(probe, site.origin + SECOND);
    const sidebar = await sidebarFor(tabId);
    await sidebar.click('[data-testid=pin]');
    await sidebar.waitForSelector('[data-testid=unpin]');
    await shoot(sidebar, `${name}-sidebar-pinned.png`);
    await probe.waitForSelector('[data-testid=pin-item]');

    await ext.close();
    ext = await launch(name, profile);
    const collection = await ext.openExtensionPage('src/collection/index.html', '[data-testid=pin-item]', 900);
    const items = await collection.$$eval('[data-testid=pin-item]', (els) => els.map((e) => e.textContent ?? ''));
    expect(items).toHaveLength(1);
    expect(items[0]).toContain('Dunmore flood: mayor defends evacuation');
    expect(items[0]).toContain('2 outlets');
    await shoot(collection, `${name}-collection.png`);

    await collection.click('[data-testid=unpin]');
    await collection.waitForSelector('[data-testid=collection-empty]');
  });
});
