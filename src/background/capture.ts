import browser from 'webextension-polyfill';
// The worker only needs the built script's path to inject it; it runs none of its code.
// eslint-disable-next-line no-restricted-imports
import captureScript from '../content/capture.iife.ts?script';
import type { CapturedArticle } from '../core/article';
import { broadcast } from '../shared/messaging';
import type { TabView } from '../shared/messages';
import { t } from '../shared/i18n';
import { getArticle } from './store/articles';
import { ingest, relatedTo } from './store/library';
import { pinForArticle } from './store/pins';
import { db } from './store/schema';
import { capturedTabs, getTabState, setTabState, showBadge } from './tab-state';

export const CAPTURE_SCRIPT = captureScript;

/** Runs the capture script in a tab; the script reports back with capture/submit. */
export async function captureTab(tabId: number): Promise<void> {
  await setTabState(tabId, { status: 'capturing' });
  try {
    await browser.scripting.executeScript({ target: { tabId }, files: [captureScript] });
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    console.warn('Parallax could not run in tab', tabId, message);
    await setTabState(tabId, { status: 'failed', error: t('errorCannotRead') });
  }
}

/** Stores a capture that arrived from a tab and updates that tab's badge. */
export async function acceptCapture(tabId: number | undefined, article: CapturedArticle) {
  if (!article.isArticle) {
    if (tabId !== undefined) {
      await setTabState(tabId, { status: 'not-article' });
      await showBadge(tabId, 0);
    }
    return { articleId: null, related: 0 };
  }
  const database = await db();
  let stored;
  try {
    stored = (await ingest(database, article)).article;
  } catch (err) {
    if (tabId !== undefined) await setTabState(tabId, { status: 'failed', error: (err as Error).message });
    throw err;
  }
  const related = await relatedTo(database, stored.id);
  if (tabId !== undefined) {
    await setTabState(tabId, { status: 'captured', articleId: stored.id });
    await showBadge(tabId, related.length);
  }
  await refreshOtherTabs(tabId);
  return { articleId: stored.id, related: related.length };
}

/** New coverage (or a correction) changes what other open articles have in common: update their badges and sidebars. */
export async function refreshOtherTabs(except?: number): Promise<void> {
  const database = await db();
  for (const { tabId, articleId } of await capturedTabs()) {
    if (tabId === except) continue;
    await showBadge(tabId, (await relatedTo(database, articleId)).length);
    broadcast('tab/changed', { tabId });
  }
}

/** Everything the sidebar needs for one tab. */
export async function viewOfTab(tabId: number): Promise<TabView> {
  const state = await getTabState(tabId);
  const view: TabView = { tabId, status: state.status, article: null, related: [], pinId: null, error: state.error };
  if (!state.articleId) return view;
  const database = await db();
  const article = await getArticle(database, state.articleId);
  if (!article) return { ...view, status: 'idle' };
  const [related, pin] = await Promise.all([relatedTo(database, article.id), pinForArticle(database, article.id)]);
  return { ...view, article, related, pinId: pin?.id ?? null };
}
