/**
 * How alike two indexed articles are, and why. Three cosines (words,
 * named entities, figures) are blended, then tempered by time: reports of
 * one event appear within days of each other and name the same year, while
 * two incidents of the same kind (two quakes, two arrests) share their
 * vocabulary but differ in who, where, when and how many.
 */
import { FIGURE, type Signature } from './signature';
import { keyHash } from './simhash';

export interface ScoreWeights {
  terms: number;
  entities: number;
  figures: number;
  /** Days apart that cost nothing; beyond it the score decays. */
  graceDays: number;
  /** Lowest factor for articles published far apart. */
  timeFloor: number;
  /** What each doubling of the distance in time (beyond the grace) costs. */
  timeSlope: number;
  /** Factor when one article is dated and the other is about another year (`yearOf`). */
  yearConflict: number;
  /**
   * Two known dates that agree are evidence the words cannot give: a pair
   * published within the grace weighs (1 + datedBonus) times a pair whose
   * dates are unknown, and the decay with distance applies on top. Without
   * it an undated candidate, never penalised, outranks a same-day report.
   */
  datedBonus: number;
}

export const DEFAULT_WEIGHTS: ScoreWeights = {
  terms: 0.62,
  entities: 0.26,
  figures: 0.12,
  graceDays: 3,
  timeFloor: 0.35,
  timeSlope: 0.25,
  yearConflict: 0.75,
  datedBonus: 0.6,
};

export interface Shared {
  key: string;
  /** As the other article wrote it. */
  label: string;
  weight: number;
}

export interface Comparison {
  score: number;
  terms: number;
  entities: number;
  figures: number;
  /** Whole days between publication, when both dates are known. */
  daysApart: number | null;
  sharedTerms: Shared[];
  sharedEntities: Shared[];
  sharedFigures: Shared[];
}

/** Inverse document frequency of a key in the library as it is now. */
export type Idf = (key: string) => number;

/** A unit vector: key → weight. */
type Vector = Map<string, number>;

function unit(keys: string[], counts: number[], idf: Idf): Vector {
  const out: Vector = new Map();
  let sum = 0;
  for (let i = 0; i < keys.length; i++) {
    const w = counts[i]! * idf(keys[i]!);
    out.set(keys[i]!, w);
    sum += w * w;
  }
  const norm = Math.sqrt(sum) || 1;
  for (const [k, w] of out) out.set(k, w / norm);
  return out;
}

/** One signature weighed with the library's current frequencies, ready to be compared with many. */
export interface Prepared {
  sig: Signature;
  terms: Vector;
  entities: Vector;
  figures: Vector;
}

export function prepare(sig: Signature, idf: Idf): Prepared {
  return { sig, terms: unit(sig.terms, sig.termWeights, idf), entities: unit(sig.entities, sig.entityWeights, idf), figures: unit(sig.figures, sig.figureWeights, idf) };
}

/**
 * Cosine of the query's unit vector with a candidate's channel, weighed on the
 * fly: one pass over the candidate's keys gives both its norm and the dot
 * product, so no table is built per candidate.
 */
function cosine(q: Vector, keys: string[], counts: number[], idf: Idf, labels: string[] | null, into: Shared[] | null): number {
  let sum = 0;
  let dot = 0;
  const hits: number[] | null = into ? [] : null;
  for (let i = 0; i < keys.length; i++) {
    const w = counts[i]! * idf(keys[i]!);
    sum += w * w;
    const x = q.get(keys[i]!);
    if (x === undefined) continue;
    dot += x * w;
    hits?.push(i, x * w);
  }
  const norm = Math.sqrt(sum) || 1;
  if (into && hits) for (let h = 0; h < hits.length; h += 2) into.push({ key: keys[hits[h]!]!, label: labels ? labels[hits[h]!]! : keys[hits[h]!]!, weight: hits[h + 1]! / norm });
  return dot / norm;
}

export function timeFactor(a: When, b: When, w: ScoreWeights): { factor: number; daysApart: number | null } {
  if (a.day !== null && b.day !== null) {
    const daysApart = Math.abs(a.day - b.day);
    return { factor: (1 + w.datedBonus) * Math.max(w.timeFloor, 1 - w.timeSlope * Math.log2(1 + daysApart / w.graceDays)), daysApart };
  }
  // With one date known, the other article's most-named year is the best guess at its when. Two
  // undated articles are two guesses, and the years they name are as often background as news.
  if ((a.day === null) !== (b.day === null)) {
    const ya = yearOf(a);
    const yb = yearOf(b);
    if (ya !== null && yb !== null && ya !== yb) return { factor: w.yearConflict, daysApart: null };
  }
  return { factor: 1, daysApart: null };
}

/**
 * What the time factor reads of an article. Both a `Signature` and the
 * ranking's packed `DocVector` (vector.ts) carry it: the figures as strings
 * in one, as key hashes with weights in the other.
 */
export type When = Pick<Signature, 'day' | 'years'> & (Pick<Signature, 'figures' | 'figureWeights'> | { keys: Uint32Array; weights: Float32Array; terms: number; entities: number });

const yearKey = (y: number) => `${FIGURE}year:${y}:year`;
const yearHashes = new Map<number, number>();
function yearHash(y: number): number {
  let h = yearHashes.get(y);
  if (h === undefined) yearHashes.set(y, (h = keyHash(yearKey(y))));
  return h;
}

/** How often (as a count weight) the article names `year` as a year, 0 when only inside a date or not at all. */
function yearWeight(s: When, year: number): number {
  if ('figures' in s) {
    const i = s.figures.indexOf(yearKey(year));
    return i < 0 ? 0 : s.figureWeights[i]!;
  }
  const h = yearHash(year);
  for (let i = s.terms + s.entities; i < s.keys.length; i++) if (s.keys[i] === h) return s.weights[i]!;
  return 0;
}

/**
 * The year an article is about: the year it was published, or else the year
 * it names most often (the latest on a tie). Every other year it names is
 * background ("since the 2012 attack") and says nothing of when this happened.
 */
export function yearOf(s: When): number | null {
  if (s.day !== null) return new Date(s.day * 86_400_000).getUTCFullYear();
  let best: number | null = null;
  let weight = -1;
  for (const year of s.years) {
    const w = yearWeight(s, year);
    if (w > weight || (w === weight && year > best!)) {
      best = year;
      weight = w;
    }
  }
  return best;
}

/** How alike the query `q` and the stored article `b` are, both weighed with the library's current `idf`. */
export function compare(q: Prepared, b: Signature, idf: Idf, w: ScoreWeights = DEFAULT_WEIGHTS, explain = false): Comparison {
  const a = q.sig;
  const sharedTerms: Shared[] | null = explain ? [] : null;
  const sharedEntities: Shared[] | null = explain ? [] : null;
  const sharedFigures: Shared[] | null = explain ? [] : null;
  const terms = cosine(q.terms, b.terms, b.termWeights, idf, null, sharedTerms);
  const entities = cosine(q.entities, b.entities, b.entityWeights, idf, b.entityNames, sharedEntities);
  const figures = cosine(q.figures, b.figures, b.figureWeights, idf, b.figureTexts, sharedFigures);
  // A channel one article lacks (no names, no figures) should not count against it: its weight goes to words.
  const hasE = a.entities.length > 0 && b.entities.length > 0;
  const hasF = a.figures.length > 0 && b.figures.length > 0;
  const wE = hasE ? w.entities : 0;
  const wF = hasF ? w.figures : 0;
  const blended = (w.terms * terms + wE * entities + wF * figures) / (w.terms + wE + wF);
  const { factor, daysApart } = timeFactor(a, b, w);
  const byWeight = (x: Shared, y: Shared) => y.weight - x.weight;
  return {
    score: Math.min(1, blended * factor),
    terms,
    entities,
    figures,
    daysApart,
    sharedTerms: sharedTerms?.sort(byWeight) ?? [],
    sharedEntities: sharedEntities?.sort(byWeight) ?? [],
    sharedFigures: sharedFigures?.sort(byWeight) ?? [],
  };
}
