/**
 * Document frequencies keyed by 32-bit key hashes, in typed arrays: an
 * open-addressing table. A query compares with a hundred candidates of some
 * 250 keys each; looking their frequencies up must cost nanoseconds. It is
 * stored as it is held (its slot arrays, `TableImage`), so a worker woken
 * cold has it back from one read with nothing to rebuild; what changed since
 * is stored as small increment records (`PackedCounts`) added on top.
 */

import { inverseFrequency } from './signature';

/** Counts of some keys, in any order: one transaction's increments. */
export interface PackedCounts {
  hashes: Uint32Array;
  counts: Int32Array;
}

/** The table as held: slot arrays (hash 0 = empty) and how many slots are used. */
export interface TableImage {
  keys: Uint32Array;
  counts: Int32Array;
  used: number;
}

const EMPTY = 0;
/** Hash 0 marks an empty slot, so a key hashing to 0 is stored as this instead. */
const ZERO = 0x9e3779b9;
/** Linear probing stays short up to here, and the stored image stays small. */
const MAX_LOAD = 0.75;
/** Counts below this have their inverse frequency remembered per library size. */
const COUNTS_REMEMBERED = 1024;
/** Entries of the inverse frequency cache (a power of two): more than the distinct keys of a query and its hundred candidates. */
const IDF_CACHE = 1 << 16;

export class FrequencyTable {
  private keys: Uint32Array;
  private counts: Int32Array;
  private used = 0;
  /** Bumped by every change: what is computed from the counts is valid for one version. */
  version = 0;
  /**
   * Inverse frequencies computed lately, in a small direct-mapped cache by
   * slot (a slot's entry: its index + 1, and the library size it was
   * computed for), so a warm worker answers query after query without a
   * logarithm per key. Not one entry per slot: a cold worker's first query
   * would touch megabytes of fresh memory for a few thousand keys.
   */
  private cachedSlot = new Int32Array(IDF_CACHE);
  private cachedFor = new Int32Array(IDF_CACHE);
  private cachedIdf = new Float64Array(IDF_CACHE);
  /**
   * The same by count, for the library size in `byCountFor`: a filing grows
   * the library and so makes every key's entry stale, but most keys are
   * rare, and the keys of one count share one value.
   */
  private readonly byCount = new Float64Array(COUNTS_REMEMBERED);
  private byCountFor = 0;

  constructor(capacity = 1024, image?: TableImage) {
    let size = 1024;
    while (size * MAX_LOAD < capacity) size *= 2;
    this.keys = image?.keys ?? new Uint32Array(size);
    this.counts = image?.counts ?? new Int32Array(size);
    this.used = image?.used ?? 0;
  }

  /** The stored image with the increments stored since added on top. */
  static from(image: TableImage | undefined, increments: Iterable<PackedCounts>): FrequencyTable {
    const table = image ? new FrequencyTable(0, image) : new FrequencyTable();
    for (const p of increments) table.addAll(p);
    return table;
  }

  /** The table as it is now, to be stored (IndexedDB copies it when it is put). */
  image(): TableImage {
    return { keys: this.keys, counts: this.counts, used: this.used };
  }

  get size(): number {
    return this.used;
  }

  private slot(hash: number): number {
    const h = hash === EMPTY ? ZERO : hash;
    const mask = this.keys.length - 1;
    // Multiplicative mixing: the hashes are well spread already, but their low bits pick the slot.
    let i = Math.imul(h, 0x9e3779b1) >>> 0 & mask;
    while (this.keys[i] !== EMPTY && this.keys[i] !== h) i = (i + 1) & mask;
    return i;
  }

  get(hash: number): number {
    const i = this.slot(hash);
    return this.keys[i] === EMPTY ? 0 : this.counts[i]!;
  }

  add(hash: number, by: number): void {
    if (this.used + 1 > this.keys.length * MAX_LOAD) this.grow();
    const i = this.slot(hash);
    if (this.keys[i] === EMPTY) {
      this.keys[i] = hash === EMPTY ? ZERO : hash;
      this.used++;
    }
    this.counts[i]! += by;
    const c = i & (IDF_CACHE - 1);
    if (this.cachedSlot[c] === i + 1) this.cachedFor[c] = 0;
    this.version++;
  }

  /** `inverseFrequency(max(1, count), n)`, remembered per key until its count or `n` changes. */
  idf(hash: number, n: number): number {
    // Stamped with `n`, which only grows: an entry of a smaller library is simply stale.
    const i = this.slot(hash);
    const c = i & (IDF_CACHE - 1);
    if (this.cachedSlot[c] === i + 1 && this.cachedFor[c] === n) return this.cachedIdf[c]!;
    const v = this.idfOfCount(Math.max(1, this.keys[i] === EMPTY ? 0 : this.counts[i]!), n);
    if (this.keys[i] !== EMPTY) {
      this.cachedSlot[c] = i + 1;
      this.cachedFor[c] = n;
      this.cachedIdf[c] = v;
    }
    return v;
  }

  private idfOfCount(count: number, n: number): number {
    if (count >= COUNTS_REMEMBERED) return inverseFrequency(count, n);
    if (this.byCountFor !== n) {
      this.byCount.fill(0);
      this.byCountFor = n;
    }
    // 0 marks an entry not computed yet (a value that is 0 would merely be computed again).
    return (this.byCount[count] ||= inverseFrequency(count, n));
  }

  addAll(p: PackedCounts): void {
    for (let i = 0; i < p.hashes.length; i++) this.add(p.hashes[i]!, p.counts[i]!);
  }

  private grow(): void {
    const keys = this.keys;
    const counts = this.counts;
    this.keys = new Uint32Array(keys.length * 2);
    this.counts = new Int32Array(keys.length * 2);
    // Slots move: what the cache knows by slot is void.
    this.cachedFor.fill(0);
    this.used = 0;
    for (let i = 0; i < keys.length; i++) if (keys[i] !== EMPTY) this.add(keys[i] === ZERO ? EMPTY : keys[i]!, counts[i]!);
  }
}

/** Increments gathered over one batch, to be stored as one record. */
export function packIncrements(increments: Map<number, number>): PackedCounts {
  const hashes = new Uint32Array(increments.size);
  const counts = new Int32Array(increments.size);
  let i = 0;
  for (const [h, c] of increments) {
    hashes[i] = h;
    counts[i++] = c;
  }
  return { hashes, counts };
}
