/**
 * The story's comparison and history, asked for the moment the sidebar knows
 * the story's articles rather than after the first render's effects have run
 * (a frame or more later each), and shared with the components that show them.
 * Only the latest request of each kind is kept: the sidebar shows one story.
 */
import type { Comparison } from '../core/compare';
import type { ArticleHistory, TabView } from '../shared/messages';
import { useEffect, useState } from 'preact/hooks';
import { send } from '../shared/messaging';
import { markOnce } from './timing';

export type Settled<T> = { ok: true; value: T } | { ok: false; error: string };

export interface Request<T> {
  promise: Promise<Settled<T>>;
  /** Set once the answer is in, so a component mounting later starts from it instead of a loading state. */
  settled: Settled<T> | null;
}

function latestOnly<T>(ask: (ids: string[]) => Promise<T>): (ids: string[], key: string) => Request<T> {
  let last: { key: string; request: Request<T> } | null = null;
  return (ids, key) => {
    if (last?.key === key) return last.request;
    const request: Request<T> = {
      settled: null,
      promise: ask(ids).then(
        (value) => (request.settled = { ok: true, value }),
        (err: unknown) => {
          // A failure is not kept: asking again (the reader's "try again", a refresh) sends the request anew.
          if (last?.request === request) last = null;
          return (request.settled = { ok: false, error: err instanceof Error ? err.message : String(err) });
        },
      ),
    };
    last = { key, request };
    return request;
  };
}

const comparisons = latestOnly<Comparison>(async (articleIds) => {
  const comparison = await send('story/compare', { articleIds });
  markOnce('comparison-received');
  return comparison;
});
const histories = latestOnly<ArticleHistory[]>((articleIds) => send('story/history', { articleIds }));

/** `revision` changes when the reader's article was captured again: its text may be new, so the comparison is asked for anew. */
export const requestKey = (ids: string[], revision: string): string => `${ids.join(' ')}@${revision}`;
export const comparisonOf = (ids: string[], revision: string) => comparisons(ids, requestKey(ids, revision));
export const historyOf = (ids: string[], revision: string) => histories(ids, requestKey(ids, revision));

/** The reader's article first, then its related coverage: the set the sidebar compares. */
export function storyIds(view: TabView): string[] {
  return view.article ? [view.article.id, ...view.related.map((r) => r.id)] : [];
}

/** Starts what the sidebar will show for this view: the history of its articles and, for a story, their comparison. */
export function askForStory(view: TabView): void {
  if (!view.article) return;
  const ids = storyIds(view);
  historyOf(ids, view.article.updatedAt);
  if (ids.length > 1) comparisonOf(ids, view.article.updatedAt);
}

/**
 * The answer to the request `start` makes for `key`, null while it is out.
 * One that is already in shows on the first render, without a loading state.
 */
export function useAnswer<T>(key: string, start: () => Request<T>): Settled<T> | null {
  const [answer, setAnswer] = useState(() => start().settled);
  useEffect(() => {
    let current = true;
    const request = start();
    setAnswer(request.settled);
    void request.promise.then((settled) => current && setAnswer(settled));
    return () => {
      current = false;
    };
    // Keyed on `key` alone: a new closure for the same request must not ask again.
  }, [key]);
  return answer;
}
