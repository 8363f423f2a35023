/**
 * How alike two indexed articles are, and why. Three cosines (words,
 * named entities, figures) are blended, then tempered by time: reports of
 * one event appear within days of each other and name the same year, while
 * two incidents of the same kind (two quakes, two arrests) share their
 * vocabulary but differ in who, where, when and how many.
 */
import type { Signature } from './signature';

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
  /** Factor when both name years and none is shared. */
  yearConflict: number;
}

export const DEFAULT_WEIGHTS: ScoreWeights = {
  terms: 0.62,
  entities: 0.26,
  figures: 0.12,
  graceDays: 3,
  timeFloor: 0.35,
  timeSlope: 0.16,
  yearConflict: 0.75,
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

function dot(aKeys: string[], aW: number[], bIndex: Map<string, number>, bW: number[], bLabels: string[] | null, into: Shared[] | null): number {
  let sum = 0;
  for (let i = 0; i < aKeys.length; i++) {
    const j = bIndex.get(aKeys[i]!);
    if (j === undefined) continue;
    const w = aW[i]! * bW[j]!;
    sum += w;
    into?.push({ key: aKeys[i]!, label: bLabels ? bLabels[j]! : aKeys[i]!, weight: w });
  }
  return sum;
}

/** Lookup tables of one signature, built once when it is compared with many. */
export interface Prepared {
  sig: Signature;
  terms: Map<string, number>;
  entities: Map<string, number>;
  figures: Map<string, number>;
}

export function prepare(sig: Signature): Prepared {
  const index = (keys: string[]) => new Map(keys.map((k, i) => [k, i]));
  return { sig, terms: index(sig.terms), entities: index(sig.entities), figures: index(sig.figures) };
}

export function timeFactor(a: Signature, b: Signature, w: ScoreWeights): { factor: number; daysApart: number | null } {
  let factor = 1;
  let daysApart: number | null = null;
  if (a.day !== null && b.day !== null) {
    daysApart = Math.abs(a.day - b.day);
    factor = Math.max(w.timeFloor, 1 - w.timeSlope * Math.log2(1 + daysApart / w.graceDays));
  }
  if (a.years.length && b.years.length && !a.years.some((y) => b.years.includes(y))) factor *= w.yearConflict;
  return { factor, daysApart };
}

export function compare(q: Prepared, c: Prepared, w: ScoreWeights = DEFAULT_WEIGHTS, explain = false): Comparison {
  const a = q.sig;
  const b = c.sig;
  const sharedTerms: Shared[] | null = explain ? [] : null;
  const sharedEntities: Shared[] | null = explain ? [] : null;
  const sharedFigures: Shared[] | null = explain ? [] : null;
  const terms = dot(a.terms, a.termWeights, c.terms, b.termWeights, null, sharedTerms);
  const entities = dot(a.entities, a.entityWeights, c.entities, b.entityWeights, b.entityNames, sharedEntities);
  const figures = dot(a.figures, a.figureWeights, c.figures, b.figureWeights, b.figureTexts, sharedFigures);
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
