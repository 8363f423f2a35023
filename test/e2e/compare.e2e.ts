import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { leadArticle, sampleArticles, SITE_DIR } from '../../src/demo/launch';
import { serveDirectory, type StaticSite } from '../../src/demo/serve';
import { BROWSERS, launch, type ExtensionBrowser } from './browsers';
import { axeViolations } from './axe';
import { eventually, storedArticles, tabIdFor } from './extension-state';
import { clickUntilShown, readByClick } from './reading';
import { shoot } from './screenshots';

const articles = sampleArticles();
const lead = leadArticle(articles);
const story = articles.filter((a) => a.event === lead.event);

describe.each(BROWSERS)('the comparison sidebar in %s', (name) => {
  let site: StaticSite;
  let ext: ExtensionBrowser;
  let sidebar: Page;
  let tabId: number;

  beforeAll(async () => {
    site = await serveDirectory(SITE_DIR);
    ext = await launch(name);
    const probe = await ext.openExtensionPage('src/collection/index.html', 'main');
    for (const article of [...story].reverse()) await readByClick(ext, probe, site.origin + article.path);
    expect(await storedArticles(probe)).toHaveLength(story.length);
    tabId = await tabIdFor(probe, site.origin + lead.path);
    sidebar = await ext.openExtensionPage(`src/sidebar/index.html?tabId=${tabId}`, '[data-testid=comparison]', 360);
  });
  afterAll(async () => {
    await ext?.close().catch(() => undefined);
    await site?.close();
  });

  const texts = (selector: string) => sidebar.$$eval(selector, (els) => els.map((e) => e.textContent ?? ''));

  it('shows what most outlets report, each with links to its sentence in every outlet', async () => {
    const agreed = await texts('[data-testid=agreed-list] .statement');
    expect(agreed.length).toBeGreaterThan(0);
    const links = await sidebar.$$eval('[data-testid=agreed-list] .statement:first-child a.source', (els) => els.map((a) => (a as HTMLAnchorElement).href));
    expect(links.length).toBeGreaterThanOrEqual(3);
    for (const href of links) expect(href).toMatch(new RegExp(`^${site.origin}/.+#:~:text=`));
  });

  it('puts every outlet in the headlines and the timeline, in order of publication', async () => {
    const outlets = (await texts('[data-testid=related-outlet]')).length + 1;
    expect(outlets).toBeGreaterThanOrEqual(3);
    expect(await texts('[data-testid=headline-compare]')).toHaveLength(outlets);
    const timeline = await texts('[data-testid=timeline-entry]');
    expect(timeline).toHaveLength(outlets);
    expect(timeline[0]).toMatch(/first/);
    expect(await sidebar.$$eval('[data-testid=headline-compare] mark', (els) => els.length)).toBeGreaterThan(0);
  });

  it('lists who is quoted and what only one outlet reports', async () => {
    const quoted = await texts('[data-testid=quoted] .speaker');
    expect(quoted.some((q) => q.includes('Varga'))).toBe(true);
    expect((await texts('[data-testid=only-outlet] summary')).length).toBeGreaterThanOrEqual(2);
  });

  it('renders page text as text, never as markup', async () => {
    expect(await sidebar.$$eval('.comparison script, .comparison iframe, .comparison img', (els) => els.length)).toBe(0);
  });

  it('looks finished at 360 and 600 px, light and dark', async () => {
    for (const scheme of ['light', 'dark'] as const) {
      await ext.setColorScheme(sidebar, scheme);
      for (const width of [360, 600]) {
        await sidebar.setViewport({ width, height: 1400 });
        await sidebar.bringToFront();
        await shoot(sidebar, `${name}-compare-${width}-${scheme}.png`);
      }
    }
    expect(await sidebar.evaluate(() => matchMedia('(prefers-color-scheme: dark)').matches)).toBe(true);
    await sidebar.setViewport({ width: 320, height: 1400 });
    const overflow = await sidebar.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
  });

  it('passes axe in light and dark', async () => {
    for (const scheme of ['light', 'dark'] as const) {
      await ext.setColorScheme(sidebar, scheme);
      expect(await axeViolations(sidebar)).toEqual([]);
    }
  });

  it('keeps the collection and options pages free of axe violations too', async () => {
    for (const [path, ready] of [
      ['src/collection/index.html', 'main h1'],
      ['src/options/index.html', '[data-testid=site-input]'],
    ] as const) {
      const page = await ext.openExtensionPage(path, ready);
      expect(await axeViolations(page), path).toEqual([]);
      await page.close();
    }
  });

  it('lines up two reports side by side and comes back to the story', async () => {
    await sidebar.setViewport({ width: 600, height: 1400 });
    await sidebar.click('[data-testid=related-item] [data-testid=side-by-side]');
    await sidebar.waitForSelector('[data-testid=pair-row]');
    const rows = await sidebar.$$eval('[data-testid=pair-row]', (els) => els.map((e) => ({ paired: e.classList.contains('paired'), marks: e.querySelectorAll('mark').length })));
    expect(rows.some((r) => r.paired)).toBe(true);
    expect(rows.some((r) => r.paired && r.marks > 0)).toBe(true);
    expect(await axeViolations(sidebar)).toEqual([]);
    await shoot(sidebar, `${name}-side-by-side-600.png`);
    await sidebar.click('[data-testid=pair-back]');
    await sidebar.waitForSelector('[data-testid=comparison]');
  });

  it('keeps a report the reader calls "not the same story" out of it for good', async () => {
    const before = await texts('[data-testid=related-item] [data-testid=related-outlet]');
    const separated = before[0]!;
    await sidebar.click('[data-testid=related-item] [data-testid=not-same-story]');
    await sidebar.waitForSelector('[data-testid=notice]');
    await eventually(() => texts('[data-testid=related-item] [data-testid=related-outlet]'), (now) => !now.includes(separated));
    // Reading the separated report again does not bring it back.
    const article = story.find((a) => a.outlet === separated)!;
    const page = await ext.openPage(site.origin + article.path);
    const readAgain = await tabIdFor(sidebar, site.origin + article.path);
    // Its own sidebar shows it once the capture and its matching are done; a click a loaded machine loses is clicked again.
    const itsSidebar = await ext.openExtensionPage(`src/sidebar/index.html?tabId=${readAgain}`, '[data-testid=idle], [data-testid=capturing], [data-testid=headline]', 360);
    await clickUntilShown(ext, page, itsSidebar);
    await itsSidebar.close();
    const fresh = await ext.openExtensionPage(`src/sidebar/index.html?tabId=${tabId}`, '[data-testid=headline]', 360);
    await fresh.waitForSelector('[data-testid=related-item]');
    const after = await fresh.$$eval('[data-testid=related-item] [data-testid=related-outlet]', (els) => els.map((e) => e.textContent ?? ''));
    expect(after).not.toContain(separated);
    expect(after.length).toBe(before.length - 1);
    await fresh.close();
    await page.close();
  });
});
