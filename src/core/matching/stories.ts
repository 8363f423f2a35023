/**
 * Stories are kept as articles arrive: a new article joins the story it is
 * most strongly linked to, or starts its own. When it links two stories
 * strongly, it is the missing bridge between them, and they become one.
 * Reader feedback outranks scores: a story holding an article the reader
 * said is "not the same story" is never joined or merged across that line.
 */

export interface StoryLink {
  articleId: string;
  storyId: string;
  score: number;
  nearDuplicate: boolean;
}

export interface StoryThresholds {
  /** Link a new article needs to join a story. */
  join: number;
  /** Link it needs to each of two stories to merge them. */
  merge: number;
  /**
   * How much a story's link is its average link rather than its best one.
   * The best link alone lets a story chain from one incident to a similar
   * one through a single borderline article; the average asks the newcomer
   * to resemble the story as a whole.
   */
  average: number;
}

export const DEFAULT_STORY_THRESHOLDS: StoryThresholds = { join: 0.2, merge: 0.25, average: 0.6 };

export interface StoryDecision {
  /** Story to join; null starts a new one. */
  join: string | null;
  /** Further stories to fold into the joined one. */
  absorb: string[];
}

/**
 * `allowed(a, b)` says whether two stories may be one (no "not the same
 * story" feedback between their members); `allowedFor(story)` whether the
 * new article may join `story`.
 */
export function decideStory(
  links: StoryLink[],
  sizeOf: (storyId: string) => number,
  allowedFor: (storyId: string) => boolean,
  allowed: (a: string, b: string) => boolean,
  t: StoryThresholds = DEFAULT_STORY_THRESHOLDS,
): StoryDecision {
  const best = new Map<string, number>();
  const sum = new Map<string, number>();
  for (const link of links) {
    // A copy of a report belongs with its original, whatever its score.
    const s = link.nearDuplicate ? Math.max(link.score, 1) : link.score;
    if (s > (best.get(link.storyId) ?? -1)) best.set(link.storyId, s);
    sum.set(link.storyId, (sum.get(link.storyId) ?? 0) + s);
  }
  // Members the ranking did not reach count as unlike the newcomer.
  const strength = new Map([...best].map(([id, b]) => [id, (1 - t.average) * b + (t.average * sum.get(id)!) / Math.max(1, sizeOf(id))]));
  const ordered = [...strength].filter(([id]) => allowedFor(id)).sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
  const first = ordered[0];
  if (!first || first[1] < t.join) return { join: null, absorb: [] };
  const absorb: string[] = [];
  for (const [id, s] of ordered.slice(1)) {
    if (s < t.merge) break;
    if (allowed(first[0], id) && absorb.every((other) => allowed(other, id))) absorb.push(id);
  }
  return { join: first[0], absorb };
}
