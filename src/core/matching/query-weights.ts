/**
 * A query's unit weights per channel, keyed by key hash, in typed arrays:
 * ranking looks up every key of a hundred candidates here (some thirty
 * thousand lookups), and a `Map` keyed by 32-bit hashes, most of them too
 * large for small integers, costs several times more per lookup.
 */

/** Channels of a signature's keys, in `DocVector.keys` order. */
export const TERMS = 0;
export const ENTITIES = 1;
export const FIGURES = 2;

export class QueryWeights {
  private readonly keys: Uint32Array;
  /** Bit c set: the key has a weight in channel c. 0: an empty slot. */
  private readonly present: Uint8Array;
  /** Three weights per slot, one per channel. */
  private readonly weights: Float64Array;
  private readonly mask: number;
  /** Each key's inverse frequency, by slot: a candidate's key the query has needs no look-up in the library's table. */
  private readonly idfs: Float64Array;

  constructor(channels: [Map<number, number>, Map<number, number>, Map<number, number>], idf: (h: number) => number) {
    const count = channels[0].size + channels[1].size + channels[2].size;
    let size = 16;
    while (size < count * 2) size *= 2;
    this.keys = new Uint32Array(size);
    this.present = new Uint8Array(size);
    this.weights = new Float64Array(size * 3);
    this.idfs = new Float64Array(size);
    this.mask = size - 1;
    channels.forEach((weights, c) => {
      for (const [h, w] of weights) {
        const s = this.slot(h);
        this.keys[s] = h;
        this.present[s]! |= 1 << c;
        this.weights[s * 3 + c] = w;
        this.idfs[s] = idf(h);
      }
    });
  }

  /** Where `h` is, or -1 when the query does not have it. */
  find(h: number): number {
    const s = this.slot(h);
    return this.present[s] !== 0 ? s : -1;
  }

  /** The weight in `channel` of the key found at `s`, or -1 when it has none there. */
  weightAt(s: number, channel: number): number {
    return (this.present[s]! >> channel) & 1 ? this.weights[s * 3 + channel]! : -1;
  }

  /** The inverse frequency of the key found at `s`. */
  idfAt(s: number): number {
    return this.idfs[s]!;
  }

  private slot(h: number): number {
    let s = (Math.imul(h, 0x9e3779b1) >>> 0) & this.mask;
    while (this.present[s] !== 0 && this.keys[s] !== h) s = (s + 1) & this.mask;
    return s;
  }

  /** The weight of `h` in `channel`, or -1 when the query has no such key there (every weight is positive). */
  get(h: number, channel: number): number {
    const s = this.slot(h);
    return (this.present[s]! >> channel) & 1 ? this.weights[s * 3 + channel]! : -1;
  }
}
