/**
 * What the index keeps of an article: its terms, entities and figures with
 * their count weights (1 + log count), the years it mentions, its
 * publication day and a near-duplicate fingerprint.
 *
 * Weights are stored before any inverse document frequency is applied: the
 * collection's frequencies are applied when two articles are compared
 * (`score.ts`), so a score depends on the library as it is then, never on the
 * order its articles arrived in. Only which keys an article is filed under
 * (and, for very long articles, which rare terms are dropped) uses the
 * frequencies known when it was filed; that decides what is found, not how
 * it scores.
 */
import { analyze, figureKey, type EntityKind } from '../analysis';
import { evidenceOf, isOutletName, type OutletInput } from './boilerplate';
import { simhash } from './simhash';

/** Prefixes that keep the three vocabularies apart in one frequency table and one index. */
export const ENTITY = '@';
export const FIGURE = '#';
export const BAND = '~';

/** Most terms kept per article: a 1,000-word report has about this many distinct content words. */
const MAX_TERMS = 320;
const MAX_ENTITIES = 80;
const MAX_FIGURES = 60;
/** Keys an article is found under in the inverted index. */
const INDEX_TERMS = 28;
const INDEX_ENTITIES = 10;
const INDEX_FIGURES = 6;

const KIND_LETTER: Record<EntityKind, string> = { person: 'p', organisation: 'o', place: 'l', other: 'x' };

export interface Signature {
  id: string;
  terms: string[];
  /** Count weights (1 + log count), parallel to `terms`; no collection statistics. */
  termWeights: number[];
  entities: string[];
  entityWeights: number[];
  /** Names as written, parallel to `entities`, for explanations. */
  entityNames: string[];
  /** Kinds, parallel to `entities`: p(erson), o(rganisation), l(ocation) or x (unknown). */
  entityKinds: string;
  figures: string[];
  figureWeights: number[];
  /** Figures as written, parallel to `figures`. */
  figureTexts: string[];
  /** Years the text names (from dates and "in 2008"). */
  years: number[];
  /** Publication day (days since 1970-01-01), or null. */
  day: number | null;
  /** 64-bit SimHash of word shingles, as two unsigned 32-bit halves. */
  hash: [number, number];
  /** Keys of the inverted index: distinctive terms, entities, figures and hash bands. */
  keys: string[];
  words: number;
}

export interface Features {
  terms: Map<string, number>;
  entities: Map<string, { count: number; name: string; kind: EntityKind }>;
  figures: Map<string, { count: number; text: string }>;
  years: number[];
  hash: [number, number];
  words: number;
  /** The date printed with the headline, standing in for a missing publication date. */
  dateline: string | null;
}

/**
 * The counts an article contributes, before any weighting. Its outlet's name
 * and staff (credit lines, byline) are left out: they say who published it,
 * not what happened.
 */
export function featuresOf(article: OutletInput): Features {
  const evidence = evidenceOf(article);
  const analysis = analyze(evidence.input);
  for (const t of evidence.terms) analysis.terms.delete(t);
  const entities = new Map<string, { count: number; name: string; kind: EntityKind }>();
  const addEntity = (key: string, name: string, count: number, kind: EntityKind) => {
    const e = entities.get(key);
    if (e) e.count += count;
    else entities.set(key, { count, name, kind });
  };
  for (const e of analysis.entities) {
    if (isOutletName(e.name, evidence.names)) continue;
    addEntity(ENTITY + e.key, e.name, e.mentions, e.kind);
    // Another outlet may write only the surname ("Teixeira") or the full name; both should meet.
    const parts = e.name.split(' ');
    if ((e.kind === 'person' || e.kind === 'other') && parts.length >= 2 && parts.length <= 3) {
      const surname = ENTITY + parts.at(-1)!.toLowerCase();
      if (surname !== ENTITY + e.key) addEntity(surname, e.name, e.mentions, e.kind);
    }
  }
  const figures = new Map<string, { count: number; text: string }>();
  const years = new Set<number>();
  for (const f of analysis.figures) {
    const key = FIGURE + figureKey(f);
    const known = figures.get(key);
    if (known) known.count++;
    else figures.set(key, { count: 1, text: f.text });
    if (f.kind === 'year') years.add(f.value);
    if (f.kind === 'date' && f.iso && !f.iso.startsWith('?')) {
      years.add(Number(f.iso.slice(0, 4)));
      figures.set(`${FIGURE}date:${f.iso}`, { count: 1, text: f.text });
    }
  }
  return { terms: analysis.terms, entities, figures, years: [...years].sort(), hash: simhash(analysis.sequence), words: analysis.words, dateline: analysis.dateline };
}

/** Every key whose document frequency the index counts. */
export function countedKeys(f: Features): string[] {
  return [...f.terms.keys(), ...f.entities.keys(), ...f.figures.keys()];
}

export function inverseFrequency(df: number, n: number): number {
  return Math.log((n + 1) / (df + 1)) + 1;
}

/** Count weights of the most telling entries (by count weight × idf), best first. */
function countWeights<V>(entries: Map<string, V>, count: (v: V) => number, idf: (key: string) => number, limit: number): [string, number, number][] {
  const weighted: [string, number, number][] = [];
  for (const [key, v] of entries) {
    const tf = 1 + Math.log(count(v));
    weighted.push([key, tf, tf * idf(key)]);
  }
  weighted.sort((a, b) => b[2] - a[2] || (a[0] < b[0] ? -1 : 1));
  return weighted.slice(0, limit);
}

export function dayOf(iso: string | null): number | null {
  if (!iso) return null;
  const t = Date.parse(iso);
  return Number.isNaN(t) ? null : Math.floor(t / 86_400_000);
}

/**
 * Weighs an article's features with the frequencies of the library it joins.
 * `df` must hold every key of `countedKeys(features)` that the library has
 * seen (missing keys count as unseen); `n` is the library's size.
 */
export function buildSignature(id: string, features: Features, publishedAt: string | null, df: Map<string, number>, n: number): Signature {
  const idf = (key: string) => inverseFrequency(df.get(key) ?? 0, n);
  const terms = countWeights(features.terms, (c) => c, idf, MAX_TERMS);
  const entities = countWeights(features.entities, (e) => e.count, idf, MAX_ENTITIES);
  const figures = countWeights(features.figures, (f) => f.count, idf, MAX_FIGURES);
  const keys = [
    ...terms.slice(0, INDEX_TERMS).map(([k]) => k),
    ...entities.slice(0, INDEX_ENTITIES).map(([k]) => k),
    ...figures.slice(0, INDEX_FIGURES).map(([k]) => k),
    ...hashBands(features.hash),
  ];
  return {
    id,
    terms: terms.map(([k]) => k),
    termWeights: terms.map(([, w]) => round(w)),
    entities: entities.map(([k]) => k),
    entityWeights: entities.map(([, w]) => round(w)),
    entityNames: entities.map(([k]) => features.entities.get(k)!.name),
    entityKinds: entities.map(([k]) => KIND_LETTER[features.entities.get(k)!.kind]).join(''),
    figures: figures.map(([k]) => k),
    figureWeights: figures.map(([, w]) => round(w)),
    figureTexts: figures.map(([k]) => features.figures.get(k)!.text),
    years: features.years,
    day: dayOf(publishedAt) ?? dayOf(features.dateline),
    hash: features.hash,
    keys: [...new Set(keys)],
    words: features.words,
  };
}

/** Four 16-bit bands: two fingerprints within 3 bits of each other share at least one (pigeonhole). */
export function hashBands(hash: [number, number]): string[] {
  if (hash[0] === 0 && hash[1] === 0) return [];
  return [hash[0] >>> 16, hash[0] & 0xffff, hash[1] >>> 16, hash[1] & 0xffff].map((b, i) => `${BAND}${i}:${b.toString(16)}`);
}

// Four decimals keep the ranking and shrink the stored record.
const round = (x: number) => Math.round(x * 10_000) / 10_000;
