import { useCallback, useEffect, useState } from 'preact/hooks';
import { t } from '../shared/i18n';
import type { PinView } from '../shared/messages';
import { onEvent, send } from '../shared/messaging';
import { EmptyState } from '../ui/EmptyState';
import { formatDate } from '../ui/format';
import { Masthead } from '../ui/Masthead';

export function App() {
  const [pins, setPins] = useState<PinView[] | null>(null);
  const [error, setError] = useState<string | null>(null);

  const refresh = useCallback(() => {
    send('pins/list', {}).then(setPins, (err: unknown) => setError(err instanceof Error ? err.message : String(err)));
  }, []);
  useEffect(() => {
    refresh();
    return onEvent((e) => e.event === 'pins/changed' && refresh());
  }, [refresh]);

  const unpin = (pinId: string) => {
    send('pin/remove', { pinId }).then(refresh, (err: unknown) => setError(String(err)));
  };

  return (
    <>
      <Masthead title={t('extName')} links={['options']} />
      <main class="page">
        <h1>{t('collectionTitle')}</h1>
        <p class="muted">{t('collectionIntro')}</p>
        {error && <p role="alert" class="alert">{t('errorGeneric', error)}</p>}
        {pins === null && !error && <p class="muted" role="status">{t('loading')}</p>}
        {pins?.length === 0 && (
          <EmptyState title={t('collectionEmptyTitle')} testId="collection-empty">
            <p>{t('collectionEmptyBody')}</p>
          </EmptyState>
        )}
        {pins && pins.length > 0 && (
          <ul class="pins" data-testid="pin-list">
            {pins.map((pin) => (
              <li key={pin.id} class="pin" data-testid="pin-item">
                <div class="pin-main">
                  <span class="pill">{pin.siteName}</span>
                  <a href={pin.url} target="_blank" rel="noreferrer noopener" class="pin-title">{pin.title}</a>
                  <p class="muted small">
                    {formatDate(pin.publishedAt, false)} · {t('outlets', String(pin.outlets.length))}: {pin.outlets.join(', ')} ·{' '}
                    {t('pinnedOn', formatDate(pin.pinnedAt, false))}
                  </p>
                </div>
                <button type="button" onClick={() => unpin(pin.id)} data-testid="unpin" aria-label={`${t('unpin')}: ${pin.title}`}>
                  {t('unpin')}
                </button>
              </li>
            ))}
          </ul>
        )}
      </main>
    </>
  );
}
