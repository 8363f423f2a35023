import { useState } from 'preact/hooks';
import type { StoredArticle } from '../core/article';
import type { ArticleHistory } from '../shared/messages';
import { t } from '../shared/i18n';
import { send } from '../shared/messaging';
import { Busy } from '../ui/Busy';
import { EmptyState } from '../ui/EmptyState';
import { Masthead } from '../ui/Masthead';
import { ArticleHeader } from './ArticleHeader';
import { ComparisonView, Timeline } from './Comparison';
import { RelatedList } from './RelatedList';
import { SideBySide } from './SideBySide';
import { storyIds } from './storyRequests';
import { useComparison } from './useComparison';
import { useHistory } from './useHistory';
import { useTabView } from './useTabView';

export function App() {
  const { load, tabId, refresh } = useTabView();
  const [busy, setBusy] = useState(false);
  const [actionError, setActionError] = useState<string | null>(null);

  const act = (work: () => Promise<unknown>) => {
    setBusy(true);
    setActionError(null);
    work()
      .catch((err: unknown) => setActionError(err instanceof Error ? err.message : String(err)))
      .finally(() => {
        setBusy(false);
        refresh();
      });
  };
  const capture = () => tabId !== null && act(() => send('tab/capture', { tabId }));

  return (
    <>
      <Masthead title={t('sidebarTitle')} links={['collection', 'options']} />
      <main class="sidebar" aria-busy={load.state === 'loading'}>
        {actionError && (
          <p role="alert" class="alert">
            {t('errorGeneric', actionError)}
          </p>
        )}
        {load.state === 'loading' && <Busy label={t('loading')} />}
        {load.state === 'error' && (
          <EmptyState title={t('failedTitle')} testId="error">
            <p>{load.message}</p>
            <button type="button" onClick={refresh}>{t('tryAgain')}</button>
          </EmptyState>
        )}
        {/* Keyed on the article: when the page shows another one, nothing of the last one's view lingers. */}
        {load.state === 'ready' && <Body key={load.view.article?.id ?? load.view.status} view={load.view} busy={busy} act={act} capture={capture} />}
      </main>
    </>
  );
}

function Body({ view, busy, act, capture }: {
  view: import('../shared/messages').TabView;
  busy: boolean;
  act: (work: () => Promise<unknown>) => void;
  capture: () => void;
}) {
  const [pairWith, setPairWith] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  if (view.status === 'capturing') {
    return <Busy label={t('capturing')} testId="capturing" />;
  }
  if (view.status === 'failed') {
    return (
      <EmptyState title={t('failedTitle')} testId="failed">
        <p>{view.error}</p>
        <button type="button" onClick={capture} disabled={busy}>{t('tryAgain')}</button>
      </EmptyState>
    );
  }
  if (view.status === 'not-article') {
    return (
      <EmptyState title={t('notArticleTitle')} testId="not-article">
        <p>{t('notArticleBody')}</p>
      </EmptyState>
    );
  }
  if (!view.article) {
    return (
      <EmptyState title={t('idleTitle')} testId="idle">
        <p>{t('idleBody')}</p>
        <button type="button" class="primary" onClick={capture} disabled={busy}>{t('captureThisPage')}</button>
      </EmptyState>
    );
  }
  const article = view.article;
  if (pairWith && view.related.some((r) => r.id === pairWith)) {
    return <SideBySide articleId={article.id} otherId={pairWith} onBack={() => setPairWith(null)} />;
  }
  return (
    <>
      <ArticleHeader
        article={article}
        pinId={view.pinId}
        articlePinId={view.articlePinId}
        busy={busy}
        onPin={(kind) => act(() => send('pin/add', { articleId: article.id, kind }))}
        onUnpin={(pinId) => act(() => send('pin/remove', { pinId }))}
      />
      {notice && (
        <p role="status" class="notice" data-testid="notice">
          {notice}
        </p>
      )}
      <RelatedList
        article={article}
        related={view.related}
        busy={busy}
        onSideBySide={setPairWith}
        onNotSameStory={(otherId) =>
          act(async () => {
            await send('story/split', { articleId: article.id, otherId });
            setNotice(t('notSameStoryDone'));
          })
        }
      />
      <StoryComparison ids={storyIds(view)} article={article} />
    </>
  );
}

/** The comparison of the story, with the changes the reader saw in its articles on the timeline; for a lone article, its own changes. */
function StoryComparison({ ids, article }: { ids: string[]; article: StoredArticle }) {
  const history = useHistory(ids, article.updatedAt);
  if (ids.length > 1) return <StoryWithHistory ids={ids} revision={article.updatedAt} history={history} />;
  const own = history.get(article.id);
  if (!own?.changes.length) return null;
  return (
    <section aria-labelledby="versions-heading" class="compare-section" data-testid="timeline">
      <h2 id="versions-heading" class="section-title">
        {t('versionsHeading')}
      </h2>
      <Timeline
        entries={[{ articleId: article.id, siteName: article.siteName, title: article.title, publishedAt: article.publishedAt, modifiedAt: article.modifiedAt, minutesAfterFirst: null }]}
        history={history}
        siteOf={() => article.siteName}
      />
    </section>
  );
}

function StoryWithHistory({ ids, revision, history }: { ids: string[]; revision: string; history: Map<string, ArticleHistory> }) {
  return <ComparisonView load={useComparison(ids, revision)} history={history} />;
}
