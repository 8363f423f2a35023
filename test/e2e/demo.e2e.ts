import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clickOnLead, launchDemo, leadArticle, sampleArticles, SITE_DIR } from '../../src/demo/launch';
import { serveDirectory, type StaticSite } from '../../src/demo/serve';
import { BROWSERS, executablePath, launch, type ExtensionBrowser } from './browsers';
import { sendRaw, storedArticles, tabIdFor } from './extension-state';
import { readByClick } from './reading';

const articles = sampleArticles();

describe('npm run demo', () => {
  it('opens the lead article with the other outlets already read, one click from the comparison', async () => {
    const demo = await launchDemo({ chromePath: executablePath('chromium'), headless: true });
    try {
      const lead = leadArticle(articles);
      expect(demo.lead.url()).toBe(demo.site.origin + lead.path);
      const sidebar = await clickOnLead(demo, lead.headline);
      await sidebar.waitForSelector('[data-testid=related-item]');
      const outlets = await sidebar.$$eval('[data-testid=related-item] [data-testid=related-outlet]', (els) => els.map((e) => e.textContent).sort());
      const expected = articles.filter((a) => a.event === lead.event && a !== lead).map((a) => a.outlet).sort();
      expect(outlets).toEqual(expected);
    } finally {
      await demo.close();
    }
  });
});

describe.each(BROWSERS)('the sample coverage in %s', (name) => {
  let site: StaticSite;
  let ext: ExtensionBrowser;

  beforeAll(async () => {
    site = await serveDirectory(SITE_DIR);
    ext = await launch(name);
  });
  afterAll(async () => {
    await ext?.close().catch(() => undefined);
    await site?.close();
  });

  it('relates every report only to reports of its own event, never to the look-alike one', async () => {
    const probe = await ext.openExtensionPage('src/collection/index.html', 'main');
    for (const article of articles) await readByClick(ext, probe, site.origin + article.path);
    expect(await storedArticles(probe)).toHaveLength(articles.length);
    const eventOf = new Map(articles.map((a) => [site.origin + a.path, a.event]));
    const related: Record<string, string[]> = {};
    for (const article of articles) {
      const tabId = await tabIdFor(probe, site.origin + article.path);
      const view = (await sendRaw(probe, { type: 'tab/get', tabId })) as { ok: true; value: { related: { url: string }[] } };
      related[article.path] = view.value.related.map((r) => eventOf.get(r.url) ?? r.url);
    }
    for (const article of articles) {
      expect(related[article.path]!.length, article.path).toBeGreaterThan(0);
      expect(new Set(related[article.path]), article.path).toEqual(new Set([article.event]));
    }
  });
});
