import { useMemo } from 'preact/hooks';
import type { ArticleHistory } from '../shared/messages';
import { historyOf, requestKey, useAnswer } from './storyRequests';

/**
 * Published, updated and seen-changing times of the story's articles, by id.
 * `revision` changes when the reader's article was captured again, so a new
 * version shows without reopening the sidebar. Empty until it arrives or
 * when it cannot: the timeline then shows what the comparison gives.
 */
export function useHistory(articleIds: string[], revision: string): Map<string, ArticleHistory> {
  const answer = useAnswer(requestKey(articleIds, revision), () => historyOf(articleIds, revision));
  return useMemo(() => new Map(answer?.ok ? answer.value.map((h) => [h.articleId, h]) : []), [answer]);
}
