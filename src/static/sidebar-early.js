/*
 * The sidebar asks for the tab's view while its page is still loading: this
 * small plain script runs as soon as the head is parsed, where the sidebar's
 * modules would only ask once all of them are loaded and evaluated. The
 * background starts the story's comparison on this request, so both arrive
 * that much sooner. useTabView takes the answer from `parallaxEarly`; without
 * this script it asks itself. The request is the one messages.ts declares.
 */
(() => {
  const api = globalThis.browser ?? globalThis.chrome;
  if (!api?.runtime?.sendMessage || !api.tabs?.query) return;
  const fixed = Number(new URLSearchParams(location.search).get('tabId'));
  const tab =
    Number.isInteger(fixed) && fixed > 0
      ? Promise.resolve({ tabId: fixed, windowId: undefined })
      : api.tabs.query({ active: true, currentWindow: true }).then(([t]) => ({ tabId: t?.id ?? null, windowId: t?.windowId }));
  const view = tab.then(({ tabId }) => (tabId === null ? undefined : api.runtime.sendMessage({ type: 'tab/get', tabId })));
  // Handled by whoever takes it; an unhandled rejection here would only be noise.
  view.catch(() => undefined);
  globalThis.parallaxEarly = { tab, view };
})();
