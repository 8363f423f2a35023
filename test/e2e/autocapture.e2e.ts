import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serveDirectory, type StaticSite } from '../../src/demo/serve';
import { BROWSERS, launch, type ExtensionBrowser } from './browsers';
import { eventually, storedArticles } from './extension-state';
import { shoot } from './screenshots';

const ARTICLE = '/valley-post/dunmore-levee.html';
const LATER = '/science-desk/comet-vell.html';

describe.each(BROWSERS)('opt-in auto-capture in %s', (name) => {
  let site: StaticSite;
  let ext: ExtensionBrowser;

  beforeAll(async () => {
    site = await serveDirectory(resolve(import.meta.dirname, 'site'));
    ext = await launch(name);
  });
  afterAll(async () => {
    await ext?.close().catch(() => undefined);
    await site?.close();
  });

  it('reads nothing until the reader adds a site in Options', async () => {
    const page = await ext.openPage(site.origin + ARTICLE);
    const options = await ext.openExtensionPage('src/options/index.html', '[data-testid=no-sites]');
    await new Promise((r) => setTimeout(r, 1_000));
    expect(await storedArticles(options)).toEqual([]);

    await options.type('[data-testid=site-input]', 'not a site');
    await options.click('[data-testid=add-site]');
    expect(await options.waitForSelector('[role=alert]').then((e) => e?.evaluate((n) => n.textContent))).toMatch(/address/i);
    await Promise.all([page.close(), options.close()]);
  });

  it('captures articles on a chosen site without a click, and stops when the site is removed', async () => {
    await ext.allowSiteAccess('http://127.0.0.1/*');
    const options = await ext.openExtensionPage('src/options/index.html', '[data-testid=no-sites]');
    await options.click('[data-testid=site-input]', { count: 3 });
    await options.type('[data-testid=site-input]', `${site.origin}/`);
    await options.click('[data-testid=add-site]');
    await options.waitForSelector('[data-testid=site-list]');
    expect(await options.$eval('[data-testid=site-list]', (e) => e.textContent)).toContain('http://127.0.0.1/*');

    const article = await ext.openPage(site.origin + ARTICLE);
    const front = await ext.openPage(`${site.origin}/`);
    const rows = await eventually(() => storedArticles(options), (r) => r.length > 0);
    expect(rows.map((r) => r.canonicalUrl)).toEqual([site.origin + ARTICLE]);
    await options.bringToFront();
    await shoot(options, `${name}-options.png`);

    await options.click('[data-testid=site-list] button');
    await options.waitForSelector('[data-testid=no-sites]');
    const later = await ext.openPage(site.origin + LATER);
    await new Promise((r) => setTimeout(r, 1_500));
    expect((await storedArticles(options)).map((r) => r.canonicalUrl)).toEqual([site.origin + ARTICLE]);
    await Promise.all([article.close(), front.close(), later.close(), options.close()]);
  });
});
