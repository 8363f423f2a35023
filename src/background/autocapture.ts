/**
 * Opt-in capture without a click, on sites the reader chose in Options.
 * The host permission for each site is requested by the options page; here
 * we only register the capture script for sites whose permission we hold.
 */
import browser from 'webextension-polyfill';
import { originPattern } from '../core/url';
import type { Settings } from '../shared/messages';
import { CAPTURE_SCRIPT } from './capture';
import { db } from './store/schema';
import { getSettings, updateSettings } from './store/settings';

const SCRIPT_ID = 'parallax-autocapture';

async function grantedPatterns(sites: string[]): Promise<string[]> {
  const granted: string[] = [];
  for (const site of sites) {
    if (await browser.permissions.contains({ origins: [site] })) granted.push(site);
  }
  return granted;
}

/** Makes the registered content script match exactly the granted chosen sites. */
export async function syncAutoCapture(sites?: string[]): Promise<void> {
  const chosen = sites ?? (await getSettings(await db())).autoCaptureSites;
  const matches = await grantedPatterns(chosen);
  const existing = await browser.scripting.getRegisteredContentScripts({ ids: [SCRIPT_ID] });
  if (existing.length) await browser.scripting.unregisterContentScripts({ ids: [SCRIPT_ID] });
  if (!matches.length) return;
  await browser.scripting.registerContentScripts([
    { id: SCRIPT_ID, matches, js: [CAPTURE_SCRIPT], runAt: 'document_idle', persistAcrossSessions: true },
  ]);
}

export async function setAutoCaptureSites(raw: string[]): Promise<Settings> {
  const sites = [...new Set(raw.map(originPattern).filter((p): p is string => p !== null))].sort();
  const settings = await updateSettings(await db(), { autoCaptureSites: sites });
  await syncAutoCapture(sites);
  return settings;
}
