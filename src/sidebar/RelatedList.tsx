import type { RelatedArticle, StoredArticle } from '../core/article';
import { t } from '../shared/i18n';
import { EmptyState } from '../ui/EmptyState';
import { formatNumber, formatTimeApart } from '../ui/format';

export interface RelatedActions {
  onSideBySide: (otherId: string) => void;
  onNotSameStory: (otherId: string) => void;
  busy: boolean;
}

/** The matcher's reasons in a few words: who and what both reports name. */
function why(r: RelatedArticle): string {
  const e = r.explanation;
  if (!e) return r.sharedTerms.slice(0, 4).join(', ');
  const parts = [...e.people, ...e.places, ...e.organisations, ...e.figures, ...e.names].slice(0, 5);
  if (parts.length < 3) parts.push(...e.terms.slice(0, 4 - parts.length));
  return parts.join(', ');
}

export function RelatedList(props: { article: StoredArticle; related: RelatedArticle[] } & RelatedActions) {
  const { article, related, onSideBySide, onNotSameStory, busy } = props;
  if (!related.length) {
    return (
      <EmptyState title={t('relatedEmptyTitle')} testId="related-empty">
        <p>{t('relatedEmptyBody')}</p>
      </EmptyState>
    );
  }
  return (
    <section aria-labelledby="related-heading">
      <h2 id="related-heading" class="section-title">
        {t('relatedHeading')} <span class="count">{formatNumber(related.length)}</span>
      </h2>
      <ol class="related" aria-label={t('relatedListLabel')} data-testid="related-list">
        {related.map((r) => (
          <li key={r.id} class="related-item" data-testid="related-item">
            <div class="related-top">
              <span class="pill" data-testid="related-outlet">{r.siteName}</span>
              {r.siteName === article.siteName && <span class="muted small">{t('sameOutlet')}</span>}
              <span class="muted small when">{formatTimeApart(article.publishedAt, r.publishedAt)}</span>
            </div>
            <a href={r.url} target="_blank" rel="noreferrer noopener" class="related-title">
              {r.title}
            </a>
            <div class="muted small">
              <span class="score">
                {t('matchScore', String(Math.round(r.score * 100)))}
              </span>
              {' · '}
              {t('words', formatNumber(r.wordCount))}
              {r.explanation?.daysApart != null && r.explanation.daysApart > 0 && (
                <>
                  {' · '}
                  {t('daysApart', formatNumber(r.explanation.daysApart))}
                </>
              )}
            </div>
            {why(r) && (
              <div class="muted small why" data-testid="related-why">
                {t('whyShared', why(r))}
              </div>
            )}
            <div class="related-actions">
              <button type="button" class="small-button" data-testid="side-by-side" onClick={() => onSideBySide(r.id)}>
                {t('compareSideBySide')}
              </button>
              <button type="button" class="small-button" data-testid="not-same-story" disabled={busy} onClick={() => onNotSameStory(r.id)}>
                {t('notSameStory')}
              </button>
            </div>
          </li>
        ))}
      </ol>
    </section>
  );
}
