/**
 * Starts the demo: serves the sample newsstand from 127.0.0.1, starts Chromium
 * with the built extension on a fresh profile, and lets Parallax capture the
 * sample coverage through its real toolbar action, so the reader meets a
 * browser that already "read" the other outlets.
 */
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import puppeteer, { type Browser, type Page, type Target } from 'puppeteer-core';
import { serveDirectory, type StaticSite } from './serve';
import { storedArticles } from './stored';

const ROOT = resolve(import.meta.dirname, '../..');
export const SITE_DIR = resolve(import.meta.dirname, 'site');
export const EXTENSION_DIR = join(ROOT, 'dist/chrome');

export interface SampleArticle {
  path: string;
  outlet: string;
  event: string;
  headline: string;
}

export function sampleArticles(): SampleArticle[] {
  return JSON.parse(readFileSync(join(SITE_DIR, 'articles.json'), 'utf8')) as SampleArticle[];
}

/** The article the demo opens: the first one listed, whose story has the most coverage. */
export function leadArticle(articles = sampleArticles()): SampleArticle {
  const size = (a: SampleArticle) => articles.filter((b) => b.event === a.event).length;
  return articles.reduce((best, a) => (size(a) > size(best) ? a : best));
}

const CANDIDATES = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
  '/Applications/Chromium.app/Contents/MacOS/Chromium',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
];

/** CHROME_PATH when set, else the first usual install location that exists. */
export function findChromium(): string | null {
  if (process.env.CHROME_PATH) return existsSync(process.env.CHROME_PATH) ? process.env.CHROME_PATH : null;
  return CANDIDATES.find((path) => existsSync(path)) ?? null;
}

export interface Demo {
  browser: Browser;
  site: StaticSite;
  extensionId: string;
  lead: Page;
  close(): Promise<void>;
}

export interface DemoOptions {
  chromePath: string;
  headless: boolean;
  port?: number;
  log?: (line: string) => void;
}

export async function launchDemo({ chromePath, headless, port = 0, log = () => undefined }: DemoOptions): Promise<Demo> {
  if (!existsSync(join(EXTENSION_DIR, 'manifest.json'))) throw new Error('No Chrome build found in dist/chrome: run `npm run build` first.');
  const site = await serveDirectory(SITE_DIR, port);
  log(`Sample newsstand at ${site.origin}/`);
  const browser = await puppeteer.launch({
    executablePath: chromePath,
    headless,
    pipe: true,
    enableExtensions: true,
    defaultViewport: headless ? { width: 1280, height: 900 } : null,
    userDataDir: mkdtempSync(join(tmpdir(), 'parallax-demo-')),
    ignoreDefaultArgs: ['--enable-automation'],
    args: [
      ...(process.getuid?.() === 0 ? ['--no-sandbox'] : []),
      '--enable-unsafe-extension-debugging',
      '--no-first-run',
      '--no-default-browser-check',
      '--disable-background-networking',
      '--disable-component-update',
      '--window-size=1440,960',
    ],
  });
  try {
    const extensionId = await browser.installExtension(EXTENSION_DIR);
    await browser.waitForTarget((t) => t.type() === 'service_worker' && t.url().startsWith(`chrome-extension://${extensionId}/`));
    const extension = (await browser.extensions()).get(extensionId);
    if (!extension) throw new Error('Chromium did not load the extension.');

    const articles = sampleArticles();
    const lead = leadArticle(articles);
    const others = articles.filter((a) => a !== lead);
    for (const article of others) {
      const page = await browser.newPage();
      await page.goto(site.origin + article.path, { waitUntil: 'load' });
      // A click can be lost while the browser is busy starting up; click again, as a reader would.
      let stored = false;
      for (let attempt = 0; attempt < 3 && !stored; attempt++) {
        await page.bringToFront();
        await page.triggerExtensionAction(extension);
        stored = await waitForStored(browser, extensionId, site.origin + article.path, 5_000);
      }
      if (!stored) throw new Error(`Parallax did not store ${article.path} after three clicks.`);
      await page.close();
      log(`  read ${article.outlet}: ${article.headline}`);
    }

    const [blank] = await browser.pages();
    const leadPage = await browser.newPage();
    await leadPage.goto(site.origin + lead.path, { waitUntil: 'load' });
    await leadPage.bringToFront();
    await blank?.close();
    return {
      browser,
      site,
      extensionId,
      lead: leadPage,
      async close() {
        await browser.close().catch(() => undefined);
        await site.close();
      },
    };
  } catch (err) {
    await browser.close().catch(() => undefined);
    await site.close();
    throw err;
  }
}

/**
 * Clicks Parallax on the lead article, as the reader is invited to, and returns
 * the side panel once it shows that article. The panel follows the active tab,
 * so a panel opened while seeding may be the one that answers; a click lost on
 * a busy machine is repeated, as a reader would.
 */
export async function clickOnLead(demo: Demo, headline: string): Promise<Page> {
  const extension = (await demo.browser.extensions()).get(demo.extensionId);
  if (!extension) throw new Error('Chromium did not load the extension.');
  const isPanel = (t: Target) => t.url().startsWith(`chrome-extension://${demo.extensionId}/src/sidebar/`);
  for (let attempt = 0; attempt < 3; attempt++) {
    await demo.lead.bringToFront();
    await demo.lead.triggerExtensionAction(extension);
    const deadline = Date.now() + 8_000;
    while (Date.now() < deadline) {
      for (const target of demo.browser.targets().filter(isPanel)) {
        const page = await target.asPage();
        const shown = await page.$eval('[data-testid=headline]', (e) => e.textContent).catch(() => null);
        if (shown === headline) return page;
      }
      await new Promise((r) => setTimeout(r, 200));
    }
  }
  throw new Error('The side panel did not show the lead article after three clicks.');
}

/** Whether the extension's own database holds the article at `url` within `ms`. */
async function waitForStored(browser: Browser, extensionId: string, url: string, ms: number): Promise<boolean> {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    // Ask whichever worker is running now: the browser may have restarted it.
    const target = browser.targets().find((t) => t.type() === 'service_worker' && t.url().startsWith(`chrome-extension://${extensionId}/`));
    const context = await target?.worker();
    const rows = context ? await storedArticles(context).catch(() => []) : [];
    if (rows.some((r) => r.canonicalUrl === url)) return true;
    await new Promise((r) => setTimeout(r, 100));
  }
  return false;
}
