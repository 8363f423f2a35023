/**
 * A signature as stored: its string lists joined into single strings and
 * its weights in one typed array. Hundreds of small strings cost IndexedDB
 * a clone each on every write and read; a handful of long ones cost almost
 * nothing, and a cold query reads a hundred signatures.
 */
import type { Signature } from './signature';

export interface PackedSignature {
  id: string;
  /** Each list joined with SEP. */
  terms: string;
  entities: string;
  entityNames: string;
  entityKinds: string;
  figures: string;
  figureTexts: string;
  keys: string;
  /** Term, then entity, then figure weights. */
  weights: Float64Array;
  years: number[];
  day: number | null;
  hash: [number, number];
  words: number;
}

/** Never part of a key or a name: analysis keeps letters, digits and punctuation only. */
const SEP = '\u0001';

const join = (xs: string[]) => xs.map((x) => x.replaceAll(SEP, ' ')).join(SEP);
const split = (s: string) => (s ? s.split(SEP) : []);

export function packSignature(sig: Signature): PackedSignature {
  return {
    id: sig.id,
    terms: join(sig.terms),
    entities: join(sig.entities),
    entityNames: join(sig.entityNames),
    entityKinds: sig.entityKinds,
    figures: join(sig.figures),
    figureTexts: join(sig.figureTexts),
    keys: join(sig.keys),
    weights: Float64Array.from([...sig.termWeights, ...sig.entityWeights, ...sig.figureWeights]),
    years: sig.years,
    day: sig.day,
    hash: sig.hash,
    words: sig.words,
  };
}

/** A typed array's range as plain numbers: a loop, where `Array.from` goes through the iterator (a third of an unpacking). */
function numbers(from: Float64Array, start: number, end: number): number[] {
  const last = Math.min(end, from.length);
  const out: number[] = [];
  for (let i = start; i < last; i++) out.push(from[i]!);
  return out;
}

export function unpackSignature(p: PackedSignature): Signature {
  const terms = split(p.terms);
  const entities = split(p.entities);
  const figures = split(p.figures);
  const e = terms.length;
  const f = e + entities.length;
  return {
    id: p.id,
    terms,
    termWeights: numbers(p.weights, 0, e),
    entities,
    entityWeights: numbers(p.weights, e, f),
    entityNames: split(p.entityNames),
    entityKinds: p.entityKinds,
    figures,
    figureWeights: numbers(p.weights, f, p.weights.length),
    figureTexts: split(p.figureTexts),
    years: p.years,
    day: p.day,
    hash: p.hash,
    keys: split(p.keys),
    words: p.words,
  };
}
