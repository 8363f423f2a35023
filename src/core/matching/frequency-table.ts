/**
 * Document frequencies keyed by 32-bit key hashes, in typed arrays: an
 * open-addressing table in memory, and two packed arrays (hashes, counts)
 * when stored. A query compares with a hundred candidates of some 250 keys
 * each; looking their frequencies up must cost nanoseconds, and a cold
 * worker must read the whole table in one request.
 */

/** What is stored: the counts of some keys, in any order (a base table or one batch's increments). */
export interface PackedCounts {
  hashes: Uint32Array;
  counts: Int32Array;
}

const EMPTY = 0;
/** Hash 0 marks an empty slot, so a key hashing to 0 is stored as this instead. */
const ZERO = 0x9e3779b9;

export class FrequencyTable {
  private keys: Uint32Array;
  private counts: Int32Array;
  private used = 0;

  constructor(capacity = 1024) {
    let size = 1024;
    while (size < capacity * 2) size *= 2;
    this.keys = new Uint32Array(size);
    this.counts = new Int32Array(size);
  }

  static from(parts: Iterable<PackedCounts>): FrequencyTable {
    const all = [...parts];
    const table = new FrequencyTable(all.reduce((n, p) => n + p.hashes.length, 0));
    for (const p of all) table.addAll(p);
    return table;
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
    if ((this.used + 1) * 2 > this.keys.length) this.grow();
    const i = this.slot(hash);
    if (this.keys[i] === EMPTY) {
      this.keys[i] = hash === EMPTY ? ZERO : hash;
      this.used++;
    }
    this.counts[i]! += by;
  }

  addAll(p: PackedCounts): void {
    for (let i = 0; i < p.hashes.length; i++) this.add(p.hashes[i]!, p.counts[i]!);
  }

  private grow(): void {
    const keys = this.keys;
    const counts = this.counts;
    this.keys = new Uint32Array(keys.length * 2);
    this.counts = new Int32Array(keys.length * 2);
    this.used = 0;
    for (let i = 0; i < keys.length; i++) if (keys[i] !== EMPTY) this.add(keys[i] === ZERO ? EMPTY : keys[i]!, counts[i]!);
  }

  /** Every count, packed for storage. */
  pack(): PackedCounts {
    const hashes = new Uint32Array(this.used);
    const counts = new Int32Array(this.used);
    let j = 0;
    for (let i = 0; i < this.keys.length; i++) {
      if (this.keys[i] === EMPTY) continue;
      hashes[j] = this.keys[i] === ZERO ? EMPTY : this.keys[i]!;
      counts[j++] = this.counts[i]!;
    }
    return { hashes, counts };
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
