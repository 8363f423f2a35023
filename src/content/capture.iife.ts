/**
 * Injected into the reader's page (on a toolbar click, or automatically on
 * sites the reader opted in). Reads the page, never changes it, and hands
 * the capture to the background; then follows the page (see live.ts) so that
 * an article shown later in the same tab is captured too.
 */
import browser from 'webextension-polyfill';
import type { CapturedArticle } from '../core/article';
import { LivePage } from './live';

async function submit(article: CapturedArticle, visit: string): Promise<void> {
  const reply = (await browser.runtime.sendMessage({ type: 'capture/submit', article, visit })) as { ok: boolean; error?: string };
  if (!reply?.ok) console.warn('Parallax could not save this page:', reply?.error);
}

const describe = (err: unknown): string => (err instanceof Error ? `${err.name}: ${err.message}` : String(err));
const report = (err: unknown) => console.warn('Parallax capture failed:', describe(err));

// Injected again on every click: one follower per page, kept in this extension's isolated world.
const scope = globalThis as typeof globalThis & { parallaxLivePage?: LivePage };
scope.parallaxLivePage ??= new LivePage({ submit: (article, visit) => submit(article, visit).catch(report) });
scope.parallaxLivePage.captureNow().catch((err: unknown) => {
  report(err);
  browser.runtime.sendMessage({ type: 'capture/failed', reason: describe(err).slice(0, 500) }).catch(() => undefined);
});
