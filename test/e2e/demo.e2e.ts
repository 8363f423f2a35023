import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchDemo, leadArticle, sampleArticles, SITE_DIR } from '../../src/demo/launch';
import { serveDirectory, type StaticSite } from '../../src/demo/serve';
import { BROWSERS, executablePath, launch, type ExtensionBrowser } from './browsers';
import { badgeText, eventually, storedArticles, tabIdFor } from './extension-state';

const articles = sampleArticles();
const eventSize = (event: string) => articles.filter((a) => a.event === event).length;

describe('npm run demo', () => {
  it('opens the lead article with the other outlets already read, one click from the comparison', async () => {
    const demo = await launchDemo({ chromePath: executablePath('chromium'), headless: true });
    try {
      const lead = leadArticle(articles);
      expect(demo.lead.url()).toBe(demo.site.origin + lead.path);
      const extension = (await demo.browser.extensions()).get(demo.extensionId);
      await demo.lead.triggerExtensionAction(extension!);
      const panel = await demo.browser.waitForTarget((t) => t.url().startsWith(`chrome-extension://${demo.extensionId}/src/sidebar/`));
      const sidebar = await panel.asPage();
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

  it('groups every outlet with its own event and never with the look-alike one', async () => {
    for (const article of articles) {
      const page = await ext.openPage(site.origin + article.path);
      await ext.clickToolbarButton(page);
    }
    const probe = await ext.openExtensionPage('src/collection/index.html', 'main');
    await eventually(() => storedArticles(probe), (rows) => rows.length === articles.length);
    const badges: Record<string, string> = {};
    const expected: Record<string, string> = {};
    for (const article of articles) {
      const tabId = await tabIdFor(probe, site.origin + article.path);
      badges[article.path] = await eventually(() => badgeText(probe, tabId), (text) => text !== '');
      expected[article.path] = String(eventSize(article.event) - 1);
    }
    expect(badges).toEqual(expected);
  });
});
