import { render, type ComponentChild } from 'preact';
import browser from 'webextension-polyfill';
import { t, type MessageKey } from '../shared/i18n';
import './theme.css';

/** Renders a page's root component and gives the document its translated title. */
export function mount(titleKey: MessageKey, app: ComponentChild): void {
  document.title = t(titleKey);
  document.documentElement.lang = browser.i18n.getUILanguage();
  render(app, document.getElementById('app')!);
}
