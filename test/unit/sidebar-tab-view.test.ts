// @vitest-environment happy-dom
/**
 * The sidebar's view of its tab must end at what the background last said,
 * whatever order the first request, the broadcasts and the replies come in.
 * The browser's messaging is stood in for by a small in-test background (the
 * hook under test is real); sidebar-early.js is stood in for by what it leaves
 * on `globalThis.parallaxEarly`.
 */
import { h, render } from 'preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { TabStatus, TabView } from '../../src/shared/messages';

type Listener = (raw: unknown) => unknown;

const background = {
  status: 'idle' as TabStatus,
  asked: 0,
  /** When set, the next tab/get waits for this before answering. */
  hold: null as Promise<void> | null,
  listeners: new Set<Listener>(),
};

function viewOf(tabId: number, status: TabStatus): TabView {
  return { tabId, status, article: null, related: [], pinId: null, articlePinId: null, error: null };
}

vi.mock('webextension-polyfill', () => ({
  default: {
    runtime: {
      async sendMessage(message: { type?: string; tabId?: number }) {
        if (message.type !== 'tab/get') return { ok: false, error: `not served here: ${String(message.type)}` };
        background.asked++;
        const status = background.status;
        const hold = background.hold;
        background.hold = null;
        if (hold) await hold;
        return { ok: true, value: viewOf(message.tabId!, status) };
      },
      onMessage: {
        addListener: (l: Listener) => background.listeners.add(l),
        removeListener: (l: Listener) => background.listeners.delete(l),
      },
    },
    tabs: {
      query: async () => [],
      onActivated: { addListener: () => undefined, removeListener: () => undefined },
    },
  },
}));

const TAB = 7;

function deferred<T>() {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((r) => (resolve = r));
  return { promise, resolve };
}

/** What sidebar-early.js leaves behind: its request for the view, and what it heard since. */
function earlyStart(view: Promise<unknown>, heard: unknown[]) {
  const stopped = { value: false };
  (globalThis as { parallaxEarly?: unknown }).parallaxEarly = {
    tab: Promise.resolve({ tabId: TAB, windowId: undefined }),
    view,
    heard,
    stopListening: () => (stopped.value = true),
  };
  return stopped;
}

async function mountSidebarView(): Promise<() => string> {
  const { useTabView } = await import('../../src/sidebar/useTabView');
  function Probe() {
    const { load } = useTabView();
    return h('p', { id: 'shown' }, load.state === 'ready' ? load.view.status : load.state);
  }
  const root = document.createElement('div');
  document.body.append(root);
  render(h(Probe, null), root);
  return () => root.querySelector('#shown')?.textContent ?? '';
}

async function settle(): Promise<void> {
  for (let i = 0; i < 5; i++) await new Promise((r) => setTimeout(r, 0));
}

beforeEach(() => {
  vi.resetModules();
  window.history.replaceState(null, '', `/src/sidebar/index.html?tabId=${TAB}`);
  background.status = 'idle';
  background.asked = 0;
  background.hold = null;
  background.listeners.clear();
});

afterEach(() => {
  delete (globalThis as { parallaxEarly?: unknown }).parallaxEarly;
  document.body.replaceChildren();
});

describe("the sidebar's view of its tab", () => {
  it('asks again when the tab changed while the sidebar was still loading', async () => {
    // The early request saw a capture in progress; the capture finished before the sidebar listened.
    const stopped = earlyStart(Promise.resolve({ ok: true, value: viewOf(TAB, 'capturing') }), [{ event: 'tab/changed', tabId: TAB }]);
    background.status = 'not-article';
    const shown = await mountSidebarView();
    await settle();
    expect(shown()).toBe('not-article');
    expect(background.asked).toBe(1);
    expect(stopped.value).toBe(true);
  });

  it('does not ask again for news about other tabs, or for messages that are not events', async () => {
    earlyStart(Promise.resolve({ ok: true, value: viewOf(TAB, 'capturing') }), [
      { event: 'tab/changed', tabId: TAB + 1 },
      { type: 'tab/get', tabId: TAB },
      { event: 'tab/changed', tabId: 'seven' },
      null,
    ]);
    background.status = 'not-article';
    const shown = await mountSidebarView();
    await settle();
    expect(shown()).toBe('capturing');
    expect(background.asked).toBe(0);
  });

  it('hears changes once it listens itself', async () => {
    earlyStart(Promise.resolve({ ok: true, value: viewOf(TAB, 'capturing') }), []);
    const shown = await mountSidebarView();
    await settle();
    expect(shown()).toBe('capturing');
    background.status = 'not-article';
    for (const listener of background.listeners) listener({ event: 'tab/changed', tabId: TAB });
    await settle();
    expect(shown()).toBe('not-article');
  });

  it('keeps the newest answer when an older one arrives after it', async () => {
    const early = deferred<unknown>();
    earlyStart(early.promise, [{ event: 'tab/changed', tabId: TAB }]);
    background.status = 'not-article';
    const shown = await mountSidebarView();
    await settle();
    expect(shown()).toBe('not-article');
    // The first request's answer, from before the change, comes in last.
    early.resolve({ ok: true, value: viewOf(TAB, 'capturing') });
    await settle();
    expect(shown()).toBe('not-article');
  });

  it('listens from its own first request when the early script did not run', async () => {
    const release = deferred<void>();
    background.status = 'capturing';
    background.hold = release.promise;
    const shown = await mountSidebarView();
    // The first request has read "capturing"; the capture ends and is broadcast before the first render listens.
    background.status = 'not-article';
    for (const listener of [...background.listeners]) listener({ event: 'tab/changed', tabId: TAB });
    release.resolve();
    await settle();
    expect(shown()).toBe('not-article');
  });
});
