import { readingMinutes, type StoredArticle } from '../core/article';
import { t } from '../shared/i18n';
import { formatDate } from '../ui/format';

export function ArticleHeader(props: { article: StoredArticle; pinId: string | null; onPin: () => void; onUnpin: () => void; busy: boolean }) {
  const { article } = props;
  return (
    <header class="article" data-testid="article">
      <span class="pill" data-testid="outlet">{article.siteName}</span>
      <h1 data-testid="headline">{article.title}</h1>
      <p class="meta muted">
        {article.byline && <span data-testid="byline">{t('byline', article.byline)}</span>}
        <time dateTime={article.publishedAt ?? undefined} data-testid="published">{formatDate(article.publishedAt)}</time>
        <span data-testid="reading-time">{t('readingTime', String(readingMinutes(article.wordCount)))}</span>
      </p>
      <div class="actions">
        {props.pinId ? (
          <button type="button" aria-pressed="true" data-testid="unpin" onClick={props.onUnpin} disabled={props.busy}>
            ★ {t('pinned')}
          </button>
        ) : (
          <button type="button" class="primary" aria-pressed="false" data-testid="pin" onClick={props.onPin} disabled={props.busy}>
            ☆ {t('pin')}
          </button>
        )}
      </div>
    </header>
  );
}
