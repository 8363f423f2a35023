import { useState } from 'preact/hooks';
import { t } from '../shared/i18n';
import { send } from '../shared/messaging';
import { EmptyState } from '../ui/EmptyState';
import { Masthead } from '../ui/Masthead';
import { ArticleHeader } from './ArticleHeader';
import { RelatedList } from './RelatedList';
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
        {load.state === 'loading' && (
          <p class="muted" role="status">
            <span class="spinner" aria-hidden="true" />
            {t('loading')}
          </p>
        )}
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
  if (view.status === 'capturing') {
    return (
      <p class="muted" role="status" data-testid="capturing">
        <span class="spinner" aria-hidden="true" />
        {t('capturing')}
      </p>
    );
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
  return (
    <>
      <ArticleHeader
        article={article}
        pinId={view.pinId}
        busy={busy}
        onPin={() => act(() => send('pin/add', { articleId: article.id }))}
        onUnpin={() => view.pinId && act(() => send('pin/remove', { pinId: view.pinId! }))}
      />
      <RelatedList article={article} related={view.related} />
    </>
  );
}
