import browser from 'webextension-polyfill';
// The worker only needs the built script's path to inject it; it runs none of its code.
// eslint-disable-next-line no-restricted-imports
import captureScript from '../content/capture.iife.ts?script';
import type { CapturedArticle } from '../core/article';
import { broadcast } from '../shared/messaging';
import type { ArticleHistory, TabView } from '../shared/messages';
import { t } from '../shared/i18n';
import { forgetComparisonsOf, warmComparison } from './comparison';
import { articleChanges, getArticle, withoutVersions } from './store/articles';
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

/** The page could not be read after the script was injected; without this the tab would show "capturing" for good. */
export async function captureFailed(tabId: number | undefined, reason: string): Promise<{ recorded: boolean }> {
  if (tabId === undefined) return { recorded: false };
  console.warn('Parallax could not read tab', tabId, reason);
  // Only a capture still waiting: a failure that comes after a later success must not undo it.
  if ((await getTabState(tabId)).status !== 'capturing') return { recorded: false };
  await setTabState(tabId, { status: 'failed', error: t('errorCaptureBroke') });
  return { recorded: true };
}

/**
 * Stores a capture that arrived from a tab and updates that tab's badge.
 * The content script sends one on the reader's click and again when the page
 * shows another article (single-page apps) or finishes rendering late.
 */
export async function acceptCapture(tabId: number | undefined, article: CapturedArticle, visit?: string) {
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
    // The visit rides along on the capture to the article store (see upsertArticle), through the library's ingest.
    const capture: CapturedArticle & { visit?: string } = visit ? { ...article, visit } : article;
    stored = (await ingest(database, capture)).article;
  } catch (err) {
    if (tabId !== undefined) await setTabState(tabId, { status: 'failed', error: (err as Error).message });
    throw err;
  }
  forgetComparisonsOf(stored.id);
  const related = await relatedTo(database, stored.id);
  warmComparison([stored.id, ...related.map((r) => r.id)]);
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
  const view: TabView = { tabId, status: state.status, article: null, related: [], pinId: null, articlePinId: null, error: state.error };
  if (!state.articleId) return view;
  const database = await db();
  const article = await getArticle(database, state.articleId);
  if (!article) return { ...view, status: 'idle' };
  const [related, pin, articlePin] = await Promise.all([
    relatedTo(database, article.id),
    pinForArticle(database, article.id, 'story'),
    pinForArticle(database, article.id, 'article'),
  ]);
  return { ...view, article: withoutVersions(article), related, pinId: pin?.id ?? null, articlePinId: articlePin?.id ?? null };
}

/** Publication times and the changes the reader saw, for each of these articles still stored. */
export async function historyOf(ids: string[]): Promise<ArticleHistory[]> {
  const database = await db();
  const found = await Promise.all([...new Set(ids)].map((id) => getArticle(database, id)));
  return found
    .filter((a) => a !== undefined)
    .map((a) => ({
      articleId: a.id,
      siteName: a.siteName,
      title: a.title,
      url: a.url,
      publishedAt: a.publishedAt,
      modifiedAt: a.modifiedAt,
      firstSeenAt: a.capturedAt,
      changes: articleChanges(a),
    }));
}
