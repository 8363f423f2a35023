import { useEffect, useState } from 'preact/hooks';
import type { Comparison } from '../core/compare';
import { send } from '../shared/messaging';
import { markOnce } from './timing';

export type ComparisonLoad = { state: 'loading' } | { state: 'ready'; comparison: Comparison } | { state: 'error'; message: string };

/** The comparison of the reader's article with its related coverage, recomputed when the set changes. */
export function useComparison(articleIds: string[]): ComparisonLoad {
  const key = articleIds.join(' ');
  const [load, setLoad] = useState<ComparisonLoad>({ state: 'loading' });
  useEffect(() => {
    let current = true;
    setLoad({ state: 'loading' });
    send('story/compare', { articleIds }).then(
      (comparison) => {
        markOnce('comparison-received');
        if (current) setLoad({ state: 'ready', comparison });
      },
      (err: unknown) => current && setLoad({ state: 'error', message: err instanceof Error ? err.message : String(err) }),
    );
    return () => {
      current = false;
    };
    // Keyed on the joined ids: a new array holding the same ids must not refetch.
  }, [key]);
  return load;
}
