/**
 * Document frequencies keyed by 32-bit key hashes, in typed arrays: an
 * open-addressing table. A query compares with a hundred candidates of some
 * 250 keys each; looking their frequencies up must cost nanoseconds. It is
 * stored as its keys in order (`SortedTable`): a large value costs its size
 * to read back, and sorted keys need only their low half stored, grouped
 * by their high half. A worker woken cold looks keys up in that form as it
 * was read (`SortedBase`), with the counts changed since (small records,
 * `PackedCounts`) in a small table in front of it, and spreads it into slots
 * only when it first files an article: several megabytes of fresh memory
 * written would cost a cold query more than its lookups do.
 */
import { inverseFrequency } from './signature';
import { popcount } from './simhash';

/**
 * One transaction's changes, keys in any order: each key's count as it
 * stood after the transaction (`totals`), or in records written before
 * 2026-11-27, what the transaction added.
 */
export interface PackedCounts {
  hashes: Uint32Array;
  counts: Int32Array;
  totals?: true;
}

/** The table as held: slot arrays (hash 0 = empty) and how many slots are used. Stored so before 2026-11-27. */
export interface TableImage {
  keys: Uint32Array;
  counts: Int32Array;
  used: number;
}

/**
 * Counts as stored: most are small, so a count of `LARGE` or more is
 * stored as `LARGE`, and its value in `large`, in order.
 */
interface StoredCounts {
  counts: Uint8Array;
  large: Int32Array;
  /**
   * Set: the keys of count 1 are stored apart (`TableParts.singles`). A
   * query about a filed article never needs them: a key it alone has finds
   * nothing, and counts 0 and 1 weigh the same (`idf`); a filing does.
   */
  singlesApart?: true;
}

/**
 * The table as an earlier release stored it: bit i of `occupied` set for
 * each used slot i; their keys (hash 0 as `ZERO`) and counts in slot order.
 */
export interface StoredTable extends StoredCounts {
  occupied: Uint32Array;
  keys: Uint32Array;
}

/**
 * The table as stored: its keys (hashes) in ascending order, each as its
 * low 16 bits (`lows`) in the group of its high 16 bits, with their counts
 * in the same order. The groups are given by their sizes (`groups[g]`: how
 * many keys have high bits g), or in a table of fewer keys than groups, by
 * each key's high bits (`highs`). At 400,000 keys, 1.4 MB where the used
 * slots' form took 2.2.
 */
export interface SortedTable extends StoredCounts {
  groups?: Uint16Array;
  highs?: Uint16Array;
  lows: Uint16Array;
}

/** The table as stored in two parts: the keys of count 2 and more, and the keys of count 1. */
export interface TableParts {
  base: SortedTable;
  singles: Uint32Array;
}

const LARGE = 255;
const EMPTY = 0;
/** Hash 0 marks an empty slot, so a key hashing to 0 is stored as this instead. */
const ZERO = 0x9e3779b9;

/** A stored table in any form. */
export type AnyStoredTable = TableImage | StoredTable | SortedTable;

const GROUPS = 1 << 16;

/** Hash 0 is stored as ZERO (it marks an empty slot). */
function stored(hash: number): number {
  return hash === EMPTY ? ZERO : hash;
}

/** The hash a used slot's key stands for (`stored` undone). */
function original(key: number): number {
  return key === ZERO ? EMPTY : key;
}

/** Multiplicative mixing: the hashes are well spread already, but their low bits pick the slot. */
function home(h: number, mask: number): number {
  return (Math.imul(h, 0x9e3779b1) >>> 0) & mask;
}

/** A stored table's counts, entry by entry. */
class CountColumn {
  /** The entries whose count is stored apart (`StoredCounts.large`), in order. */
  private readonly largeAt: Int32Array;

  constructor(private readonly stored: StoredCounts) {
    const { counts, large } = stored;
    this.largeAt = new Int32Array(large.length);
    let k = 0;
    for (let j = counts.indexOf(LARGE); j >= 0; j = counts.indexOf(LARGE, j + 1)) this.largeAt[k++] = j;
  }

  get(j: number): number {
    const c = this.stored.counts[j]!;
    if (c !== LARGE) return c;
    let lo = 0;
    let hi = this.largeAt.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.largeAt[mid]! < j) lo = mid + 1;
      else hi = mid;
    }
    return this.stored.large[lo]!;
  }
}

/** A stored table looked up as it was read (see FrequencyTable.base). */
interface StoredBase {
  readonly size: number;
  /** Where the entry of `hash` is, or -1. */
  find(hash: number): number;
  count(j: number): number;
  /** Every entry, in entry order. */
  forEach(visit: (hash: number, count: number) => void): void;
}

/** A `SortedTable`: a key is looked for among the few of its group, found by where its group starts. */
class SortedBase implements StoredBase {
  private readonly starts = new Int32Array(GROUPS + 1);
  private readonly counts: CountColumn;

  constructor(private readonly table: SortedTable) {
    const { starts } = this;
    if (table.groups) starts.set(table.groups, 1);
    else for (const high of table.highs ?? []) starts[high + 1]!++;
    for (let g = 1; g <= GROUPS; g++) starts[g]! += starts[g - 1]!;
    this.counts = new CountColumn(table);
  }

  get size(): number {
    return this.table.lows.length;
  }

  find(hash: number): number {
    const g = hash >>> 16;
    const low = hash & 0xffff;
    const { lows } = this.table;
    const end = this.starts[g + 1]!;
    for (let j = this.starts[g]!; j < end; j++) {
      const x = lows[j]!;
      if (x >= low) return x === low ? j : -1;
    }
    return -1;
  }

  count(j: number): number {
    return this.counts.get(j);
  }

  forEach(visit: (hash: number, count: number) => void): void {
    for (let g = 0; g < GROUPS; g++) {
      for (let j = this.starts[g]!; j < this.starts[g + 1]!; j++) visit(((g << 16) | this.table.lows[j]!) >>> 0, this.counts.get(j));
    }
  }
}

/**
 * A `StoredTable`: a key is looked for from its home slot as in the table
 * it was taken from, and a used slot's entry is found by counting the used
 * slots before it (`before`, per bitmap word).
 */
class SlotBase implements StoredBase {
  private readonly before: Int32Array;
  private readonly mask: number;
  private readonly counts: CountColumn;

  constructor(private readonly table: StoredTable) {
    const { occupied } = table;
    this.mask = occupied.length * 32 - 1;
    this.before = new Int32Array(occupied.length);
    let sum = 0;
    for (let w = 0; w < occupied.length; w++) {
      this.before[w] = sum;
      sum += popcount(occupied[w]!);
    }
    this.counts = new CountColumn(table);
  }

  get size(): number {
    return this.table.keys.length;
  }

  count(j: number): number {
    return this.counts.get(j);
  }

  find(hash: number): number {
    const { occupied, keys } = this.table;
    const h = stored(hash);
    let s = home(h, this.mask);
    const word = occupied[s >>> 5]!;
    const bit = s & 31;
    if (((word >>> bit) & 1) === 0) return -1;
    let j = this.before[s >>> 5]! + popcount(word & ((1 << bit) - 1));
    for (;;) {
      if (keys[j] === h) return j;
      s = (s + 1) & this.mask;
      if (((occupied[s >>> 5]! >>> (s & 31)) & 1) === 0) return -1;
      j = s === 0 ? 0 : j + 1;
    }
  }

  forEach(visit: (hash: number, count: number) => void): void {
    for (let j = 0; j < this.table.keys.length; j++) visit(original(this.table.keys[j]!), this.counts.get(j));
  }
}

/** Linear probing stays short up to here, and the stored image stays small. */
const MAX_LOAD = 0.75;
/** Counts below this have their inverse frequency remembered per library size. */
const COUNTS_REMEMBERED = 1024;
/** Entries of the inverse frequency cache (a power of two): more than the distinct keys of a query and its hundred candidates. */
const IDF_CACHE = 1 << 16;

export class FrequencyTable {
  /** Slot arrays: the whole table, or while `base` is set, the counts changed since it was stored (they take its place). */
  private keys: Uint32Array;
  private counts: Int32Array;
  private used = 0;
  /** The table as stored, looked up as read until the first change. */
  private base: StoredBase | null = null;
  /** `size` while `base` is set, as of `version` (-1: not known). */
  private packedSize = -1;
  private packedSizeAt = -1;
  /**
   * Whether every key is counted: false for a table read without its keys of
   * count 1 (`StoredTable.singlesApart`), whose counts of 0 may be 1, until
   * `addSingles`.
   */
  complete = true;

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
  static from(image: AnyStoredTable | undefined, increments: Iterable<PackedCounts>): FrequencyTable {
    const records = [...increments];
    let table: FrequencyTable;
    if (!image) table = new FrequencyTable();
    else if ('used' in image) table = new FrequencyTable(0, image);
    else {
      // The slot arrays hold only the counts the records change, in front of the stored table.
      table = new FrequencyTable(records.reduce((sum, p) => sum + p.hashes.length, 0));
      table.base = 'lows' in image ? new SortedBase(image) : new SlotBase(image);
      table.complete = !image.singlesApart;
    }
    for (const p of records) {
      if (p.totals && table.base) table.overlay(p);
      else for (let i = 0; i < p.hashes.length; i++) table.set(p.hashes[i]!, p.totals ? p.counts[i]! : table.get(p.hashes[i]!) + p.counts[i]!);
    }
    return table;
  }

  /**
   * Puts a record's totals in front of the stored table, in slot arrays
   * sized for every record (see `from`): a cold context's first query waits
   * for this, and the general path (growth checks, cached frequencies to
   * void) costs several times as much per count.
   */
  private overlay(p: PackedCounts): void {
    const { keys, counts } = this;
    for (let j = 0; j < p.hashes.length; j++) {
      const i = this.slot(p.hashes[j]!);
      if (keys[i] === EMPTY) {
        keys[i] = stored(p.hashes[j]!);
        this.used++;
      }
      counts[i] = p.counts[j]!;
    }
    this.version++;
  }

  /** The keys of count 1 stored apart; a key counted since already has its count. */
  addSingles(singles: Uint32Array): void {
    for (let i = 0; i < singles.length; i++) if (this.get(singles[i]!) === 0) this.add(singles[i]!, 1);
    this.complete = true;
  }

  /** The table in its two stored parts (see StoredTable.singlesApart). */
  parts(): TableParts {
    if (this.base) this.spreadBase();
    let shared = 0;
    for (let i = 0; i < this.keys.length; i++) if (this.keys[i] !== EMPTY && this.counts[i] !== 1) shared++;
    const rest = new FrequencyTable(shared);
    const singles = new Uint32Array(this.used - shared);
    let j = 0;
    for (let i = 0; i < this.keys.length; i++) {
      const key = this.keys[i]!;
      if (key === EMPTY) continue;
      if (this.counts[i] === 1) singles[j++] = original(key);
      else rest.put(original(key), this.counts[i]!);
    }
    return { base: { ...rest.image(), singlesApart: true }, singles };
  }

  /** Spreads the base into slots, with the counts changed since: the table then changes in place. */
  private spreadBase(): void {
    const base = this.base!;
    const changed = { keys: this.keys, counts: this.counts };
    this.base = null;
    let size = 1024;
    while (size * MAX_LOAD < base.size + this.used) size *= 2;
    this.keys = new Uint32Array(size);
    this.counts = new Int32Array(size);
    this.used = 0;
    this.cachedFor.fill(0);
    base.forEach((hash, count) => this.put(hash, count));
    for (let i = 0; i < changed.keys.length; i++) if (changed.keys[i] !== EMPTY) this.set(original(changed.keys[i]!), changed.counts[i]!);
  }

  /** The table as it is now, to be stored (`SortedTable`). */
  image(): SortedTable {
    if (this.base) this.spreadBase();
    const hashes = new Uint32Array(this.used);
    let k = 0;
    for (let i = 0; i < this.keys.length; i++) if (this.keys[i] !== EMPTY) hashes[k++] = original(this.keys[i]!);
    hashes.sort();
    // A group holds at most 65,536 distinct keys, and a full one would take some four billion keys in all.
    const groups = new Uint16Array(GROUPS);
    const highs = new Uint16Array(hashes.length < GROUPS ? hashes.length : 0);
    const lows = new Uint16Array(hashes.length);
    const counts = new Uint8Array(hashes.length);
    const large: number[] = [];
    for (let j = 0; j < hashes.length; j++) {
      const h = hashes[j]!;
      groups[h >>> 16]!++;
      if (highs.length) highs[j] = h >>> 16;
      lows[j] = h & 0xffff;
      const count = this.counts[this.slot(h)]!;
      // Negative counts never occur (a filing only adds), but would survive as large ones.
      if (count >= 0 && count < LARGE) counts[j] = count;
      else {
        counts[j] = LARGE;
        large.push(count);
      }
    }
    return { ...(highs.length ? { highs } : { groups }), lows, counts, large: Int32Array.from(large) };
  }

  get size(): number {
    if (!this.base) return this.used;
    if (this.packedSizeAt !== this.version) {
      let added = 0;
      for (let i = 0; i < this.keys.length; i++) if (this.keys[i] !== EMPTY && this.base.find(original(this.keys[i]!)) < 0) added++;
      this.packedSize = this.base.size + added;
      this.packedSizeAt = this.version;
    }
    return this.packedSize;
  }

  private slot(hash: number): number {
    const h = stored(hash);
    const mask = this.keys.length - 1;
    let i = home(h, mask);
    while (this.keys[i] !== EMPTY && this.keys[i] !== h) i = (i + 1) & mask;
    return i;
  }

  get(hash: number): number {
    const i = this.slot(hash);
    if (this.keys[i] !== EMPTY) return this.counts[i]!;
    if (!this.base) return 0;
    const j = this.base.find(hash);
    return j < 0 ? 0 : this.base.count(j);
  }

  /** Sets a key's count in the slot arrays. */
  private set(hash: number, count: number): void {
    // Not `this.counts[this.entry(hash)]`: that reads `counts` before `entry` may grow it.
    const i = this.entry(hash);
    this.counts[i] = count;
  }

  add(hash: number, by: number): void {
    if (this.base) this.spreadBase();
    this.put(hash, by);
  }

  /** Adds to the slot arrays. */
  private put(hash: number, by: number): void {
    const i = this.entry(hash);
    this.counts[i]! += by;
  }

  /** The slot of `hash`, taken if it was free, about to change. */
  private entry(hash: number): number {
    if (this.used + 1 > this.keys.length * MAX_LOAD) this.grow();
    const i = this.slot(hash);
    if (this.keys[i] === EMPTY) {
      this.keys[i] = stored(hash);
      this.used++;
    }
    const c = i & (IDF_CACHE - 1);
    if (this.cachedSlot[c] === i + 1) this.cachedFor[c] = 0;
    this.version++;
    return i;
  }

  /** `inverseFrequency(max(1, count), n)`, remembered per key until its count or `n` changes. */
  idf(hash: number, n: number): number {
    // Stamped with `n`, which only grows: an entry of a smaller library is simply stale.
    if (this.base) return this.idfOfCount(Math.max(1, this.get(hash)), n);
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

  private grow(): void {
    const keys = this.keys;
    const counts = this.counts;
    this.keys = new Uint32Array(keys.length * 2);
    this.counts = new Int32Array(keys.length * 2);
    // Slots move: what the cache knows by slot is void.
    this.cachedFor.fill(0);
    this.used = 0;
    for (let i = 0; i < keys.length; i++) if (keys[i] !== EMPTY) this.put(original(keys[i]!), counts[i]!);
  }
}

/** The keys one batch counted, with their counts in `table` after it, to be stored as one record. */
export function packTotals(keys: Iterable<number>, table: FrequencyTable): PackedCounts {
  const hashes = Uint32Array.from(keys);
  const counts = new Int32Array(hashes.length);
  for (let i = 0; i < hashes.length; i++) counts[i] = table.get(hashes[i]!);
  return { hashes, counts, totals: true };
}
