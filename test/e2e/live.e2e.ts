/**
 * Live pages, revisits and pins, in real Chromium and Firefox: a single-page
 * app that changes article without reloading, an article that renders after
 * the page loaded, an article that changed between two visits, and an
 * article pinned on its own that survives a restart.
 */
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serveDirectory, type StaticSite } from '../../src/demo/serve';
import { axeViolations } from './axe';
import { BROWSERS, launch, newProfileDir, type ExtensionBrowser } from './browsers';
import { badgeText, eventually, storedArticles, tabIdFor } from './extension-state';
import { clickUntilShown, readByClick } from './reading';
import { shoot } from './screenshots';

const LEVEE = '/valley-post/dunmore-levee.html';
const FLOOD = '/northgate/dunmore-flood.html';
const SPA = '/live-desk/spa.html';
const SPA_NEXT = '/live-desk/spa/dunmore-shelters';
const LATE = '/live-desk/late.html';

const OLD_HEADLINE = 'Marrow River breaks Dunmore levee; 1,200 homes evacuated';
const NEW_HEADLINE = 'Marrow River breaks Dunmore levee; 1,500 homes evacuated as water reaches the mill';
const ADDED = 'Volunteers from the rowing club used their boats to carry older residents out of the mill district during the morning.';
const REMOVED = 'The river crested at 6.1 metres on Tuesday afternoon, the highest level recorded at the Dunmore gauge since 1987.';

interface Record {
  title: string;
  text: string;
  versions?: { title: string; text: string | null; next: { headline: unknown; paragraphs: { kind: string }[] } }[];
}

/** The stored record of one article, read from Parallax's database inside one of its pages. */
function storedRecord(probe: Page, canonicalUrl: string): Promise<Record | null> {
  return probe.evaluate(async (url) => {
    const open = indexedDB.open('parallax');
    open.onupgradeneeded = () => open.transaction?.abort();
    const db = await new Promise<IDBDatabase | null>((done) => {
      open.onsuccess = () => done(open.result);
      open.onerror = () => done(null);
    });
    if (!db) return null;
    try {
      const req = db.transaction('articles').objectStore('articles').index('by-url').get(url);
      return await new Promise<Record | null>((done, fail) => {
        req.onsuccess = () => done((req.result as Record | undefined) ?? null);
        req.onerror = () => fail(req.error);
      });
    } finally {
      db.close();
    }
  }, canonicalUrl);
}

describe.each(BROWSERS)('live pages, revisits and pins in %s', (name) => {
  let site: StaticSite;
  let ext: ExtensionBrowser;
  let root: string;
  let probe: Page;
  const profile = newProfileDir(name);

  beforeAll(async () => {
    // A copy of the test site: the revisit test edits an article between two visits.
    root = mkdtempSync(join(tmpdir(), 'parallax-live-site-'));
    cpSync(resolve(import.meta.dirname, 'site'), root, { recursive: true });
    site = await serveDirectory(root);
    ext = await launch(name, profile);
    probe = await ext.openExtensionPage('src/collection/index.html', 'main');
  });
  afterAll(async () => {
    await ext?.close().catch(() => undefined);
    await site?.close();
  });

  const SETTLED = '[data-testid=headline], [data-testid=idle], [data-testid=not-article]';
  const sidebarFor = (tabId: number, width = 360, ready = SETTLED) => ext.openExtensionPage(`src/sidebar/index.html?tabId=${tabId}`, ready, width);
  const headlineOf = (sidebar: Page) => sidebar.$eval('[data-testid=headline]', (e) => e.textContent ?? '').catch(() => '');

  it('follows a single-page app to its next article: stores it, and the sidebar and badge follow', async () => {
    await readByClick(ext, probe, site.origin + LEVEE);
    const page = await readByClick(ext, probe, site.origin + SPA);
    const tabId = await tabIdFor(probe, site.origin + SPA);
    const sidebar = await sidebarFor(tabId);
    await eventually(() => headlineOf(sidebar), (h) => h.startsWith('Glasshouse observatory'));
    expect(await badgeText(probe, tabId)).toBe('');

    // The app changes the address with pushState and renders the next story 300 ms later; nobody clicks Parallax.
    await page.bringToFront();
    await page.click('#next-story');
    await eventually(() => storedArticles(probe), (rows) => rows.some((r) => r.canonicalUrl === site.origin + SPA_NEXT), 20_000);
    expect(await eventually(() => headlineOf(sidebar), (h) => h.startsWith('Dunmore shelters fill'))).toContain('1,300 homes');
    // The new story is related to the Valley Post report read earlier: the badge counts it.
    await eventually(() => badgeText(probe, tabId), (text) => text === '1');
    await sidebar.waitForSelector('[data-testid=related-item]');

    // Back through the app's history (popstate): the sidebar returns to the first story, stored once.
    await page.evaluate(() => history.back());
    await eventually(() => headlineOf(sidebar), (h) => h.startsWith('Glasshouse observatory'), 20_000);
    await eventually(() => badgeText(probe, tabId), (text) => text === '');
    const rows = await storedArticles(probe);
    expect(rows.filter((r) => r.canonicalUrl === site.origin + SPA)).toHaveLength(1);
    expect(rows.filter((r) => r.canonicalUrl === site.origin + SPA_NEXT)).toHaveLength(1);
    await Promise.all([page.close(), sidebar.close()]);
  });

  it('captures an article that renders after the page has loaded, once it is there', async () => {
    const url = site.origin + LATE;
    const page = await ext.openPage(url);
    // The reader clicks while the page still shows its loading line: not an article yet.
    let sidebar: Page | null = null;
    for (let attempt = 0; !sidebar; attempt++) {
      await ext.clickToolbarButton(page);
      const tabId = await eventually(() => tabIdFor(probe, url), (id) => id > 0, 6_000).catch(() => null);
      // Opened while the click's capture may still be running: "capturing" is a fine first sight, the outcome must follow.
      const opened = tabId === null ? null : await sidebarFor(tabId, 360, `${SETTLED}, [data-testid=capturing], [data-testid=failed]`);
      if (await opened?.waitForSelector('[data-testid=not-article]', { timeout: 6_000 }).catch(() => null)) sidebar = opened;
      else await opened?.close();
      if (!sidebar && attempt === 2) throw new Error('the toolbar click did not reach the page three times');
    }
    expect((await storedArticles(probe)).some((r) => r.canonicalUrl === url)).toBe(false);

    await page.evaluate(() => (window as unknown as { renderArticle(): void }).renderArticle());
    await eventually(() => headlineOf(sidebar), (h) => h === 'Ferry crews return to work as Kell Sound pay dispute ends', 20_000);
    // All of it, not the first pieces, and no "version" made of its own rendering.
    const record = await eventually(() => storedRecord(probe, url), (r) => r?.text.includes('an extra week of travel at no cost') ?? false, 20_000);
    expect(record?.versions).toBeUndefined();
    await Promise.all([page.close(), sidebar.close()]);
  });

  it('keeps both versions of an article that changed between two visits, and the timeline shows what changed', async () => {
    await readByClick(ext, probe, site.origin + FLOOD);
    const file = join(root, LEVEE);
    const before = readFileSync(file, 'utf8');
    writeFileSync(
      file,
      before
        .replaceAll(OLD_HEADLINE, NEW_HEADLINE)
        .replace(`<p>${REMOVED}</p>`, '')
        .replace('about forty metres wide', 'about fifty metres wide')
        .replace('</article>', `<p>${ADDED}</p></article>`),
    );

    const page = await ext.openPage(site.origin + LEVEE);
    let record = null as Record | null;
    for (let attempt = 0; attempt < 3 && record?.title !== NEW_HEADLINE; attempt++) {
      await ext.clickToolbarButton(page);
      record = await eventually(() => storedRecord(probe, site.origin + LEVEE), (r) => r?.title === NEW_HEADLINE, 6_000).catch(() => record);
    }
    expect(record?.title).toBe(NEW_HEADLINE);
    expect(record?.versions).toHaveLength(1);
    expect(record!.versions![0]!.title).toBe(OLD_HEADLINE);
    expect(record!.versions![0]!.text).toContain(REMOVED);
    expect(record!.versions![0]!.next.paragraphs.map((p) => p.kind).sort()).toEqual(['added', 'changed', 'removed']);

    const tabId = await tabIdFor(probe, site.origin + LEVEE);
    const sidebar = await sidebarFor(tabId);
    await sidebar.waitForSelector('[data-testid=timeline] [data-testid=version-change]', { timeout: 20_000 });
    const marked = (selector: string) => sidebar.$$eval(selector, (els) => els.map((e) => (e.textContent ?? '').replace(/^(removed|added): /, '')));
    expect(await marked('[data-testid=version-headline] del')).toEqual(['1,200']);
    expect(await marked('[data-testid=version-headline] ins')).toEqual(['1,500', 'as water reaches the mill']);
    const paragraphs = await sidebar.$$eval('[data-testid=version-paragraph]', (els) =>
      els.map((e) => ({ kind: e.getAttribute('data-kind'), text: e.textContent ?? '', href: e.querySelector('a')?.href ?? null })),
    );
    expect(paragraphs.map((p) => p.kind).sort()).toEqual(['added', 'changed', 'removed']);
    const added = paragraphs.find((p) => p.kind === 'added')!;
    expect(added.text).toContain(ADDED);
    expect(added.href).toMatch(new RegExp(`^${site.origin}${LEVEE}#:~:text=Volunteers`));
    expect(paragraphs.find((p) => p.kind === 'removed')!.href).toBeNull();
    expect(await sidebar.$$eval('[data-testid=version-paragraph][data-kind=changed] ins', (els) => els.map((e) => e.textContent))).toEqual(['added: fifty']);

    for (const scheme of ['light', 'dark'] as const) {
      await ext.setColorScheme(sidebar, scheme);
      expect(await axeViolations(sidebar), scheme).toEqual([]);
      for (const width of [360, 600]) {
        await sidebar.setViewport({ width, height: 900 });
        await sidebar.bringToFront();
        await sidebar.evaluate(() => scrollTo(0, 0));
        await shoot(sidebar, `${name}-sidebar-top-${width}-${scheme}.png`);
        const timeline = await sidebar.$('[data-testid=timeline]');
        await timeline!.scrollIntoView();
        await shoot(sidebar, `${name}-sidebar-timeline-${width}-${scheme}.png`);
      }
    }
    await sidebar.setViewport({ width: 320, height: 900 });
    expect(await sidebar.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0);
    await ext.setColorScheme(sidebar, 'light');
    await Promise.all([page.close(), sidebar.close()]);
  });

  it('pins one article apart from its story, and both are in the collection after a restart', async () => {
    const page = await ext.openPage(site.origin + LEVEE);
    const tabId = await tabIdFor(probe, site.origin + LEVEE);
    const sidebar = await sidebarFor(tabId);
    await clickUntilShown(ext, page, sidebar);
    await sidebar.waitForSelector('[data-testid=pin-article]');
    await sidebar.bringToFront();
    // Keyboard: the pin buttons are reached and pressed like any button.
    await sidebar.focus('[data-testid=pin-article]');
    await sidebar.keyboard.press('Enter');
    await sidebar.waitForSelector('[data-testid=unpin-article][aria-pressed=true]');
    await sidebar.click('[data-testid=pin]');
    await sidebar.waitForSelector('[data-testid=unpin]');
    await probe.waitForSelector('[data-testid=pinned-article] [data-testid=pin-item]');

    await ext.close();
    ext = await launch(name, profile);
    probe = await ext.openExtensionPage('src/collection/index.html', '[data-testid=pinned-article] [data-testid=pin-item]', 600);
    const collection = probe;
    const items = (section: string) => collection.$$eval(`[data-testid=${section}] [data-testid=pin-item]`, (els) => els.map((e) => e.textContent ?? ''));
    expect(await items('pinned-story')).toHaveLength(1);
    const articles = await items('pinned-article');
    expect(articles).toHaveLength(1);
    expect(articles[0]).toContain(NEW_HEADLINE);
    expect(articles[0]).toContain('Seen changing once');
    expect(articles[0]).not.toContain('outlets');

    for (const scheme of ['light', 'dark'] as const) {
      await ext.setColorScheme(collection, scheme);
      expect(await axeViolations(collection), scheme).toEqual([]);
      for (const width of [360, 600]) {
        await collection.setViewport({ width, height: 900 });
        await collection.bringToFront();
        await shoot(collection, `${name}-collection-${width}-${scheme}.png`);
      }
    }
    await collection.setViewport({ width: 320, height: 900 });
    expect(await collection.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0);
    await ext.setColorScheme(collection, 'light');

    // Opening it opens the article's page.
    await collection.bringToFront();
    const link = await collection.$eval('[data-testid=pinned-article] [data-testid=pin-open]', (a) => ({ href: (a as HTMLAnchorElement).href, target: (a as HTMLAnchorElement).target }));
    expect(link).toEqual({ href: site.origin + LEVEE, target: '_blank' });
    // Reached from the keyboard like every control on the page.
    await collection.focus('[data-testid=pinned-article] [data-testid=pin-open]');
    await collection.keyboard.press('Tab');
    expect(await collection.evaluate(() => document.activeElement?.getAttribute('aria-label') ?? '')).toBe(`Unpin: ${NEW_HEADLINE}`);

    await collection.keyboard.press('Enter');
    await collection.waitForSelector('[data-testid=pinned-article] [data-testid=pin-item]', { hidden: true });
    expect(await items('pinned-story')).toHaveLength(1);
  });
});
