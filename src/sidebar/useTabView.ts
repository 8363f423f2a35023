import { useCallback, useEffect, useState } from 'preact/hooks';
import browser from 'webextension-polyfill';
import type { TabView } from '../shared/messages';
import { onEvent, send } from '../shared/messaging';
import { askForStory } from './storyRequests';
import { markOnce } from './timing';

export type Load = { state: 'loading' } | { state: 'ready'; view: TabView } | { state: 'error'; message: string };

const fixedTab = ((n: number) => (Number.isInteger(n) && n > 0 ? n : null))(Number(new URLSearchParams(location.search).get('tabId')));

/** Asks for a tab's view and, the moment it is in, for its story's comparison: no render stands between them. */
function askForView(tabId: number): Promise<TabView> {
  return send('tab/get', { tabId }).then((view) => {
    markOnce('view');
    askForStory(view);
    return view;
  });
}

/**
 * The first view is asked for while the page is still loading rather than
 * from the first render's effects, which run a frame or more later.
 */
let earlyView: { tabId: number; reply: Promise<TabView> } | null = fixedTab !== null ? { tabId: fixedTab, reply: askForView(fixedTab) } : null;
const activeTab: Promise<{ tabId: number | null; windowId: number | undefined }> =
  fixedTab !== null
    ? Promise.resolve({ tabId: fixedTab, windowId: undefined })
    : browser.tabs.query({ active: true, currentWindow: true }).then(([tab]) => {
        if (tab?.id !== undefined) earlyView = { tabId: tab.id, reply: askForView(tab.id) };
        return { tabId: tab?.id ?? null, windowId: tab?.windowId };
      });

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
