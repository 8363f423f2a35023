import { useCallback, useEffect, useState } from 'preact/hooks';
import browser from 'webextension-polyfill';
import type { TabView } from '../shared/messages';
import { onEvent, send } from '../shared/messaging';
import { markOnce } from './timing';

export type Load = { state: 'loading' } | { state: 'ready'; view: TabView } | { state: 'error'; message: string };

/** The tab the sidebar follows: a fixed one from ?tabId=, else the active tab of its window. */
function useFollowedTab(): number | null {
  const fixed = Number(new URLSearchParams(location.search).get('tabId'));
  const [tabId, setTabId] = useState<number | null>(Number.isInteger(fixed) && fixed > 0 ? fixed : null);

  useEffect(() => {
    if (Number.isInteger(fixed) && fixed > 0) return;
    let windowId: number | undefined;
    void browser.windows.getCurrent().then(async (win) => {
      windowId = win.id;
      const [active] = await browser.tabs.query({ active: true, windowId: win.id });
      if (active?.id !== undefined) setTabId(active.id);
    });
    const onActivated = (info: { tabId: number; windowId: number }) => {
      if (windowId === undefined || info.windowId === windowId) setTabId(info.tabId);
    };
    browser.tabs.onActivated.addListener(onActivated);
    return () => browser.tabs.onActivated.removeListener(onActivated);
  }, [fixed]);

  return tabId;
}

/** What the background knows about the followed tab, refreshed whenever it changes. */
export function useTabView(): { load: Load; tabId: number | null; refresh: () => void } {
  const tabId = useFollowedTab();
  const [load, setLoad] = useState<Load>({ state: 'loading' });

  const refresh = useCallback(() => {
    if (tabId === null) return;
    send('tab/get', { tabId }).then(
      (view) => {
        markOnce('view');
        setLoad({ state: 'ready', view });
      },
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
