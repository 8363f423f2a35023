/**
 * SimHash over word shingles: texts that differ in a few words (wire copy
 * with a changed headline, a trimmed last paragraph) get fingerprints a few
 * bits apart, so copies are found by comparing 64 bits, not whole texts.
 */

const SHINGLE = 3;
const MIN_TOKENS = 25;

function fnv1a(s: string, seed: number): number {
  let h = seed >>> 0;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  // FNV leaves the high bits poorly mixed for short strings; a finaliser spreads every input bit over all 32.
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

export function simhash(tokens: string[]): [number, number] {
  // A few words are not enough to call two texts copies of each other.
  if (tokens.length < MIN_TOKENS) return [0, 0];
  const votes = new Int32Array(64);
  for (let i = 0; i + SHINGLE <= tokens.length; i++) {
    const shingle = tokens.slice(i, i + SHINGLE).join(' ');
    const halves = [fnv1a(shingle, 0x811c9dc5), fnv1a(shingle, 0x050c5d1f)];
    for (let h = 0; h < 2; h++) {
      const x = halves[h]!;
      for (let b = 0; b < 32; b++) votes[h * 32 + b]! += (x >>> b) & 1 ? 1 : -1;
    }
  }
  let hi = 0;
  let lo = 0;
  for (let b = 0; b < 32; b++) {
    if (votes[b]! > 0) hi |= 1 << b;
    if (votes[32 + b]! > 0) lo |= 1 << b;
  }
  return [hi >>> 0, lo >>> 0];
}

export function hammingDistance(a: [number, number], b: [number, number]): number {
  return popcount((a[0] ^ b[0]) >>> 0) + popcount((a[1] ^ b[1]) >>> 0);
}

function popcount(x: number): number {
  let n = 0;
  for (let v = x; v; v &= v - 1) n++;
  return n;
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
