import type { RelatedArticle, StoredArticle } from '../core/article';
import { t } from '../shared/i18n';
import { EmptyState } from '../ui/EmptyState';
import { formatNumber, formatTimeApart } from '../ui/format';

export function RelatedList(props: { article: StoredArticle; related: RelatedArticle[] }) {
  const { article, related } = props;
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
              <span class="score" title={t('sharedTerms', r.sharedTerms.join(', '))}>
                {t('matchScore', String(Math.round(r.score * 100)))}
              </span>
              {' · '}
              {t('words', formatNumber(r.wordCount))}
              {r.sharedTerms.length > 0 && (
                <>
                  {' · '}
                  {t('sharedTerms', r.sharedTerms.slice(0, 4).join(', '))}
                </>
              )}
            </div>
          </li>
        ))}
      </ol>
    </section>
  );
}
