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

function fnv1a(s: string, seed: number): number {
  return finalise(absorb(seed >>> 0, s));
}

/** FNV's step and finaliser as `fnv1a`, over `tokens[from..from+SHINGLE)` joined by spaces, without building the string. */
function shingleHash(tokens: string[], from: number, seed: number): number {
  let h = seed >>> 0;
  for (let t = from; t < from + SHINGLE; t++) {
    if (t > from) {
      h ^= 32;
      h = Math.imul(h, 0x01000193);
    }
    h = absorb(h, tokens[t]!);
  }
  return finalise(h);
}

export function simhash(tokens: string[]): [number, number] {
  // A few words are not enough to call two texts copies of each other.
  if (tokens.length < MIN_TOKENS) return [0, 0];
  // Set bits counted per position; a bit wins its vote when set in more than half the shingles.
  const ones = new Int32Array(64);
  const shingles = tokens.length - SHINGLE + 1;
  for (let i = 0; i < shingles; i++) {
    const a = shingleHash(tokens, i, 0x811c9dc5);
    const b = shingleHash(tokens, i, 0x050c5d1f);
    for (let bit = 0; bit < 32; bit++) {
      ones[bit]! += (a >>> bit) & 1;
      ones[32 + bit]! += (b >>> bit) & 1;
    }
  }
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
