/**
 * The matcher's front door for callers holding articles rather than an
 * index: ranks candidates by how likely they report the same event, with
 * the reasons. The matcher itself lives in matching/ (see its README).
 */
import type { Explanation, RelatedArticle, StoredArticle } from './article';
import { rankAmong, type Ranked } from './matching/engine';
import { DEFAULT_WEIGHTS } from './matching/score';
import { buildSignature, countedKeys, featuresOf, inverseFrequency } from './matching/signature';

/**
 * Below this score two articles are not called related: a likeness of 0.1
 * for two reports of the same day (whose agreeing dates raise the score by
 * the dated bonus); a little more for a pair whose dates are unknown.
 */
export const RELATED_THRESHOLD = 0.1 * (1 + DEFAULT_WEIGHTS.datedBonus);

const KIND_FIELD = { p: 'people', o: 'organisations', l: 'places', x: 'names' } as const;

/** What `other` shares with the query, in words a reader can check. */
export function explain(other: Ranked): Explanation {
  const out: Explanation = { people: [], organisations: [], places: [], names: [], figures: [], terms: [], daysApart: other.comparison.daysApart };
  const seen = new Set<string>();
  for (const shared of other.comparison.sharedEntities) {
    const i = other.signature.entities.indexOf(shared.key);
    const kind = (other.signature.entityKinds[i] ?? 'x') as keyof typeof KIND_FIELD;
    const name = shared.label;
    if (seen.has(name)) continue;
    seen.add(name);
    out[KIND_FIELD[kind]].push(name);
  }
  out.figures = [...new Set(other.comparison.sharedFigures.map((f) => f.label))].slice(0, 8);
  out.terms = other.comparison.sharedTerms.map((t) => t.key).slice(0, 10);
  return out;
}

/**
 * Ranks `candidates` against `target` (the set is its own collection for
 * word frequencies) and keeps those above the threshold, best first.
 */
export function rankRelated(target: StoredArticle, candidates: StoredArticle[], limit = 50): RelatedArticle[] {
  const others = candidates.filter((c) => c.id !== target.id && c.canonicalUrl !== target.canonicalUrl);
  const features = new Map([target, ...others].map((a) => [a.id, featuresOf({ title: a.title, text: a.text, lang: a.lang, siteName: a.siteName, byline: a.byline })] as const));
  const df = new Map<string, number>();
  for (const f of features.values()) for (const k of countedKeys(f)) df.set(k, (df.get(k) ?? 0) + 1);
  const n = features.size;
  const sig = (a: StoredArticle) => buildSignature(a.id, features.get(a.id)!, a.publishedAt, df, n);
  const query = sig(target);
  if (!query.terms.length) return [];
  const byId = new Map(others.map((a) => [a.id, a]));
  const idf = (key: string) => inverseFrequency(df.get(key) ?? 0, n);
  return rankAmong(query, others.map(sig), idf)
    .filter((r) => r.comparison.score >= RELATED_THRESHOLD)
    .slice(0, limit)
    .map((r) => {
      const a = byId.get(r.id)!;
      const explanation = explain(r);
      return {
        id: a.id,
        title: a.title,
        siteName: a.siteName,
        url: a.url,
        publishedAt: a.publishedAt,
        wordCount: a.wordCount,
        score: r.comparison.score,
        sharedTerms: explanation.terms.slice(0, 6),
        explanation,
        sameReport: r.nearDuplicate,
      };
    });
}
