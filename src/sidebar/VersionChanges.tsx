/**
 * What changed in one article between the versions the reader saw: the
 * headline with its changed words marked, paragraphs added, removed and
 * reworded. What is still on the page links to its sentence there.
 */
import type { DiffWord, VersionChange } from '../core/versions';
import { t } from '../shared/i18n';
import { formatDate, formatNumber } from '../ui/format';
import { sentenceLink } from './links';

/** Consecutive words of one kind, so that a marked run reads as one phrase. */
function runs(words: DiffWord[]): { op: DiffWord['op']; text: string }[] {
  const out: { op: DiffWord['op']; text: string }[] = [];
  for (const w of words) {
    const last = out[out.length - 1];
    if (last && last.op === w.op) last.text += ` ${w.text}`;
    else out.push({ op: w.op, text: w.text });
  }
  return out;
}

export function MarkedWords({ words, show }: { words: DiffWord[]; show: 'both' | 'after' }) {
  return (
    <>
      {runs(words).map((run, i) => {
        const space = i > 0 ? ' ' : '';
        if (run.op === 'same') return `${space}${run.text}`;
        if (run.op === 'removed') {
          if (show === 'after') return null;
          return (
            <>
              {space}
              <del>
                <span class="visually-hidden">{t('wordsRemoved')} </span>
                {run.text}
              </del>
            </>
          );
        }
        return (
          <>
            {space}
            <ins>
              <span class="visually-hidden">{t('wordsAdded')} </span>
              {run.text}
            </ins>
          </>
        );
      })}
    </>
  );
}

export function VersionChanges({ changes, url, siteName }: { changes: VersionChange[]; url: string; siteName: string }) {
  if (!changes.length) return null;
  return (
    <ol class="versions" data-testid="version-changes" aria-label={t('versionsLabel', siteName)}>
      {changes.map((c) => (
        <li key={c.seenAt} class="version" data-testid="version-change">
          <p class="version-when small">
            <time dateTime={c.seenAt}>{t('versionSeen', formatDate(c.seenAt))}</time>
          </p>
          {c.headline && (
            <p class="version-headline" data-testid="version-headline">
              <span class="change-kind">{t('versionHeadline')}</span>{' '}
              <a class="headline-text" href={url} target="_blank" rel="noreferrer noopener">
                <MarkedWords words={c.headline.words} show="both" />
              </a>
            </p>
          )}
          {c.paragraphs.length > 0 && (
            <ul class="version-paragraphs">
              {c.paragraphs.map((p, i) => (
                <li key={i} class={`para para-${p.kind}`} data-testid="version-paragraph" data-kind={p.kind}>
                  <span class="change-kind">{t(p.kind === 'added' ? 'paragraphAdded' : p.kind === 'removed' ? 'paragraphRemoved' : 'paragraphChanged')}</span>{' '}
                  {p.kind === 'removed' ? (
                    <del class="para-text" title={t('removedNotLinked')}>
                      {p.text}
                    </del>
                  ) : (
                    <a class="para-text" href={sentenceLink(url, p.text)} target="_blank" rel="noreferrer noopener" title={t('inSentence', siteName)}>
                      {p.kind === 'changed' && p.words.length ? <MarkedWords words={p.words} show="both" /> : p.text}
                    </a>
                  )}
                </li>
              ))}
            </ul>
          )}
          {c.omitted > 0 && <p class="muted small">{t('versionMore', formatNumber(c.omitted))}</p>}
        </li>
      ))}
    </ol>
  );
}
