/**
 * Launches real Chromium and Firefox with the built extension and gives the
 * tests one interface for both: open pages, click the toolbar button as a
 * reader does, open extension pages, read the extension's own state.
 */
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';

export type BrowserName = 'chromium' | 'firefox';
export const BROWSERS: BrowserName[] = ['chromium', 'firefox'];

const ROOT = resolve(import.meta.dirname, '../..');
export const GECKO_ID = 'parallax@parallax-reader.org';
/** Fixed so that moz-extension:// addresses are known before launch. */
const FIREFOX_UUID = '6f1e2d3c-4b5a-4978-8a6b-5c4d3e2f1a0b';

export function executablePath(name: BrowserName): string {
  const path = name === 'chromium' ? (process.env.CHROME_PATH ?? '/usr/bin/chromium') : (process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr');
  if (!existsSync(path)) {
    throw new Error(`${name} not found at ${path}. Install it (apt-get install ${name === 'chromium' ? 'chromium' : 'firefox-esr'}) or set ${name === 'chromium' ? 'CHROME_PATH' : 'FIREFOX_PATH'}.`);
  }
  return path;
}

export function newProfileDir(name: BrowserName): string {
  return mkdtempSync(join(tmpdir(), `parallax-${name}-`));
}

export interface ExtensionBrowser {
  name: BrowserName;
  browser: Browser;
  /** Base of extension page addresses, ending in "/". */
  extensionBase: string;
  openPage(url: string): Promise<Page>;
  /** Clicks Parallax's toolbar button with `page` as the active tab. */
  clickToolbarButton(page: Page): Promise<void>;
  /** Opens an extension page in a tab and waits for `ready` to appear. */
  openExtensionPage(path: string, ready: string, width?: number): Promise<Page>;
  /** The address loaded in the browser's sidebar, or null when it is closed. */
  sidebarUrl(): Promise<string | null>;
  /**
   * Answers the browser's permission prompt for `pattern` with "allow", as the
   * reader would. Must run before the extension asks.
   */
  allowSiteAccess(pattern: string): Promise<void>;
  /** Shows `page` as under a light or dark system theme. */
  setColorScheme(page: Page, scheme: 'light' | 'dark'): Promise<void>;
  /** Stops the background worker the way the browser does when it idles it out. */
  stopWorker(): Promise<void>;
  close(): Promise<void>;
}

export async function launch(name: BrowserName, profileDir = newProfileDir(name)): Promise<ExtensionBrowser> {
  return name === 'chromium' ? launchChromium(profileDir) : launchFirefox(profileDir);
}

async function launchChromium(userDataDir: string): Promise<ExtensionBrowser> {
  const browser = await puppeteer.launch({
    executablePath: executablePath('chromium'),
    headless: true,
    pipe: true,
    enableExtensions: true,
    userDataDir,
    args: ['--no-sandbox', '--enable-unsafe-extension-debugging', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-gpu'],
  });
  const id = await browser.installExtension(join(ROOT, 'dist/chrome'));
  // The click must land after the worker has registered its listeners.
  await browser.waitForTarget((t) => t.type() === 'service_worker' && t.url().startsWith(`chrome-extension://${id}/`));
  const extensionBase = `chrome-extension://${id}/`;
  return {
    name: 'chromium',
    browser,
    extensionBase,
    openPage: (url) => openPage(browser, url),
    async clickToolbarButton(page) {
      await page.bringToFront();
      const extension = (await browser.extensions()).get(id);
      if (!extension) throw new Error('Parallax is not installed');
      await page.triggerExtensionAction(extension);
    },
    openExtensionPage: (path, ready, width) => openExtensionPage(browser, extensionBase + path, ready, width),
    async sidebarUrl() {
      const target = browser.targets().find((t) => t.url().startsWith(`${extensionBase}src/sidebar/`));
      return target?.url() ?? null;
    },
    setColorScheme: (page, scheme) => page.emulateMediaFeatures([{ name: 'prefers-color-scheme', value: scheme }]),
    async allowSiteAccess(pattern) {
      // Headless Chromium cannot show the prompt; grant through the Extensions page's own API instead.
      const page = await browser.newPage();
      await page.goto(`chrome://extensions/?id=${id}`);
      await page.evaluate(
        (extensionId, host) => (globalThis as unknown as DeveloperPrivate).chrome.developerPrivate.addHostPermission(extensionId, host),
        id,
        pattern,
      );
      await page.close();
    },
    async stopWorker() {
      const page = await browser.newPage();
      const session = await page.createCDPSession();
      await session.send('ServiceWorker.enable');
      await session.send('ServiceWorker.stopAllWorkers');
      await page.close();
      await waitUntil(() => !browser.targets().some((t) => t.type() === 'service_worker' && t.url().startsWith(extensionBase)));
    },
    close: () => browser.close(),
  };
}

async function launchFirefox(userDataDir: string): Promise<ExtensionBrowser> {
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: executablePath('firefox'),
    headless: true,
    userDataDir,
    // Lets the test reach the browser's own window to click the toolbar button.
    args: ['--remote-allow-system-access'],
    extraPrefsFirefox: {
      'extensions.webextensions.uuids': JSON.stringify({ [GECKO_ID]: FIREFOX_UUID }),
      // A temporary add-on is removed at shutdown; keep its data and address for the restart test.
      'extensions.webextensions.keepStorageOnUninstall': true,
      'extensions.webextensions.keepUuidOnUninstall': true,
      // Firefox's own switch for answering optional-permission prompts in automation.
      'extensions.webextOptionalPermissionPrompts': false,
    },
  });
  await browser.installExtension(join(ROOT, 'dist/firefox'));
  const extensionBase = `moz-extension://${FIREFOX_UUID}/`;
  const bidi = (browser as unknown as { connection: BidiConnection }).connection;
  return {
    name: 'firefox',
    browser,
    extensionBase,
    openPage: (url) => openPage(browser, url),
    async clickToolbarButton(page) {
      await page.bringToFront();
      await evaluateInChrome(bidi, `(() => {
        const id = ${JSON.stringify(widgetId(GECKO_ID))};
        // Pin the button to the toolbar, as a reader would, then click it.
        CustomizableUI.addWidgetToArea(id, CustomizableUI.AREA_NAVBAR);
        const node = document.getElementById(id);
        const button = node && (node.querySelector('.unified-extensions-item-action-button') || node.querySelector('toolbarbutton'));
        if (!button) throw new Error('Parallax toolbar button not found');
        button.click();
        return true;
      })()`);
    },
    openExtensionPage: (path, ready, width) => openExtensionPage(browser, extensionBase + path, ready, width),
    async sidebarUrl() {
      const url = await evaluateInChrome(bidi, `(() => {
        if (!SidebarController.isOpen) return null;
        const panel = SidebarController.browser.contentDocument.getElementById('webext-panels-browser');
        return panel ? panel.currentURI.spec : null;
      })()`);
      return typeof url === 'string' ? url : null;
    },
    async setColorScheme(page, scheme) {
      // Firefox's BiDi has no media emulation; its own content theme override does the same for every page.
      await evaluateInChrome(bidi, `Services.prefs.setIntPref('layout.css.prefers-color-scheme.content-override', ${scheme === 'dark' ? 0 : 1})`);
      await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
    },
    async allowSiteAccess() {
      // The profile's extensions.webextOptionalPermissionPrompts=false already answers "allow".
    },
    async stopWorker() {
      // Firefox declines to suspend a background that is still answering a message or an event
      // (a capture in flight, a page's request): it stays running. Ask again once that is done.
      let state: unknown = null;
      const deadline = Date.now() + 10_000;
      while (state !== 'stopped') {
        if (Date.now() > deadline) throw new Error(`background did not stop: ${String(state)}`);
        if (state !== null) await new Promise((r) => setTimeout(r, 100));
        state = await evaluateInChrome(bidi, `(async () => {
          const extension = WebExtensionPolicy.getByID(${JSON.stringify(GECKO_ID)}).extension;
          await extension.terminateBackground();
          return extension.backgroundState;
        })()`);
      }
    },
    close: () => browser.close(),
  };
}

interface DeveloperPrivate {
  chrome: { developerPrivate: { addHostPermission(id: string, host: string): Promise<void> } };
}

interface BidiConnection {
  send(method: string, params: object): Promise<{ result: unknown }>;
}

/** Firefox's id for an add-on's toolbar widget (see ExtensionCommon.makeWidgetId). */
function widgetId(addonId: string): string {
  return `${addonId.toLowerCase().replace(/[^a-z0-9_-]/g, '_')}-browser-action`;
}

async function evaluateInChrome(bidi: BidiConnection, expression: string): Promise<unknown> {
  const tree = (await bidi.send('browsingContext.getTree', { 'moz:scope': 'chrome' })).result as {
    contexts: { context: string; url: string }[];
  };
  const window = tree.contexts.find((c) => c.url === 'chrome://browser/content/browser.xhtml');
  if (!window) throw new Error('Firefox browser window not found');
  const reply = (await bidi.send('script.evaluate', { expression, target: { context: window.context }, awaitPromise: true })).result as {
    type: string;
    result?: { value?: unknown };
    exceptionDetails?: { text: string };
  };
  if (reply.type !== 'success') throw new Error(`chrome evaluate failed: ${reply.exceptionDetails?.text}`);
  return reply.result?.value ?? null;
}

async function waitUntil(done: () => boolean, ms = 10_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!done()) {
    if (Date.now() > deadline) throw new Error(`condition not met in ${ms} ms`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

async function openPage(browser: Browser, url: string): Promise<Page> {
  const page = await browser.newPage();
  await page.goto(url, { waitUntil: 'load' });
  return page;
}

/** What a page shows, for a failure message: a test that times out should say what it saw instead. */
async function shownText(page: Page): Promise<string> {
  const text = await page.evaluate(() => document.body?.innerText ?? '(no body)').catch((err: unknown) => `(unreadable: ${String(err)})`);
  return JSON.stringify(text.replace(/\s+/g, ' ').trim().slice(0, 400));
}

async function openExtensionPage(browser: Browser, url: string, ready: string, width = 600): Promise<Page> {
  const page = await browser.newPage();
  await page.setViewport({ width, height: 900 });
  // Firefox may never report a moz-extension:// navigation as finished; the page's own content says it is.
  page.goto(url).catch(() => undefined);
  // While the page is still navigating, Firefox's BiDi can fail a query outright instead of waiting; ask again.
  const deadline = Date.now() + 20_000;
  for (;;) {
    try {
      await page.waitForSelector(ready, { timeout: Math.max(1, deadline - Date.now()) });
      return page;
    } catch (err) {
      if (Date.now() >= deadline || (err as Error).name === 'TimeoutError') throw new Error(`${url} never showed ${ready}; it shows: ${await shownText(page)}`, { cause: err });
      await new Promise((r) => setTimeout(r, 100));
    }
  }
}
