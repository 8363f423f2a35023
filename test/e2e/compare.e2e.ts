import { resolve } from 'node:path';
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { leadArticle, sampleArticles, SITE_DIR } from '../../src/demo/launch';
import { serveDirectory, type StaticSite } from '../../src/demo/serve';
import { BROWSERS, launch, type ExtensionBrowser } from './browsers';
import { eventually, storedArticles, tabIdFor } from './extension-state';

const SHOTS = resolve(import.meta.dirname, '../../artifacts/screenshots');
const articles = sampleArticles();
const lead = leadArticle(articles);
const story = articles.filter((a) => a.event === lead.event);

describe.each(BROWSERS)('the comparison sidebar in %s', (name) => {
  let site: StaticSite;
  let ext: ExtensionBrowser;
  let sidebar: Page;

  beforeAll(async () => {
    site = await serveDirectory(SITE_DIR);
    ext = await launch(name);
    for (const article of [...story].reverse()) {
      const page = await ext.openPage(site.origin + article.path);
      await ext.clickToolbarButton(page);
    }
    const probe = await ext.openExtensionPage('src/collection/index.html', 'main');
    await eventually(() => storedArticles(probe), (rows) => rows.length === story.length);
    const tabId = await tabIdFor(probe, site.origin + lead.path);
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
      await sidebar.emulateMediaFeatures([{ name: 'prefers-color-scheme', value: scheme }]).catch(() => undefined);
      for (const width of [360, 600]) {
        await sidebar.setViewport({ width, height: 1400 });
        await sidebar.bringToFront();
        await sidebar.screenshot({ path: `${SHOTS}/${name}-compare-${width}-${scheme}.png` });
      }
    }
    const overflow = await sidebar.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
  });
});
