import browser from 'webextension-polyfill';
import type messages from '../static/_locales/en/messages.json';

export type MessageKey = keyof typeof messages;

/** A translated string from _locales; the key itself when a locale lacks it. */
export function t(key: MessageKey, substitutions?: string | string[]): string {
  return browser.i18n.getMessage(key, substitutions) || key;
}
