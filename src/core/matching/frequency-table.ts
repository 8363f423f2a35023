/**
 * Document frequencies keyed by 32-bit key hashes, in typed arrays: an
 * open-addressing table. A query compares with a hundred candidates of some
 * 250 keys each; looking their frequencies up must cost nanoseconds. It is
 * stored as its used slots only (`StoredTable`: a third of a table is empty
 * slots, and a large value costs its size to read back) with a bitmap of
 * where they sit, so a worker woken cold has it back from one read and puts
 * each key straight into its slot, with nothing to probe or rehash; what
 * changed since is stored as small increment records (`PackedCounts`) added
 * on top.
 */
import { inverseFrequency } from './signature';

/** Counts of some keys, in any order: one transaction's increments. */
export interface PackedCounts {
  hashes: Uint32Array;
  counts: Int32Array;
}

/** The table as held: slot arrays (hash 0 = empty) and how many slots are used. Stored so before 2026-11-27. */
export interface TableImage {
  keys: Uint32Array;
  counts: Int32Array;
  used: number;
}

/**
 * The table as stored: bit i of `occupied` set for each used slot i; their
 * keys and counts in slot order. Most counts are small: a count of
 * `LARGE` or more is stored as `LARGE`, and its value in `large`, in order.
 */
export interface StoredTable {
  occupied: Uint32Array;
  keys: Uint32Array;
  counts: Uint8Array;
  large: Int32Array;
}

const LARGE = 255;

function isStored(image: TableImage | StoredTable): image is StoredTable {
  return 'occupied' in image;
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

  /** The stored table (either form) with the increments stored since added on top. */
  static from(image: TableImage | StoredTable | undefined, increments: Iterable<PackedCounts>): FrequencyTable {
    const table = !image ? new FrequencyTable() : isStored(image) ? FrequencyTable.unpack(image) : new FrequencyTable(0, image);
    for (const p of increments) table.addAll(p);
    return table;
  }

  private static unpack(stored: StoredTable): FrequencyTable {
    const size = stored.occupied.length * 32;
    const table = new FrequencyTable(0, { keys: new Uint32Array(size), counts: new Int32Array(size), used: stored.keys.length });
    const { occupied, keys, counts, large } = stored;
    let j = 0;
    let k = 0;
    for (let w = 0; w < occupied.length; w++) {
      for (let bits = occupied[w]!; bits !== 0; bits &= bits - 1) {
        const slot = w * 32 + 31 - Math.clz32(bits & -bits);
        const count = counts[j]!;
        table.keys[slot] = keys[j++]!;
        table.counts[slot] = count === LARGE ? large[k++]! : count;
      }
    }
    return table;
  }

  /** The table as it is now, to be stored (`StoredTable`). */
  image(): StoredTable {
    const occupied = new Uint32Array(Math.ceil(this.keys.length / 32));
    const keys = new Uint32Array(this.used);
    const counts = new Uint8Array(this.used);
    const large: number[] = [];
    let j = 0;
    for (let i = 0; i < this.keys.length; i++) {
      if (this.keys[i] === EMPTY) continue;
      occupied[i >>> 5]! |= 1 << (i & 31);
      keys[j] = this.keys[i]!;
      const count = this.counts[i]!;
      // Negative counts never occur (a filing only adds), but would survive as large ones.
      if (count >= 0 && count < LARGE) counts[j++] = count;
      else {
        counts[j++] = LARGE;
        large.push(count);
      }
    }
    return { occupied, keys, counts, large: Int32Array.from(large) };
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
