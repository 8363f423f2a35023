/**
 * Sentence similarity within one story: cosine over content terms weighted by
 * how rare each term is among the story's sentences, so that the words every
 * report repeats ("tariffs", "China") count for little and the specific ones
 * ("exempt", "jet engines") for much.
 */
import type { StorySentence } from './sentences';

/** Two sentences at least this similar say the same thing. */
export const SAME_STATEMENT = 0.22;
/** Above this, a link needs no confirmation from the other side's best match. */
export const CLEARLY_SAME = 0.55;

/** How much a term of the attribution counts against one of the statement itself. */
const ATTRIBUTION_WEIGHT = 0.3;

export interface Weighted {
  weights: Map<string, number>;
  norm: number;
}

export function weigh(all: StorySentence[]): Weighted[] {
  const df = new Map<string, number>();
  for (const s of all) for (const t of s.terms) df.set(t, (df.get(t) ?? 0) + 1);
  const n = all.length;
  // A speaker's name counts for little wherever it appears: what two sentences say about someone
  // makes them one statement, not that both name them.
  const speakers = new Set<string>();
  for (const s of all) for (const t of s.speakers) speakers.add(t);
  return all.map((s) => {
    const weights = new Map<string, number>();
    let sum = 0;
    for (const t of s.terms) {
      const w = Math.log(1 + n / df.get(t)!) * (speakers.has(t) || s.attribution.has(t) ? ATTRIBUTION_WEIGHT : 1);
      weights.set(t, w);
      sum += w * w;
    }
    return { weights, norm: Math.sqrt(sum) };
  });
}

export function cosine(a: Weighted, b: Weighted): number {
  if (!a.norm || !b.norm) return 0;
  const [small, large] = a.weights.size <= b.weights.size ? [a, b] : [b, a];
  let dot = 0;
  for (const [t, w] of small.weights) {
    const v = large.weights.get(t);
    if (v) dot += w * v;
  }
  return fromDot(dot, a, b);
}

/** Cosine from the dot product of two sentences' weights. */
export function fromDot(dot: number, a: Weighted, b: Weighted): number {
  return a.norm && b.norm ? dot / (a.norm * b.norm) : 0;
}

/** Cosine that ignores figure terms ("#…"): how alike two sentences are apart from their numbers. */
export function cosineWithout(a: Weighted, b: Weighted): number {
  let dot = 0;
  let na = 0;
  let nb = 0;
  for (const [t, w] of a.weights) {
    if (t.startsWith('#')) continue;
    na += w * w;
    const v = b.weights.get(t);
    if (v) dot += w * v;
  }
  for (const [t, w] of b.weights) if (!t.startsWith('#')) nb += w * w;
  return na && nb ? dot / Math.sqrt(na * nb) : 0;
}
