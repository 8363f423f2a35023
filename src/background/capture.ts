import browser from 'webextension-polyfill';
// The worker only needs the built script's path to inject it; it runs none of its code.
// eslint-disable-next-line no-restricted-imports
import captureScript from '../content/capture.iife.ts?script';
import type { CapturedArticle, StoredArticle } from '../core/article';
import { broadcast } from '../shared/messaging';
import { rankRelated } from '../core/match';
import type { TabView } from '../shared/messages';
import { t } from '../shared/i18n';
import { getArticle, recentArticles, saveArticle } from './store/articles';
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
    stored = await saveArticle(database, article);
  } catch (err) {
    if (tabId !== undefined) await setTabState(tabId, { status: 'failed', error: (err as Error).message });
    throw err;
  }
  const candidates = await recentArticles(database);
  const related = rankRelated(stored, candidates);
  if (tabId !== undefined) {
    await setTabState(tabId, { status: 'captured', articleId: stored.id });
    await showBadge(tabId, related.length);
  }
  await refreshOtherTabs(tabId, candidates);
  return { articleId: stored.id, related: related.length };
}

/** New coverage changes what other open articles have in common: update their badges and sidebars. */
async function refreshOtherTabs(except: number | undefined, candidates: StoredArticle[]): Promise<void> {
  const byId = new Map(candidates.map((a) => [a.id, a]));
  for (const { tabId, articleId } of await capturedTabs()) {
    const article = byId.get(articleId);
    if (tabId === except || !article) continue;
    await showBadge(tabId, rankRelated(article, candidates).length);
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
  const [candidates, pin] = await Promise.all([recentArticles(database), pinForArticle(database, article.id)]);
  return { ...view, article, related: rankRelated(article, candidates), pinId: pin?.id ?? null };
}
