/**
 * The library's filing and querying replayed in memory, for tuning: the same
 * signatures, ranking (engine.ts) and story decisions (stories.ts) as
 * src/background/store/library.ts, without IndexedDB, so one pass over the
 * eval set takes seconds instead of minutes. `npm run eval:match` stays the
 * measure; this only has to agree with it (the tuning script checks).
 */
import { rank } from '../../src/core/matching/engine';
import { MemoryIndex } from '../../src/core/matching/memory-index';
import type { ScoreWeights } from '../../src/core/matching/score';
import { buildSignature, countedKeys, type Features } from '../../src/core/matching/signature';
import { DEFAULT_SPLIT, findSeam, type SplitThresholds } from '../../src/core/matching/refine';
import { decideStory, type StoryLink, type StoryThresholds } from '../../src/core/matching/stories';
import type { Prediction } from './match-metrics';

export interface SimArticle {
  id: string;
  features: Features;
  publishedAt: string | null;
}

export interface SimOptions {
  weights?: ScoreWeights;
  thresholds?: StoryThresholds;
  /** Second thoughts about a story (refine.ts); null files each article once and for all. */
  split?: SplitThresholds | null;
  /** Ranked ids kept per query (the eval keeps 30). */
  limit?: number;
}

/** Files `articles` in order, then queries each as the sidebar does (its story first, then by score). */
export async function simulate(given: SimArticle[], options: SimOptions = {}): Promise<Record<string, Prediction>> {
  const { weights, thresholds, limit = 30 } = options;
  // Ties are broken by id; ids in arrival order, as the eval gives the store, say nothing of the answer
  // (eval ids name their event).
  const articles = given.map((a, i) => ({ ...a, id: `a${String(i).padStart(7, '0')}` }));
  const outer = new Map(articles.map((a, i) => [a.id, given[i]!.id]));
  const split = options.split;
  // Scores each article had with those before it, both ways round: the links a story is cut along.
  const links = new Map<string, Map<string, number>>();
  const linkOf = (a: string, b: string) => links.get(a)?.get(b) ?? 0;
  const remember = (a: string, b: string, s: number) => (links.get(a) ?? links.set(a, new Map()).get(a)!).set(b, s);
  const index = new MemoryIndex();
  const df = new Map<string, number>();
  let n = 0;
  const storyOf = new Map<string, string>();
  const members = new Map<string, string[]>();
  const sigs = new Map<string, ReturnType<typeof buildSignature>>();
  for (const a of articles) {
    const sig = buildSignature(a.id, a.features, a.publishedAt, df, n);
    for (const k of countedKeys(a.features)) df.set(k, (df.get(k) ?? 0) + 1);
    n++;
    index.add(sig, a.features);
    sigs.set(a.id, sig);
    const ranked = await rank(index, sig, { exclude: new Set([a.id]), limit: 40, weights });
    const { floor, keep } = split ?? DEFAULT_SPLIT;
    for (const r of ranked.filter((x) => x.comparison.score >= floor).slice(0, keep)) {
      remember(a.id, r.id, r.comparison.score);
      remember(r.id, a.id, r.comparison.score);
    }
    const storyLinks: StoryLink[] = ranked
      .filter((r) => storyOf.has(r.id))
      .map((r) => ({ articleId: r.id, storyId: storyOf.get(r.id)!, score: r.comparison.score, nearDuplicate: r.nearDuplicate }));
    const decision = decideStory(
      storyLinks,
      (id) => members.get(id)?.length ?? 1,
      () => true,
      () => true,
      thresholds,
    );
    let story: string;
    if (decision.join) {
      story = decision.join;
      for (const other of decision.absorb) {
        for (const m of members.get(other) ?? []) storyOf.set(m, story);
        members.get(story)!.push(...(members.get(other) ?? []));
        members.delete(other);
      }
    } else {
      story = `story:${a.id}`;
      members.set(story, []);
    }
    members.get(story)!.push(a.id);
    storyOf.set(a.id, story);
    if (split !== null && decision.join) {
      const seam = findSeam(members.get(story)!, linkOf, split);
      if (seam) {
        const moved = `story:${seam.leave[0]}`;
        members.set(story, seam.keep);
        members.set(moved, seam.leave);
        for (const m of seam.leave) storyOf.set(m, moved);
      }
    }
  }
  const pred: Record<string, Prediction> = {};
  for (const a of articles) {
    const ranked = await rank(index, sigs.get(a.id)!, { exclude: new Set([a.id]), limit: Math.max(limit, 40), weights });
    const own = storyOf.get(a.id);
    const order = ranked.map((r, i) => ({ id: r.id, same: storyOf.get(r.id) === own ? 1 : 0, score: r.comparison.score, i }));
    order.sort((x, y) => y.same - x.same || y.score - x.score || x.i - y.i);
    pred[outer.get(a.id)!] = { ranked: order.slice(0, limit).map((o) => outer.get(o.id)!), story: own! };
  }
  return pred;
}
