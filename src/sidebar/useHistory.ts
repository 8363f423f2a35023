import { useEffect, useState } from 'preact/hooks';
import type { ArticleHistory } from '../shared/messages';
import { send } from '../shared/messaging';

/**
 * Published, updated and seen-changing times of the story's articles, by id.
 * `revision` changes when the reader's article was captured again, so a new
 * version shows without reopening the sidebar. Empty until it arrives or
 * when it cannot: the timeline then shows what the comparison gives.
 */
export function useHistory(articleIds: string[], revision: string): Map<string, ArticleHistory> {
  const key = `${articleIds.join(' ')}@${revision}`;
  const [history, setHistory] = useState<Map<string, ArticleHistory>>(new Map());
  useEffect(() => {
    let current = true;
    send('story/history', { articleIds }).then(
      (list) => current && setHistory(new Map(list.map((h) => [h.articleId, h]))),
      () => current && setHistory(new Map()),
    );
    return () => {
      current = false;
    };
    // Keyed on the joined ids and the revision: a new array holding the same ids must not refetch.
  }, [key]);
  return history;
}
