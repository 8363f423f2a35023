/**
 * The one place where Chrome and Firefox differ at run time: how the side
 * panel opens. Features call these functions and never test the browser.
 */
import browser from 'webextension-polyfill';

interface ChromeSidePanel {
  open(options: { tabId?: number; windowId?: number }): Promise<void>;
  setPanelBehavior?(behavior: { openPanelOnActionClick: boolean }): Promise<void>;
}
interface FirefoxSidebarAction {
  open(): Promise<void>;
}

const chromeSidePanel = (globalThis as { chrome?: { sidePanel?: ChromeSidePanel } }).chrome?.sidePanel;
const firefoxSidebar = (browser as unknown as { sidebarAction?: FirefoxSidebarAction }).sidebarAction;

/**
 * Opens the sidebar beside `tab`. Both browsers only allow this while the
 * reader's click is being handled, so call it before any `await`.
 */
export function openSidebar(tab: { id?: number; windowId?: number }): Promise<void> {
  if (firefoxSidebar) return firefoxSidebar.open();
  if (chromeSidePanel) {
    return chromeSidePanel.open(tab.id !== undefined ? { tabId: tab.id } : { windowId: tab.windowId });
  }
  return Promise.reject(new Error('This browser has no sidebar for extensions.'));
}
