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
import type { Signature } from './signature';
import { isNearDuplicate } from './simhash';
import { FrequencyTable } from './frequency-table';
import { ENTITIES, FIGURES, QueryWeights, TERMS } from './query-weights';
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
/**
 * How many of the most voted articles a listing compares in full. Each is a
 * vector read from IndexedDB when the index does not hold it, the largest
 * part of a query over a large library; and the larger the library, the more
 * the second fifty holds only articles of the same kind of event, far below
 * the related threshold (at 100,000 synthetic articles, a pool of 50 lists
 * the same articles as one of 100 for 225 queries of 230, and what the others
 * lose scored 0.16 to 0.25 where reports of one event score 0.9 and more).
 * Up to 20,000 articles it is engine.ts's hundred.
 */
export function listingPool(n: number): number {
  return Math.max(50, Math.min(100, Math.ceil(2_000_000 / Math.max(n, 1))));
}
const CHANNEL = { term: 1, entity: 0.8, figure: 0.5, band: 0.6 };

export interface PackedRanked {
  n: number;
  id: string;
  score: number;
  nearDuplicate: boolean;
}

/** `PackedIndex.marked` of an article a ranking must not return. */
const BARRED = 2;

/**
 * Bits of a band hash that pick its bit in `PackedIndex.bands`: 32 KB of
 * bits, under the size past which Chromium keeps a stored value in a file
 * of its own (read apart, after the rest of a cold context's first request).
 */
const BAND_BITS = 18;

/** Band bits as stored, of any earlier size: a larger set is folded onto this one (a bit set stays set). */
export function bandBitsOf(stored: Uint8Array): Uint8Array {
  const size = 1 << (BAND_BITS - 3);
  if (stored.length === size) return stored;
  const out = new Uint8Array(size);
  for (let i = 0; i < stored.length; i++) out[i % size]! |= stored[i]!;
  return out;
}

export class PackedIndex {
  readonly postings = new Map<number, Int32Array | number[]>();
  readonly vectors = new Map<number, DocVector>();
  /** Article id → filing number, for the vectors held. */
  readonly numbers = new Map<string, number>();
  /**
   * One bit per band hash (its low BAND_BITS bits) set once some article is
   * filed under it: a new article's bands are mostly unseen, and an unset bit
   * says so without a read. (Bands are not counted in the frequency table.)
   */
  bands: Uint8Array = new Uint8Array(1 << (BAND_BITS - 3));

  constructor(
    /** Articles filed. */
    public size: number,
    public readonly df: FrequencyTable,
    /** Whether it holds every list (an index built in memory from nothing): a list it lacks is empty. */
    private readonly complete = false,
  ) {}

  hold(vector: DocVector): void {
    this.vectors.set(vector.n, vector);
    this.numbers.set(vector.id, vector.n);
  }

  private tally = new Float64Array(0);
  private marked = new Uint8Array(0);
  private touched = new Int32Array(0);

  /**
   * Scratch arrays for one ranking's votes, one slot per filed article, all
   * zero between rankings, and room for the articles voted for: a ranking of
   * a large library votes for ten thousand of them, and a warm worker's
   * answers should not wait on the garbage collector.
   */
  tallies(): { tally: Float64Array; marked: Uint8Array; touched: Int32Array } {
    if (this.tally.length < this.size) {
      const length = Math.max(1024, this.size * 2);
      this.tally = new Float64Array(length);
      this.marked = new Uint8Array(length);
      this.touched = new Int32Array(length);
    }
    return { tally: this.tally, marked: this.marked, touched: this.touched };
  }

  private bandSeen(h: number): boolean {
    const bit = h & ((1 << BAND_BITS) - 1);
    return (this.bands[bit >>> 3]! & (1 << (bit & 7))) !== 0;
  }

  markBand(h: number): void {
    const bit = h & ((1 << BAND_BITS) - 1);
    this.bands[bit >>> 3]! |= 1 << (bit & 7);
  }

  /**
   * Reads the lists of `hashes` this index does not hold yet. A key nobody
   * has (frequency 0, or for `bands` an unset bit) has none, so the commonest
   * case, a name or a text never seen before, reads nothing.
   */
  async loadPostings(hashes: Iterable<number>, source: PackedSource | null, bands: ReadonlySet<number> = new Set()): Promise<void> {
    const missing: number[] = [];
    for (const h of new Set(hashes)) {
      if (this.postings.has(h)) continue;
      if (this.complete || (bands.has(h) ? !this.bandSeen(h) : this.df.get(h) === 0)) this.postings.set(h, []);
      else missing.push(h);
    }
    if (!missing.length) return;
    const read = source ? await source.postings(missing) : new Map<number, Int32Array>();
    for (const h of missing) if (!this.postings.has(h)) this.postings.set(h, read.get(h) ?? []);
  }

  async loadVectors(docs: Iterable<number>, source: PackedSource | null): Promise<void> {
    const missing = [...docs].filter((d) => !this.vectors.has(d));
    if (!missing.length || !source) return;
    for (const [n, v] of await source.vectors(missing)) if (!this.vectors.has(n)) this.hold(v);
  }

  /**
   * Counts a new article's keys (`counted`: every key it has, once; null for
   * an article filed before) and files it under its index keys. `count`
   * hears of every count added, for the caller to store. Returns the key
   * hashes whose lists changed. The lists must be loaded first
   * (`loadPostings`), except those already too long to be searched, which
   * are left as they are.
   */
  file(vector: DocVector, counted: Uint32Array | null, count: (hash: number) => void = () => {}): number[] {
    if (counted) {
      for (let i = 0; i < counted.length; i++) {
        this.df.add(counted[i]!, 1);
        count(counted[i]!);
      }
      this.size = Math.max(this.size, vector.n + 1);
    }
    this.hold(vector);
    const touched: number[] = [];
    const bands = new Set(vector.bands);
    for (const h of [...vector.index, ...vector.bands]) {
      let list = this.postings.get(h) ?? (this.complete ? [] : undefined);
      if (!list || list.length >= MAX_POSTINGS || list.includes(vector.n)) continue;
      if (!Array.isArray(list)) list = Array.from(list);
      list.push(vector.n);
      this.postings.set(h, list);
      touched.push(h);
      if (bands.has(h)) this.markBand(h);
    }
    return touched;
  }

  /** Brings into memory the lists `vector` is about to be filed under, except those too long to grow. */
  async loadFor(vector: DocVector, source: PackedSource | null): Promise<void> {
    await this.loadPostings([...vector.index.filter((h) => this.df.get(h) < MAX_POSTINGS), ...vector.bands], source, new Set(vector.bands));
  }

  idf(hash: number): number {
    return this.df.idf(hash, Math.max(this.size, 1));
  }

  /**
   * Norms per channel by filing number (three a number), valid where
   * `normsEpoch` holds the current epoch: a new epoch begins whenever the
   * frequencies or the size change, voiding them all at once. Flat arrays
   * rather than an object per vector, which a large library's heap would
   * carry through every collection.
   */
  private norms = new Float64Array(0);
  private normsEpoch = new Int32Array(0);
  private epoch = 0;
  private epochOf = { version: -1, size: -1 };

  private currentEpoch(): number {
    if (this.epochOf.version !== this.df.version || this.epochOf.size !== this.size) {
      this.epochOf = { version: this.df.version, size: this.size };
      this.epoch++;
    }
    return this.epoch;
  }

  /** A vector's norm per channel under the current frequencies, if computed since they last changed. */
  knownNorms(v: DocVector): [number, number, number] | null {
    const n = v.n;
    if (n < 0 || n >= this.normsEpoch.length || this.normsEpoch[n] !== this.currentEpoch()) return null;
    return [this.norms[3 * n]!, this.norms[3 * n + 1]!, this.norms[3 * n + 2]!];
  }

  rememberNorms(v: DocVector, norms: [number, number, number]): void {
    const n = v.n;
    if (n < 0) return;
    if (n >= this.normsEpoch.length) {
      const length = Math.max(1024, (n + 1) * 2);
      const grown = new Float64Array(3 * length);
      grown.set(this.norms);
      const stamps = new Int32Array(length);
      stamps.set(this.normsEpoch);
      this.norms = grown;
      this.normsEpoch = stamps;
    }
    this.norms.set(norms, 3 * n);
    this.normsEpoch[n] = this.currentEpoch();
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

/** As score.ts `cosine`, for a candidate whose norm is known. */
function cosine(index: PackedIndex, q: QueryWeights, channel: number, b: DocVector, from: number, to: number, norm: number): number {
  let dot = 0;
  for (let i = from; i < to; i++) {
    const x = q.get(b.keys[i]!, channel);
    if (x >= 0) dot += x * (b.weights[i]! * index.idf(b.keys[i]!));
  }
  return dot / norm;
}

/**
 * The three cosines of a candidate met for the first time under the current
 * frequencies, its norms found on the way: each key's frequency is looked up
 * once, for both (most of a ranking's time is these lookups, one per key of
 * fifty or a hundred candidates), and not at all for a key the query has,
 * whose frequency the query holds. Sums run in the same order as `cosine`'s.
 */
function cosinesAndNorms(index: PackedIndex, q: QueryWeights, b: DocVector): [number, number, number] {
  const ends = [b.terms, b.terms + b.entities, b.keys.length];
  const norms: [number, number, number] = [0, 0, 0];
  const dots = [0, 0, 0];
  let i = 0;
  for (let c = 0; c < 3; c++) {
    let sum = 0;
    let dot = 0;
    for (; i < ends[c]!; i++) {
      const key = b.keys[i]!;
      const s = q.find(key);
      const w = b.weights[i]! * (s < 0 ? index.idf(key) : q.idfAt(s));
      sum += w * w;
      if (s < 0) continue;
      const x = q.weightAt(s, c);
      if (x >= 0) dot += x * w;
    }
    norms[c] = Math.sqrt(sum) || 1;
    dots[c] = dot;
  }
  index.rememberNorms(b, norms);
  return [dots[0]! / norms[0], dots[1]! / norms[1], dots[2]! / norms[2]];
}

interface Query {
  v: DocVector;
  terms: Map<number, number>;
  entities: Map<number, number>;
  figures: Map<number, number>;
  /** The same three channels, for the candidates' lookups. */
  weights: QueryWeights;
}

function prepareQuery(index: PackedIndex, v: DocVector): Query {
  const terms = unit(index, v, 0, v.terms);
  const entities = unit(index, v, v.terms, v.terms + v.entities);
  const figures = unit(index, v, v.terms + v.entities, v.keys.length);
  return { v, terms, entities, figures, weights: new QueryWeights([terms, entities, figures], (h) => index.idf(h)) };
}

/** The blend of score.ts `compare`, on numbers. */
export function scoreVectors(index: PackedIndex, q: Query, b: DocVector, w: ScoreWeights): number {
  const a = q.v;
  const bt = b.terms;
  const be = b.terms + b.entities;
  const norms = index.knownNorms(b);
  const [terms, entities, figures] = norms
    ? [cosine(index, q.weights, TERMS, b, 0, bt, norms[0]), cosine(index, q.weights, ENTITIES, b, bt, be, norms[1]), cosine(index, q.weights, FIGURES, b, be, b.keys.length, norms[2])]
    : cosinesAndNorms(index, q.weights, b);
  const hasE = a.entities > 0 && b.entities > 0;
  const hasF = a.keys.length > a.terms + a.entities && b.keys.length > be;
  const wE = hasE ? w.entities : 0;
  const wF = hasF ? w.figures : 0;
  const blended = (w.terms * terms + wE * entities + wF * figures) / (w.terms + wE + wF);
  const { factor } = timeFactor(a as unknown as Signature, b as unknown as Signature, w);
  return Math.min(1, blended * factor);
}

export interface PackedRankOptions {
  limit?: number;
  pool?: number;
  weights?: ScoreWeights;
  /** Where what the index does not hold is read from. */
  source?: PackedSource | null;
  /**
   * Whether `v` is counted in the frequencies (a filed article): a key only
   * one article has is then its own, and its list, which could hold no other
   * article, is not read.
   */
  counted?: boolean;
}

/** Ranks the library against `v` (which may or may not be filed), best first; never `v` itself. */
export async function rankPacked(index: PackedIndex, v: DocVector, options: PackedRankOptions = {}): Promise<PackedRanked[]> {
  const { limit = 40, pool = 100, weights = DEFAULT_WEIGHTS, source = null, counted = false } = options;
  const q = prepareQuery(index, v);
  // As engine.ts: the keys it is filed under, plus its forty heaviest terms.
  const search = new Set<number>(v.index);
  for (const h of v.bands) search.add(h);
  const heavy = [...q.terms.keys()].sort((a, b) => q.terms.get(b)! - q.terms.get(a)!);
  for (let i = 0; i < Math.min(heavy.length, 40); i++) search.add(heavy[i]!);
  const cap = postingsLimit(index.size);
  const bands = new Set(v.bands);
  const least = counted ? 2 : 1;
  const useful = [...search].filter((h) => {
    if (bands.has(h)) return true;
    const df = index.df.get(h);
    return df < cap && df >= least;
  });
  await index.loadPostings(useful, source, bands);

  // Votes in a typed array indexed by filing number (kept between queries), not a map: a
  // query adds up to a hundred thousand of them. Filled, read and cleared without an await between.
  const { tally, marked, touched } = index.tallies();
  // The query's own article is marked apart beforehand: a list entry then costs one array read and no comparison.
  const own = v.n >= 0 && v.n < tally.length ? v.n : -1;
  if (own >= 0) marked[own] = BARRED;
  let voted = 0;
  for (const h of useful) {
    const list = index.postings.get(h)!;
    if (list.length >= cap) continue;
    const w = bands.has(h) ? CHANNEL.band : (q.terms.get(h) ?? (q.entities.has(h) ? q.entities.get(h)! * CHANNEL.entity : (q.figures.get(h) ?? 0) * CHANNEL.figure));
    for (let i = 0; i < list.length; i++) {
      const d = list[i]!;
      if (d >= tally.length) continue;
      const mark = marked[d];
      if (mark === BARRED) continue;
      if (!mark) {
        marked[d] = 1;
        touched[voted++] = d;
      }
      tally[d]! += w;
    }
  }
  const shortlist = topByVotes(touched.subarray(0, voted), tally, pool);
  for (let i = 0; i < voted; i++) {
    tally[touched[i]!] = 0;
    marked[touched[i]!] = 0;
  }
  if (own >= 0) marked[own] = 0;
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
export function topByVotes(docs: ArrayLike<number>, votes: Float64Array, k: number): number[] {
  const order = (a: number, b: number) => votes[b]! - votes[a]! || a - b;
  // Past a few times k, only entries at or above the k-th largest vote are sorted; that vote is found in one pass.
  const threshold = docs.length > k * 4 ? kthLargest(docs, votes, k) : -Infinity;
  const top: number[] = [];
  for (let i = 0; i < docs.length; i++) if (votes[docs[i]!]! >= threshold) top.push(docs[i]!);
  return top.sort(order).slice(0, k);
}

/** The k-th largest of the documents' votes (counting equal votes apart), with a min-heap of the k largest seen. */
function kthLargest(docs: ArrayLike<number>, votes: Float64Array, k: number): number {
  const heap = new Float64Array(k);
  let size = 0;
  for (let j = 0; j < docs.length; j++) {
    const x = votes[docs[j]!]!;
    if (size < k) {
      let i = size++;
      while (i > 0) {
        const parent = (i - 1) >> 1;
        if (heap[parent]! <= x) break;
        heap[i] = heap[parent]!;
        i = parent;
      }
      heap[i] = x;
    } else if (x > heap[0]!) {
      let i = 0;
      for (;;) {
        const left = 2 * i + 1;
        if (left >= k) break;
        const child = left + 1 < k && heap[left + 1]! < heap[left]! ? left + 1 : left;
        if (heap[child]! >= x) break;
        heap[i] = heap[child]!;
        i = child;
      }
      heap[i] = x;
    }
  }
  return heap[0]!;
}
