/*
 * The sidebar asks for the tab's view while its page is still loading: this
 * small plain script runs as soon as the head is parsed, where the sidebar's
 * modules would only ask once all of them are loaded and evaluated. The
 * background starts the story's comparison on this request, so both arrive
 * that much sooner. useTabView takes the answer from `parallaxEarly`; without
 * this script it asks itself. The request is the one messages.ts declares.
 *
 * The view can change while the sidebar's modules load (a capture finishing,
 * say), and their own listener is not there yet to hear it: this script keeps
 * what is broadcast meanwhile, and useTabView asks again if any of it
 * concerns the tab.
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
  const heard = [];
  // Kept raw: useTabView validates each one as it validates any event. Returning nothing leaves requests to the background.
  const listen = (raw) => {
    if (heard.length < 100) heard.push(raw);
  };
  api.runtime.onMessage.addListener(listen);
  const stopListening = () => api.runtime.onMessage.removeListener(listen);
  globalThis.parallaxEarly = { tab, view, heard, stopListening };
})();
