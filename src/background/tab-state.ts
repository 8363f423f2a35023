/**
 * What each tab shows, kept in storage.session so that a stopped and
 * restarted worker still knows it (it is cleared when the browser closes).
 */
import browser from 'webextension-polyfill';
import type { TabStatus } from '../shared/messages';
import { broadcast } from '../shared/messaging';

export interface TabState {
  status: TabStatus;
  articleId: string | null;
  error: string | null;
}

const IDLE: TabState = { status: 'idle', articleId: null, error: null };
const key = (tabId: number) => `tab:${tabId}`;

export async function getTabState(tabId: number): Promise<TabState> {
  const found = await browser.storage.session.get(key(tabId));
  return (found[key(tabId)] as TabState | undefined) ?? IDLE;
}

export async function setTabState(tabId: number, state: Partial<TabState>): Promise<void> {
  const next = { ...IDLE, ...state };
  await browser.storage.session.set({ [key(tabId)]: next });
  broadcast('tab/changed', { tabId });
}

/** Every tab that currently shows a captured article. */
export async function capturedTabs(): Promise<{ tabId: number; articleId: string }[]> {
  const all = await browser.storage.session.get(null);
  const out: { tabId: number; articleId: string }[] = [];
  for (const [name, value] of Object.entries(all)) {
    const state = value as TabState;
    if (name.startsWith('tab:') && state.status === 'captured' && state.articleId) out.push({ tabId: Number(name.slice(4)), articleId: state.articleId });
  }
  return out;
}

export async function forgetTab(tabId: number): Promise<void> {
  await browser.storage.session.remove(key(tabId));
}

/** The count of related articles on the toolbar button, for this tab only. */
export async function showBadge(tabId: number, related: number): Promise<void> {
  try {
    await browser.action.setBadgeBackgroundColor({ tabId, color: '#3949ab' });
    await browser.action.setBadgeText({ tabId, text: related > 0 ? String(Math.min(related, 99)) : '' });
  } catch {
    // The tab closed meanwhile.
  }
}
