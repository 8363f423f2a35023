/// <reference types="chrome" />
/** Reads Parallax's real state from inside one of its own pages. */
import type { Page } from 'puppeteer-core';

type Api = typeof chrome;
declare const browser: Api | undefined;

export { storedArticles } from '../../src/demo/stored';

/** The browser's id of the tab showing `url` (Parallax may see it: the reader clicked there). */
export async function tabIdFor(page: Page, url: string): Promise<number> {
  const id = await page.evaluate(async (wanted) => {
    const api = typeof browser !== 'undefined' ? browser : chrome;
    const tabs = await api.tabs.query({});
    return tabs.find((t) => t.url === wanted)?.id ?? null;
  }, url);
  if (id === null) throw new Error(`no tab shows ${url}`);
  return id;
}

export async function badgeText(page: Page, tabId: number): Promise<string> {
  return page.evaluate(async (id) => {
    const api = typeof browser !== 'undefined' ? browser : chrome;
    return api.action.getBadgeText({ tabId: id });
  }, tabId);
}

/** Sends any message, well-formed or not, as an extension page would. */
export async function sendRaw(page: Page, message: unknown): Promise<unknown> {
  return page.evaluate(async (m) => {
    const api = typeof browser !== 'undefined' ? browser : chrome;
    return api.runtime.sendMessage(m);
  }, message as never);
}

/** Polls `probe` until it returns a value that passes `ok`, or fails after `ms`. */
export async function eventually<T>(probe: () => Promise<T>, ok: (value: T) => boolean, ms = 15_000): Promise<T> {
  const deadline = Date.now() + ms;
  let last: T | undefined;
  let lastError: unknown;
  while (Date.now() < deadline) {
    try {
      last = await probe();
      if (ok(last)) return last;
    } catch (err) {
      lastError = err;
    }
    await new Promise((r) => setTimeout(r, 150));
  }
  throw new Error(`condition not met in ${ms} ms; last value: ${JSON.stringify(last)}${lastError ? `; last error: ${String(lastError)}` : ''}`);
}
