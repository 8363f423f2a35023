/**
 * The matching index as numbers, held in memory between queries: document
 * frequencies in a typed hash table, candidate lists per key hash, and the
 * vectors of the articles read so far. What is not in memory yet is read
 * through a `PackedSource` (IndexedDB in the extension) and kept, so a worker
 * woken cold reads only what its first query needs and a warm one reads
 * nothing. The ranking mirrors `engine.ts` step for step (same search keys,
 * votes, pool and blend) so the store finds and scores what the reference
 * matcher does; test/unit/matching.test.ts holds them to the same ranking.
 */
import { DEFAULT_WEIGHTS, timeFactor, type ScoreWeights } from './score';
import { inverseFrequency, type Signature } from './signature';
import { isNearDuplicate } from './simhash';
import { FrequencyTable } from './frequency-table';
import type { DocVector } from './vector';

/** How the index reads what it does not hold. */
export interface PackedSource {
  postings(hashes: number[]): Promise<Map<number, Int32Array>>;
  vectors(docs: number[]): Promise<Map<number, DocVector>>;
}

/**
 * A list this long is never searched (see `postingsLimit`), so it stops
 * growing: the commonest keys cost nothing to file under.
 */
export const MAX_POSTINGS = 4_000;

/** Same rule as engine.ts: keys shared by more articles than this find nothing in particular. */
export function postingsLimit(n: number): number {
  return Math.min(MAX_POSTINGS, Math.max(200, Math.ceil(n / 50)));
}
const CHANNEL = { term: 1, entity: 0.8, figure: 0.5, band: 0.6 };

export interface PackedRanked {
  n: number;
  id: string;
  score: number;
  nearDuplicate: boolean;
}

export class PackedIndex {
  readonly postings = new Map<number, Int32Array | number[]>();
  readonly vectors = new Map<number, DocVector>();

  constructor(
    /** Articles filed. */
    public size: number,
    public readonly df: FrequencyTable,
  ) {}

  /** Reads the lists of `hashes` this index does not hold yet (a key never filed under gets an empty one). */
  async loadPostings(hashes: Iterable<number>, source: PackedSource | null): Promise<void> {
    const missing = [...new Set(hashes)].filter((h) => !this.postings.has(h));
    if (!missing.length) return;
    const read = source ? await source.postings(missing) : new Map<number, Int32Array>();
    for (const h of missing) if (!this.postings.has(h)) this.postings.set(h, read.get(h) ?? []);
  }

  async loadVectors(docs: Iterable<number>, source: PackedSource | null): Promise<void> {
    const missing = [...docs].filter((d) => !this.vectors.has(d));
    if (!missing.length || !source) return;
    for (const [n, v] of await source.vectors(missing)) if (!this.vectors.has(n)) this.vectors.set(n, v);
  }

  /**
   * Counts an article's keys (`counted`: every key it has, once) unless it
   * was filed before, and files it under its index keys. Returns the key
   * hashes whose lists changed. Lists must be loaded first (`loadPostings`).
   */
  file(vector: DocVector, counted: Uint32Array | null): number[] {
    if (counted) {
      for (let i = 0; i < counted.length; i++) this.df.add(counted[i]!, 1);
      this.size = Math.max(this.size, vector.n + 1);
    }
    this.vectors.set(vector.n, vector);
    const touched: number[] = [];
    for (const h of [...vector.index, ...vector.bands]) {
      let list = this.postings.get(h) ?? [];
      if (list.length >= MAX_POSTINGS || list.includes(vector.n)) continue;
      if (!Array.isArray(list)) list = Array.from(list);
      list.push(vector.n);
      this.postings.set(h, list);
      touched.push(h);
    }
    return touched;
  }

  idf(hash: number): number {
    return inverseFrequency(Math.max(1, this.df.get(hash)), Math.max(this.size, 1));
  }
}

/** One channel of the query as a unit vector: hash → weight × idf / norm. */
function unit(index: PackedIndex, v: DocVector, from: number, to: number): Map<number, number> {
  const out = new Map<number, number>();
  let sum = 0;
  for (let i = from; i < to; i++) {
    const w = v.weights[i]! * index.idf(v.keys[i]!);
    out.set(v.keys[i]!, w);
    sum += w * w;
  }
  const norm = Math.sqrt(sum) || 1;
  for (const [k, w] of out) out.set(k, w / norm);
  return out;
}

function cosine(index: PackedIndex, q: Map<number, number>, b: DocVector, from: number, to: number): number {
  let sum = 0;
  let dot = 0;
  for (let i = from; i < to; i++) {
    const w = b.weights[i]! * index.idf(b.keys[i]!);
    sum += w * w;
    const x = q.get(b.keys[i]!);
    if (x !== undefined) dot += x * w;
  }
  return dot / (Math.sqrt(sum) || 1);
}

interface Query {
  v: DocVector;
  terms: Map<number, number>;
  entities: Map<number, number>;
  figures: Map<number, number>;
}

function prepareQuery(index: PackedIndex, v: DocVector): Query {
  return { v, terms: unit(index, v, 0, v.terms), entities: unit(index, v, v.terms, v.terms + v.entities), figures: unit(index, v, v.terms + v.entities, v.keys.length) };
}

/** The blend of score.ts `compare`, on numbers. */
export function scoreVectors(index: PackedIndex, q: Query, b: DocVector, w: ScoreWeights): number {
  const a = q.v;
  const bt = b.terms;
  const be = b.terms + b.entities;
  const terms = cosine(index, q.terms, b, 0, bt);
  const entities = cosine(index, q.entities, b, bt, be);
  const figures = cosine(index, q.figures, b, be, b.keys.length);
  const hasE = a.entities > 0 && b.entities > 0;
  const hasF = a.keys.length > a.terms + a.entities && b.keys.length > be;
  const wE = hasE ? w.entities : 0;
  const wF = hasF ? w.figures : 0;
  const blended = (w.terms * terms + wE * entities + wF * figures) / (w.terms + wE + wF);
  const { factor } = timeFactor(a as unknown as Signature, b as unknown as Signature, w);
  return Math.min(1, blended * factor);
}

export interface PackedRankOptions {
  exclude?: ReadonlySet<number>;
  limit?: number;
  pool?: number;
  weights?: ScoreWeights;
  /** Where what the index does not hold is read from. */
  source?: PackedSource | null;
}

/** Ranks the library against `v` (which may or may not be filed), best first. */
export async function rankPacked(index: PackedIndex, v: DocVector, options: PackedRankOptions = {}): Promise<PackedRanked[]> {
  const { exclude, limit = 40, pool = 100, weights = DEFAULT_WEIGHTS, source = null } = options;
  const q = prepareQuery(index, v);
  // As engine.ts: the keys it is filed under, plus its forty heaviest terms.
  const search = new Set<number>(v.index);
  for (const h of v.bands) search.add(h);
  const heavy = [...q.terms].sort((a, b) => b[1] - a[1]);
  for (let i = 0; i < Math.min(heavy.length, 40); i++) search.add(heavy[i]![0]);
  const cap = postingsLimit(index.size);
  const bands = new Set(v.bands);
  const useful = [...search].filter((h) => bands.has(h) || index.df.get(h) < cap);
  await index.loadPostings(useful, source);

  const votes = new Map<number, number>();
  for (const h of useful) {
    const list = index.postings.get(h)!;
    if (list.length >= cap) continue;
    const w = bands.has(h) ? CHANNEL.band : (q.terms.get(h) ?? (q.entities.has(h) ? q.entities.get(h)! * CHANNEL.entity : (q.figures.get(h) ?? 0) * CHANNEL.figure));
    for (let i = 0; i < list.length; i++) {
      const d = list[i]!;
      if (d === v.n || exclude?.has(d)) continue;
      votes.set(d, (votes.get(d) ?? 0) + w);
    }
  }
  const shortlist = topByVotes(votes, pool);
  await index.loadVectors(shortlist, source);
  const ranked: PackedRanked[] = [];
  for (const d of shortlist) {
    const other = index.vectors.get(d);
    if (!other) continue;
    ranked.push({ n: d, id: other.id, score: scoreVectors(index, q, other, weights), nearDuplicate: isNearDuplicate(v.hash, other.hash) });
  }
  return ranked.sort((a, b) => b.score - a.score || a.n - b.n).slice(0, limit);
}

/** The `k` most voted documents, most first (ties: filed first). */
function topByVotes(votes: Map<number, number>, k: number): number[] {
  const all = [...votes];
  if (all.length > k * 4) {
    // A partial selection: only entries at or above the k-th largest vote are sorted.
    const values = Float64Array.from(all, (e) => e[1]).sort();
    const threshold = values[values.length - k]!;
    return all.filter((e) => e[1] >= threshold).sort((a, b) => b[1] - a[1] || a[0] - b[0]).slice(0, k).map((e) => e[0]);
  }
  return all.sort((a, b) => b[1] - a[1] || a[0] - b[0]).slice(0, k).map((e) => e[0]);
}
