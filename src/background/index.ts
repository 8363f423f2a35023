/**
 * The background worker: turns toolbar clicks into captures, stores them,
 * and answers the extension pages. It keeps nothing in memory that matters:
 * the browser may stop it at any moment.
 */
import browser from 'webextension-polyfill';
import { openSidebar } from '../shared/platform';
import { serve } from '../shared/messaging';
import { setAutoCaptureSites, syncAutoCapture } from './autocapture';
import { acceptCapture, captureTab, viewOfTab } from './capture';
import { pinStory, pinViews, unpin } from './pinning';
import { db } from './store/schema';
import { getSettings } from './store/settings';
import { forgetTab, setTabState } from './tab-state';

browser.action.onClicked.addListener((tab) => {
  // Opening the sidebar is only allowed synchronously inside the click.
  openSidebar(tab).catch((err: unknown) => console.warn('Parallax: sidebar did not open', err));
  if (tab.id !== undefined) void captureTab(tab.id);
});

serve({
  'capture/submit': (req, sender) => acceptCapture(sender.tab?.id, req.article),
  'tab/get': (req) => viewOfTab(req.tabId),
  'tab/capture': async (req) => {
    await captureTab(req.tabId);
    return viewOfTab(req.tabId);
  },
  'pin/add': (req) => pinStory(req.articleId),
  'pin/remove': (req) => unpin(req.pinId),
  'pins/list': () => pinViews(),
  'settings/get': async () => getSettings(await db()),
  'autocapture/set': (req) => setAutoCaptureSites(req.sites),
});

browser.tabs.onRemoved.addListener((tabId) => void forgetTab(tabId));
browser.tabs.onUpdated.addListener((tabId, change) => {
  // A new page in the tab: what the sidebar showed belongs to the old one.
  if (change.status === 'loading') void setTabState(tabId, { status: 'idle' });
});

browser.runtime.onInstalled.addListener(() => void syncAutoCapture());
browser.permissions.onRemoved.addListener(() => void syncAutoCapture());
