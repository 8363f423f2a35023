import type { RelatedArticle, StoredArticle } from './article';
import { STOPWORDS } from './stopwords';
import { words } from './text';

/** Title words say what the event is; they count for more than body words. */
const TITLE_WEIGHT = 3;
/** Below this cosine similarity two articles are not called related. */
export const RELATED_THRESHOLD = 0.18;
/** Only the start of a long article is read: the event is named early. */
const MAX_WORDS = 1_500;

export type TermVector = Map<string, number>;

export function termsOf(article: Pick<StoredArticle, 'title' | 'text' | 'lang'>): TermVector {
  const tf: TermVector = new Map();
  const add = (text: string, weight: number, limit: number) => {
    let n = 0;
    for (const word of words(text, article.lang)) {
      if (++n > limit) break;
      const term = word.toLowerCase();
      if (term.length < 2 || STOPWORDS.has(term)) continue;
      tf.set(term, (tf.get(term) ?? 0) + weight);
    }
  };
  add(article.title, TITLE_WEIGHT, 100);
  add(article.text, 1, MAX_WORDS);
  return tf;
}

/** Document frequency of every term over a collection of term vectors. */
export function documentFrequencies(vectors: Iterable<TermVector>): { df: Map<string, number>; n: number } {
  const df = new Map<string, number>();
  let n = 0;
  for (const v of vectors) {
    n++;
    for (const term of v.keys()) df.set(term, (df.get(term) ?? 0) + 1);
  }
  return { df, n };
}

function weigh(tf: TermVector, df: Map<string, number>, n: number): TermVector {
  const out: TermVector = new Map();
  for (const [term, count] of tf) {
    const idf = Math.log((n + 1) / ((df.get(term) ?? 0) + 1)) + 1;
    out.set(term, (1 + Math.log(count)) * idf);
  }
  return out;
}

function norm(v: TermVector): number {
  let sum = 0;
  for (const x of v.values()) sum += x * x;
  return Math.sqrt(sum);
}

/**
 * Ranks `candidates` by TF-IDF cosine similarity to `target` and keeps those
 * above the threshold, best first, each with the terms that weighed most.
 */
export function rankRelated(target: StoredArticle, candidates: StoredArticle[], limit = 50): RelatedArticle[] {
  const others = candidates.filter((c) => c.id !== target.id && c.canonicalUrl !== target.canonicalUrl);
  const tfs = new Map(others.map((c) => [c.id, termsOf(c)] as const));
  const targetTf = termsOf(target);
  const { df, n } = documentFrequencies([targetTf, ...tfs.values()]);
  const t = weigh(targetTf, df, n);
  const tNorm = norm(t);
  if (tNorm === 0) return [];

  const ranked: RelatedArticle[] = [];
  for (const c of others) {
    const v = weigh(tfs.get(c.id)!, df, n);
    const vNorm = norm(v);
    if (vNorm === 0) continue;
    let dot = 0;
    const contributions: [string, number][] = [];
    for (const [term, w] of t) {
      const x = v.get(term);
      if (x === undefined) continue;
      dot += w * x;
      contributions.push([term, w * x]);
    }
    const score = dot / (tNorm * vNorm);
    if (score < RELATED_THRESHOLD) continue;
    contributions.sort((a, b) => b[1] - a[1]);
    ranked.push({
      id: c.id,
      title: c.title,
      siteName: c.siteName,
      url: c.url,
      publishedAt: c.publishedAt,
      wordCount: c.wordCount,
      score: Math.min(1, score),
      sharedTerms: contributions.slice(0, 6).map(([term]) => term),
    });
  }
  return ranked.sort((a, b) => b.score - a.score).slice(0, limit);
}
