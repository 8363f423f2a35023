/**
 * SimHash over word shingles: texts that differ in a few words (wire copy
 * with a changed headline, a trimmed last paragraph) get fingerprints a few
 * bits apart, so copies are found by comparing 64 bits, not whole texts.
 */

const SHINGLE = 3;
const MIN_TOKENS = 25;

/** FNV leaves the high bits poorly mixed for short strings; this finaliser spreads every input bit over all 32. */
function finalise(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** FNV-1a's step over the characters of `s`, from hash `h`. */
function absorb(h: number, s: string): number {
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h;
}

/** FNV-1a of `s` from `seed`, finalised: what `simhash` computes for each shingle, joined by spaces, without building it. */
export function fnv1a(s: string, seed: number): number {
  return finalise(absorb(seed >>> 0, s));
}

/** The seeds of the two hashes of each shingle: 64 bits of fingerprint between them. */
const SEED_A = 0x811c9dc5;
const SEED_B = 0x050c5d1f;

/**
 * Votes of the bits of many 32-bit hashes, eight bits at a time: lane k of
 * the accumulators holds bits k, k+8, k+16 and k+24 as four byte counters,
 * so a hash costs eight additions instead of thirty-two. A byte overflows
 * past 255 votes, so the lanes are emptied into `ones` before that.
 */
class BitVotes {
  private readonly lanes = new Int32Array(8);
  private pending = 0;

  constructor(
    private readonly ones: Int32Array,
    private readonly offset: number,
  ) {}

  add(h: number): void {
    const lanes = this.lanes;
    for (let k = 0; k < 8; k++) lanes[k]! += (h >>> k) & 0x01010101;
    if (++this.pending === 255) this.flush();
  }

  flush(): void {
    for (let k = 0; k < 8; k++) {
      const lane = this.lanes[k]!;
      for (let byte = 0; byte < 4; byte++) this.ones[this.offset + k + 8 * byte]! += (lane >>> (8 * byte)) & 0xff;
      this.lanes[k] = 0;
    }
    this.pending = 0;
  }
}

export function simhash(tokens: string[]): [number, number] {
  // A few words are not enough to call two texts copies of each other.
  if (tokens.length < MIN_TOKENS) return [0, 0];
  // Set bits counted per position; a bit wins its vote when set in more than half the shingles.
  const ones = new Int32Array(64);
  const votesA = new BitVotes(ones, 0);
  const votesB = new BitVotes(ones, 32);
  const shingles = tokens.length - SHINGLE + 1;
  for (let i = 0; i < shingles; i++) {
    // FNV-1a's step and `fnv1a`'s finaliser over the shingle's words joined by spaces, both
    // seeds in one pass over the characters, without building the string.
    let a = SEED_A >>> 0;
    let b = SEED_B >>> 0;
    for (let t = i; t < i + SHINGLE; t++) {
      if (t > i) {
        a = Math.imul(a ^ 32, 0x01000193);
        b = Math.imul(b ^ 32, 0x01000193);
      }
      const token = tokens[t]!;
      for (let c = 0; c < token.length; c++) {
        const code = token.charCodeAt(c);
        a = Math.imul(a ^ code, 0x01000193);
        b = Math.imul(b ^ code, 0x01000193);
      }
    }
    votesA.add(finalise(a));
    votesB.add(finalise(b));
  }
  votesA.flush();
  votesB.flush();
  let hi = 0;
  let lo = 0;
  for (let b = 0; b < 32; b++) {
    if (2 * ones[b]! > shingles) hi |= 1 << b;
    if (2 * ones[32 + b]! > shingles) lo |= 1 << b;
  }
  return [hi >>> 0, lo >>> 0];
}

export function hammingDistance(a: [number, number], b: [number, number]): number {
  return popcount(a[0] ^ b[0]) + popcount(a[1] ^ b[1]);
}

/** Set bits of a 32-bit word, counted in parallel: a ranking asks this of every candidate, and a bit-by-bit loop cost far more than its comparison. */
export function popcount(x: number): number {
  x -= (x >>> 1) & 0x55555555;
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  return Math.imul((x + (x >>> 4)) & 0x0f0f0f0f, 0x01010101) >>> 24;
}

/** Within this many bits, two texts are the same report (copies of one wire story). */
export const NEAR_DUPLICATE_BITS = 3;

export function isNearDuplicate(a: [number, number], b: [number, number]): boolean {
  if ((a[0] === 0 && a[1] === 0) || (b[0] === 0 && b[1] === 0)) return false;
  return hammingDistance(a, b) <= NEAR_DUPLICATE_BITS;
}

/**
 * A key of the index (term, @entity, #figure, ~band) as one 32-bit number:
 * typed arrays and integer IndexedDB keys instead of strings. With a few
 * hundred thousand keys a handful collide; a collision only merges two
 * frequency counts and two candidate lists, and every listed score is
 * recomputed from the strings.
 */
export function keyHash(key: string): number {
  return fnv1a(key, 0x9747b28c);
}
