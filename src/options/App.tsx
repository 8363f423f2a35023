import { useEffect, useState } from 'preact/hooks';
import browser from 'webextension-polyfill';
import { originPattern } from '../core/url';
import { t } from '../shared/i18n';
import { send } from '../shared/messaging';
import { Masthead } from '../ui/Masthead';

export function App() {
  const [sites, setSites] = useState<string[] | null>(null);
  const [draft, setDraft] = useState('');
  const [message, setMessage] = useState<string | null>(null);

  useEffect(() => {
    send('settings/get', {}).then((s) => setSites(s.autoCaptureSites), (err: unknown) => setMessage(String(err)));
  }, []);

  const save = async (next: string[]) => {
    const settings = await send('autocapture/set', { sites: next });
    setSites(settings.autoCaptureSites);
  };

  const add = (e: Event) => {
    e.preventDefault();
    setMessage(null);
    const pattern = originPattern(draft.trim());
    if (!pattern) {
      setMessage(t('autoCaptureInvalid'));
      return;
    }
    // The permission prompt must come straight from the reader's click, before any other await.
    browser.permissions.request({ origins: [pattern] }).then(
      async (granted) => {
        if (!granted) return setMessage(t('autoCaptureDenied'));
        await save([...(sites ?? []), pattern]);
        setDraft('');
      },
      (err: unknown) => setMessage(err instanceof Error ? err.message : String(err)),
    );
  };

  const remove = async (pattern: string) => {
    await save((sites ?? []).filter((s) => s !== pattern));
    await browser.permissions.remove({ origins: [pattern] }).catch(() => false);
  };

  return (
    <>
      <Masthead title={t('extName')} links={['collection']} />
      <main class="page">
        <h1>{t('optionsTitle')}</h1>
        <p class="muted">{t('extDescription')}</p>
        <section aria-labelledby="auto-heading">
          <h2 id="auto-heading">{t('autoCaptureHeading')}</h2>
          <p class="muted">{t('autoCaptureBody')}</p>
          <form class="add-site" onSubmit={add}>
            <label class="visually-hidden" for="site-input">{t('autoCaptureHeading')}</label>
            <input
              id="site-input"
              data-testid="site-input"
              value={draft}
              placeholder={t('autoCapturePlaceholder')}
              onInput={(e) => setDraft((e.target as HTMLInputElement).value)}
            />
            <button type="submit" class="primary" data-testid="add-site">{t('autoCaptureAdd')}</button>
          </form>
          {message && <p role="alert" class="alert">{message}</p>}
          {sites?.length === 0 && <p class="muted" data-testid="no-sites">{t('autoCaptureNone')}</p>}
          {sites && sites.length > 0 && (
            <ul class="sites" data-testid="site-list">
              {sites.map((s) => (
                <li key={s} class="site">
                  <code>{s}</code>
                  <button type="button" onClick={() => void remove(s)}>{t('remove')}</button>
                </li>
              ))}
            </ul>
          )}
        </section>
        <section aria-labelledby="privacy-heading">
          <h2 id="privacy-heading">{t('privacyHeading')}</h2>
          <p class="muted">{t('privacyBody')}</p>
        </section>
      </main>
    </>
  );
}
