/**
 * The background worker: turns toolbar clicks into captures, stores them,
 * and answers the extension pages. It keeps nothing in memory that matters:
 * the browser may stop it at any moment.
 */
import browser from 'webextension-polyfill';
import { openSidebar } from '../shared/platform';
import { serve } from '../shared/messaging';
import { setAutoCaptureSites, syncAutoCapture } from './autocapture';
import { acceptCapture, captureFailed, captureTab, historyOf, refreshOtherTabs, viewOfTab } from './capture';
import { alignArticles, compareArticles } from './comparison';
import { pin, pinViews, unpin } from './pinning';
import { indexPending, mergeStory, splitStory } from './store/library';
import { db } from './store/schema';
import { getSettings } from './store/settings';
import { forgetTab, setTabState } from './tab-state';

browser.action.onClicked.addListener((tab) => {
  // Opening the sidebar is only allowed synchronously inside the click.
  openSidebar(tab).catch((err: unknown) => console.warn('Parallax: sidebar did not open', err));
  if (tab.id !== undefined) void captureTab(tab.id);
});

serve({
  'capture/submit': (req, sender) => acceptCapture(sender.tab?.id, req.article, req.visit),
  'capture/failed': (req, sender) => captureFailed(sender.tab?.id, req.reason),
  'tab/get': async (req) => {
    const view = await viewOfTab(req.tabId);
    // The sidebar asks for this comparison next; start it now.
    if (view.article && view.related.length) void compareArticles([view.article.id, ...view.related.map((r) => r.id)]).catch(() => undefined);
    return view;
  },
  'tab/capture': async (req) => {
    await captureTab(req.tabId);
    return viewOfTab(req.tabId);
  },
  'pin/add': (req) => pin(req.articleId, req.kind ?? 'story'),
  'pin/remove': (req) => unpin(req.pinId),
  'pins/list': () => pinViews(),
  'story/compare': (req) => compareArticles(req.articleIds),
  'story/pair': (req) => alignArticles(req.articleId, req.otherId),
  'story/history': (req) => historyOf(req.articleIds),
  'settings/get': async () => getSettings(await db()),
  'autocapture/set': (req) => setAutoCaptureSites(req.sites),
  'story/split': async (req) => {
    const result = await splitStory(await db(), req.articleId, req.otherId);
    await refreshOtherTabs();
    return result;
  },
  'story/merge': async (req) => {
    const result = await mergeStory(await db(), req.articleId, req.otherId);
    await refreshOtherTabs();
    return result;
  },
});

// A library upgraded from v1 (or left half-indexed by a stopped worker) is indexed in the background.
void db()
  .then(indexPending)
  .catch((err: unknown) => console.warn('Parallax: indexing the library did not finish', err));

browser.tabs.onRemoved.addListener((tabId) => void forgetTab(tabId));
browser.tabs.onUpdated.addListener((tabId, change) => {
  // A new page in the tab: what the sidebar showed belongs to the old one.
  if (change.status === 'loading') void setTabState(tabId, { status: 'idle' });
});

browser.runtime.onInstalled.addListener(() => void syncAutoCapture());
browser.permissions.onRemoved.addListener(() => void syncAutoCapture());
