import { useCallback, useEffect, useState } from 'preact/hooks';
import browser from 'webextension-polyfill';
import { parseEvent, type EventType, type TabView } from '../shared/messages';
import { onEvent, send, unwrapReply } from '../shared/messaging';
import { useNewestReply } from '../ui/useNewestReply';
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

type FirstTab = { tabId: number | null; windowId: number | undefined };

/**
 * What sidebar-early.js started while the page was loading, if it ran: the
 * tab, the raw reply to `tab/get` for it, and the raw messages broadcast
 * since (unvalidated until read here).
 */
interface EarlyStart {
  tab: Promise<FirstTab>;
  view: Promise<unknown>;
  heard: unknown[];
  stopListening(): void;
}
const early = (globalThis as { parallaxEarly?: EarlyStart }).parallaxEarly;

/**
 * Events broadcast after the first view was asked for and before the hook
 * listens: that view may be older than they are. Listening starts with the
 * first request (in the early script, else here) and hands over to the hook.
 */
const beforeHook: Pick<EarlyStart, 'heard' | 'stopListening'> = early ?? listenUntilHook();

function listenUntilHook(): Pick<EarlyStart, 'heard' | 'stopListening'> {
  const heard: unknown[] = [];
  const stopListening = onEvent((event) => {
    if (heard.length < 100) heard.push(event);
  });
  return { heard, stopListening };
}

/** Whether anything heard before the hook listened changes what `tabId` shows; stops that early listening. */
function missedChangeFor(tabId: number): boolean {
  beforeHook.stopListening();
  const heard = beforeHook.heard.splice(0);
  return heard.some((raw) => {
    const parsed = parseEvent(raw);
    return parsed.ok && concerns(parsed.value, tabId);
  });
}

/** Whether an event changes what the sidebar shows for `tabId`: news of that tab, or of the pins it marks. */
function concerns(event: { event: EventType; tabId?: number }, tabId: number | null): boolean {
  return event.event === 'pins/changed' || event.tabId === tabId;
}

/**
 * The first tab and its view are asked for while the page is still loading
 * (by the early script, else the same way as this module loads) rather than
 * from the first render's effects, which run a frame or more later.
 */
const start: { tab: Promise<FirstTab>; view: Promise<TabView | null> } = early
  ? { tab: early.tab, view: early.view.then((raw) => (raw === undefined ? null : shown(unwrapReply<'tab/get'>(raw)))) }
  : startHere();

function startHere(): { tab: Promise<FirstTab>; view: Promise<TabView | null> } {
  const tab: Promise<FirstTab> =
    fixedTab !== null
      ? Promise.resolve({ tabId: fixedTab, windowId: undefined })
      : browser.tabs.query({ active: true, currentWindow: true }).then(([t]) => ({ tabId: t?.id ?? null, windowId: t?.windowId }));
  return { tab, view: tab.then(({ tabId }) => (tabId === null ? null : askForView(tabId))) };
}

/** The first view, until a render takes it. */
let earlyView: { tabId: number; reply: Promise<TabView> } | null = null;
void start.tab.then(({ tabId }) => {
  if (tabId !== null) earlyView = { tabId, reply: start.view.then((view) => view!) };
});

/** The tab the sidebar follows: a fixed one from ?tabId=, else the active tab of its window. */
function useFollowedTab(): number | null {
  const [tabId, setTabId] = useState<number | null>(fixedTab);

  useEffect(() => {
    if (fixedTab !== null) return;
    let windowId: number | undefined;
    void start.tab.then((first) => {
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

  const showNewest = useNewestReply();
  const refresh = useCallback(() => {
    if (tabId === null) return;
    const early = earlyView?.tabId === tabId ? earlyView.reply : null;
    earlyView = null;
    showNewest(
      early ?? askForView(tabId),
      (view) => setLoad({ state: 'ready', view }),
      (message) => setLoad({ state: 'error', message }),
    );
  }, [tabId, showNewest]);

  useEffect(() => {
    refresh();
    const stop = onEvent((event) => {
      if (concerns(event, tabId)) refresh();
    });
    if (tabId !== null && missedChangeFor(tabId)) refresh();
    return stop;
  }, [refresh, tabId]);

  return { load, tabId, refresh };
}
