import { useMemo } from 'preact/hooks';
import type { Comparison } from '../core/compare';
import { comparisonOf, requestKey, useAnswer } from './storyRequests';

export type ComparisonLoad = { state: 'loading' } | { state: 'ready'; comparison: Comparison } | { state: 'error'; message: string };

/** The comparison of the reader's article with its related coverage, recomputed when the set changes or the article was captured again. */
export function useComparison(articleIds: string[], revision: string): ComparisonLoad {
  const answer = useAnswer(requestKey(articleIds, revision), () => comparisonOf(articleIds, revision));
  return useMemo<ComparisonLoad>(
    () => (!answer ? { state: 'loading' } : answer.ok ? { state: 'ready', comparison: answer.value } : { state: 'error', message: answer.error }),
    [answer],
  );
}
