/**
 * A signature as numbers: key hashes and weights in typed arrays, what the
 * ranking reads for every candidate. A hundred thousand of these fit in a
 * worker's memory where the signatures' strings would not, and they are
 * cheap to read back from IndexedDB.
 */
import { BAND, type Signature } from './signature';
import { keyHash } from './simhash';

export interface DocVector {
  /** Filing number: articles are numbered 0, 1, 2… in the order they were filed. */
  n: number;
  id: string;
  /** Hashes of the terms, then the entities, then the figures, in the signature's order. */
  keys: Uint32Array;
  /** The signature's count weights, parallel to `keys`. */
  weights: Float32Array;
  terms: number;
  entities: number;
  /** Hashes of the keys it is filed under, SimHash bands apart (they vote with a fixed weight). */
  index: Uint32Array;
  bands: Uint32Array;
  day: number | null;
  years: number[];
  hash: [number, number];
}

export function vectorOf(n: number, sig: Signature): DocVector {
  const all = [...sig.terms, ...sig.entities, ...sig.figures];
  const weights = [...sig.termWeights, ...sig.entityWeights, ...sig.figureWeights];
  const index = sig.keys.filter((k) => !k.startsWith(BAND));
  const bands = sig.keys.filter((k) => k.startsWith(BAND));
  return {
    n,
    id: sig.id,
    keys: Uint32Array.from(all, keyHash),
    weights: Float32Array.from(weights),
    terms: sig.terms.length,
    entities: sig.entities.length,
    index: Uint32Array.from(index, keyHash),
    bands: Uint32Array.from(bands, keyHash),
    day: sig.day,
    years: sig.years,
    hash: sig.hash,
  };
}
