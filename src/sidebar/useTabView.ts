import { useCallback, useEffect, useState } from 'preact/hooks';
import browser from 'webextension-polyfill';
import type { TabView } from '../shared/messages';
import { onEvent, send, unwrapReply } from '../shared/messaging';
import { askForStory } from './storyRequests';
import { markOnce } from './timing';

export type Load = { state: 'loading' } | { state: 'ready'; view: TabView } | { state: 'error'; message: string };

const fixedTab = ((n: number) => (Number.isInteger(n) && n > 0 ? n : null))(Number(new URLSearchParams(location.search).get('tabId')));

/** Asks for a tab's view and, the moment it is in, for its story's comparison: no render stands between them. */
function askForView(tabId: number): Promise<TabView> {
  return send('tab/get', { tabId }).then(shown);
}

function shown(view: TabView): TabView {
  markOnce('view');
  askForStory(view);
  return view;
}

/** What sidebar-early.js started while the page was loading, if it ran. */
interface EarlyStart {
  tab: Promise<{ tabId: number | null; windowId: number | undefined }>;
  view: Promise<unknown>;
}
const early = (globalThis as { parallaxEarly?: EarlyStart }).parallaxEarly;

/**
 * The first view is asked for while the page is still loading (by the early
 * script, else as this module loads) rather than from the first render's
 * effects, which run a frame or more later.
 */
let earlyView: { tabId: number; reply: Promise<TabView> } | null = null;
const activeTab: Promise<{ tabId: number | null; windowId: number | undefined }> = early
  ? early.tab
  : fixedTab !== null
    ? Promise.resolve({ tabId: fixedTab, windowId: undefined })
    : browser.tabs.query({ active: true, currentWindow: true }).then(([tab]) => ({ tabId: tab?.id ?? null, windowId: tab?.windowId }));
if (early) {
  void early.tab.then(({ tabId }) => {
    if (tabId !== null) earlyView = { tabId, reply: early.view.then((raw) => shown(unwrapReply<'tab/get'>(raw))) };
  });
} else if (fixedTab !== null) {
  earlyView = { tabId: fixedTab, reply: askForView(fixedTab) };
} else {
  void activeTab.then(({ tabId }) => {
    if (tabId !== null) earlyView = { tabId, reply: askForView(tabId) };
  });
}

/** The tab the sidebar follows: a fixed one from ?tabId=, else the active tab of its window. */
function useFollowedTab(): number | null {
  const [tabId, setTabId] = useState<number | null>(fixedTab);

  useEffect(() => {
    if (fixedTab !== null) return;
    let windowId: number | undefined;
    void activeTab.then((first) => {
      windowId = first.windowId;
      if (first.tabId !== null) setTabId((now) => now ?? first.tabId);
    });
    const onActivated = (info: { tabId: number; windowId: number }) => {
      if (windowId === undefined || info.windowId === windowId) setTabId(info.tabId);
    };
    browser.tabs.onActivated.addListener(onActivated);
    return () => browser.tabs.onActivated.removeListener(onActivated);
  }, []);

  return tabId;
}

/** What the background knows about the followed tab, refreshed whenever it changes. */
export function useTabView(): { load: Load; tabId: number | null; refresh: () => void } {
  const tabId = useFollowedTab();
  const [load, setLoad] = useState<Load>({ state: 'loading' });

  const refresh = useCallback(() => {
    if (tabId === null) return;
    const early = earlyView?.tabId === tabId ? earlyView.reply : null;
    earlyView = null;
    (early ?? askForView(tabId)).then(
      (view) => setLoad({ state: 'ready', view }),
      (err: unknown) => setLoad({ state: 'error', message: err instanceof Error ? err.message : String(err) }),
    );
  }, [tabId]);

  useEffect(() => {
    refresh();
    return onEvent((event) => {
      if (event.event === 'pins/changed' || event.tabId === tabId) refresh();
    });
  }, [refresh, tabId]);

  return { load, tabId, refresh };
}
