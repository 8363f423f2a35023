import { readingMinutes, type StoredArticle } from '../core/article';
import { t } from '../shared/i18n';
import { formatDate } from '../ui/format';

import type { PinKind } from '../shared/messages';

export function ArticleHeader(props: {
  article: StoredArticle;
  pinId: string | null;
  articlePinId: string | null;
  onPin: (kind: PinKind) => void;
  onUnpin: (pinId: string) => void;
  busy: boolean;
}) {
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
      <div class="actions" role="group" aria-label={t('pinGroupLabel')}>
        <PinButton pinId={props.pinId} kind="story" busy={props.busy} onPin={props.onPin} onUnpin={props.onUnpin} />
        <PinButton pinId={props.articlePinId} kind="article" busy={props.busy} onPin={props.onPin} onUnpin={props.onUnpin} />
      </div>
    </header>
  );
}

/** A toggle: pressed while the pin exists; pressing it again unpins. */
function PinButton({ pinId, kind, busy, onPin, onUnpin }: { pinId: string | null; kind: PinKind; busy: boolean; onPin: (kind: PinKind) => void; onUnpin: (pinId: string) => void }) {
  const testId = kind === 'story' ? '' : '-article';
  if (pinId) {
    return (
      <button type="button" aria-pressed="true" data-testid={`unpin${testId}`} onClick={() => onUnpin(pinId)} disabled={busy}>
        <span aria-hidden="true">★ </span>
        {t(kind === 'story' ? 'pinned' : 'articlePinned')}
      </button>
    );
  }
  return (
    <button type="button" class={kind === 'story' ? 'primary' : ''} aria-pressed="false" data-testid={`pin${testId}`} onClick={() => onPin(kind)} disabled={busy}>
      <span aria-hidden="true">☆ </span>
      {t(kind === 'story' ? 'pin' : 'pinArticle')}
    </button>
  );
}
