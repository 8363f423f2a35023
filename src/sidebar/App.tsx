import { useState } from 'preact/hooks';
import { t } from '../shared/i18n';
import { send } from '../shared/messaging';
import { Busy } from '../ui/Busy';
import { EmptyState } from '../ui/EmptyState';
import { Masthead } from '../ui/Masthead';
import { ArticleHeader } from './ArticleHeader';
import { ComparisonView } from './Comparison';
import { RelatedList } from './RelatedList';
import { SideBySide } from './SideBySide';
import { useComparison } from './useComparison';
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
        {load.state === 'ready' && <Body view={load.view} busy={busy} act={act} capture={capture} />}
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
        busy={busy}
        onPin={() => act(() => send('pin/add', { articleId: article.id }))}
        onUnpin={() => view.pinId && act(() => send('pin/remove', { pinId: view.pinId! }))}
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
      {view.related.length > 0 && <StoryComparison ids={[article.id, ...view.related.map((r) => r.id)]} />}
    </>
  );
}

function StoryComparison({ ids }: { ids: string[] }) {
  return <ComparisonView load={useComparison(ids)} />;
}
