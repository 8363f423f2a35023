/**
 * Injected into the reader's page (on a toolbar click, or automatically on
 * sites the reader opted in). Reads the page, never changes it, and hands
 * the capture to the background.
 */
import browser from 'webextension-polyfill';
import { captureDocument } from '../core/capture';

async function run(): Promise<void> {
  const article = captureDocument(document, location.href);
  const reply = (await browser.runtime.sendMessage({ type: 'capture/submit', article })) as { ok: boolean; error?: string };
  if (!reply?.ok) console.warn('Parallax could not save this page:', reply?.error);
}

run().catch((err: unknown) => console.warn('Parallax capture failed:', err instanceof Error ? `${err.name}: ${err.message}` : String(err)));
