import { useCallback, useEffect, useState } from 'preact/hooks';
import { t } from '../shared/i18n';
import type { PinKind, PinView } from '../shared/messages';
import { onEvent, send } from '../shared/messaging';
import { EmptyState } from '../ui/EmptyState';
import { formatDate, formatNumber } from '../ui/format';
import { Masthead } from '../ui/Masthead';
import { useNewestReply } from '../ui/useNewestReply';

export function App() {
  const [pins, setPins] = useState<PinView[] | null>(null);
  const [error, setError] = useState<string | null>(null);

  const showNewest = useNewestReply();
  const refresh = useCallback(() => showNewest(send('pins/list', {}), setPins, setError), [showNewest]);
  useEffect(() => {
    refresh();
    return onEvent((e) => e.event === 'pins/changed' && refresh());
  }, [refresh]);

  const unpin = (pinId: string) => {
    send('pin/remove', { pinId }).then(refresh, (err: unknown) => setError(err instanceof Error ? err.message : String(err)));
  };

  const ofKind = (kind: PinKind) => pins?.filter((p) => p.kind === kind) ?? [];

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
          <>
            <PinSection kind="story" pins={ofKind('story')} onUnpin={unpin} />
            <PinSection kind="article" pins={ofKind('article')} onUnpin={unpin} />
          </>
        )}
      </main>
    </>
  );
}

function PinSection({ kind, pins, onUnpin }: { kind: PinKind; pins: PinView[]; onUnpin: (pinId: string) => void }) {
  const id = `pinned-${kind}`;
  return (
    <section aria-labelledby={`${id}-heading`} data-testid={id}>
      <h2 id={`${id}-heading`}>
        {t(kind === 'story' ? 'pinnedStoriesHeading' : 'pinnedArticlesHeading')} <span class="muted">({formatNumber(pins.length)})</span>
      </h2>
      {pins.length === 0 ? (
        <p class="muted">{t(kind === 'story' ? 'pinnedStoriesEmpty' : 'pinnedArticlesEmpty')}</p>
      ) : (
        <ul class="pins" data-testid="pin-list">
          {pins.map((pin) => (
            <li key={pin.id} class="pin" data-testid="pin-item" data-kind={pin.kind}>
              <div class="pin-main">
                <span class="pill">{pin.siteName}</span>
                <a href={pin.url} target="_blank" rel="noreferrer noopener" class="pin-title" data-testid="pin-open">
                  {pin.title}
                </a>
                <p class="muted small">
                  {formatDate(pin.publishedAt, false)}
                  {kind === 'story' && ` · ${t('outlets', String(pin.outlets.length))}: ${pin.outlets.join(', ')}`}
                  {pin.changes > 0 && ` · ${pin.changes === 1 ? t('articleChangedOnce') : t('articleChangesCount', formatNumber(pin.changes))}`}
                  {` · ${t('pinnedOn', formatDate(pin.pinnedAt, false))}`}
                </p>
              </div>
              <button type="button" onClick={() => onUnpin(pin.id)} data-testid="unpin" aria-label={`${t('unpin')}: ${pin.title}`}>
                {t('unpin')}
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
