/** Two reports' sentences lined up, differences marked; rows stack on a narrow sidebar. */
import { useEffect, useState } from 'preact/hooks';
import type { AlignedRow, MarkedWord, PairAlignment } from '../core/compare';
import { t } from '../shared/i18n';
import { send } from '../shared/messaging';
import { Busy } from '../ui/Busy';
import { sentenceLink } from './Comparison';

type Load = { state: 'loading' } | { state: 'ready'; pair: PairAlignment } | { state: 'error'; message: string };

function Words({ words }: { words: MarkedWord[] }) {
  return (
    <>
      {words.map((w, i) => (
        <>
          {i > 0 && ' '}
          {w.changed ? <mark>{w.text}</mark> : w.text}
        </>
      ))}
    </>
  );
}

function Cell({ cell, url, missingFrom }: { cell: AlignedRow['left']; url: string; missingFrom: string }) {
  if (!cell) {
    return (
      <div role="cell" class="pair-cell empty-cell">
        <span class="visually-hidden">{t('pairOnlyLeft', missingFrom)}</span>
      </div>
    );
  }
  return (
    <div role="cell" class="pair-cell">
      <a href={sentenceLink(url, cell.ref.text)} target="_blank" rel="noreferrer noopener" class="pair-text">
        <Words words={cell.words} />
      </a>
    </div>
  );
}

export function SideBySide({ articleId, otherId, onBack }: { articleId: string; otherId: string; onBack: () => void }) {
  const [load, setLoad] = useState<Load>({ state: 'loading' });
  useEffect(() => {
    let current = true;
    send('story/pair', { articleId, otherId }).then(
      (pair) => current && setLoad({ state: 'ready', pair }),
      (err: unknown) => current && setLoad({ state: 'error', message: err instanceof Error ? err.message : String(err) }),
    );
    return () => {
      current = false;
    };
  }, [articleId, otherId]);

  return (
    <section aria-labelledby="pair-heading" class="pair" data-testid="pair">
      <div class="pair-top">
        <h1 id="pair-heading" class="section-title">{t('pairHeading')}</h1>
        <button type="button" class="small-button" onClick={onBack} data-testid="pair-back" autoFocus>
          {t('pairBack')}
        </button>
      </div>
      {load.state === 'loading' && <Busy label={t('pairLoading')} />}
      {load.state === 'error' && (
        <p role="alert" class="alert">
          {t('compareFailed', load.message)}
        </p>
      )}
      {load.state === 'ready' && (
        <>
          <p class="muted small">{t('pairHint')}</p>
          <div class="pair-grid" role="table" aria-label={`${load.pair.left.siteName} / ${load.pair.right.siteName}`}>
            <div class="pair-row pair-head" role="row">
              <div role="columnheader">
                <span class="pill">{load.pair.left.siteName}</span>
              </div>
              <div role="columnheader">
                <span class="pill">{load.pair.right.siteName}</span>
              </div>
            </div>
            {load.pair.rows.map((row, i) => (
              <div key={i} class={`pair-row${row.left && row.right ? ' paired' : ''}`} role="row" data-testid="pair-row">
                <Cell cell={row.left} url={load.pair.left.url} missingFrom={load.pair.right.siteName} />
                <Cell cell={row.right} url={load.pair.right.url} missingFrom={load.pair.left.siteName} />
              </div>
            ))}
          </div>
        </>
      )}
    </section>
  );
}
