import browser from 'webextension-polyfill';
import { t } from '../shared/i18n';
import logo from '../../icons/icon-32.png';

/** Top bar shared by the extension's pages, with links to the other pages. */
export function Masthead(props: { title: string; links?: ('collection' | 'options')[] }) {
  const open = (path: string) => (e: Event) => {
    e.preventDefault();
    void browser.tabs.create({ url: browser.runtime.getURL(path) });
  };
  return (
    <header class="masthead">
      <img src={logo} alt="" width={20} height={20} />
      <span class="brand">{props.title}</span>
      <nav class="masthead-links">
        {props.links?.includes('collection') && (
          <a href={browser.runtime.getURL('src/collection/index.html')} onClick={open('src/collection/index.html')} data-testid="open-collection">
            {t('openCollection')}
          </a>
        )}
        {props.links?.includes('options') && (
          <a href={browser.runtime.getURL('src/options/index.html')} onClick={open('src/options/index.html')} data-testid="open-options">
            {t('openOptions')}
          </a>
        )}
      </nav>
    </header>
  );
}
