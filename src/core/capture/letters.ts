/**
 * Letters and digits spelt out for the characters most pages are written in:
 * Latin with its accents, general punctuation, currency, arrows and common
 * symbols. Engines compile a regular expression with a Unicode property
 * class (`\p{L}`) afresh on each page, at a cost of a large share of the
 * whole capture; one spelt out over a few ranges compiles in next to no time.
 * So text with nothing beyond these ranges is matched with the spelt-out
 * classes, other text with the property classes: both give the same answer
 * (test/unit/capture-letters.test.ts checks every character of the ranges).
 */

/** A character beyond the ranges spelt out below: text with one needs the property classes. */
// eslint-disable-next-line no-control-regex -- the common ranges start at the first code point
export const BEYOND_COMMON = /[^\x00-\u024f\u2000-\u27bf]/;

/** `\p{L}` within the common ranges, as the body of a character class. */
export const LETTER =
  'A-Za-z\\u00aa\\u00b5\\u00ba\\u00c0-\\u00d6\\u00d8-\\u00f6\\u00f8-\\u024f\\u2071\\u207f\\u2090-\\u209c\\u2102\\u2107\\u210a-\\u2113\\u2115\\u2119-\\u211d\\u2124\\u2126\\u2128\\u212a-\\u212d\\u212f-\\u2139\\u213c-\\u213f\\u2145-\\u2149\\u214e\\u2183\\u2184';

/** `\p{N}` within the common ranges, as the body of a character class. */
export const NUMBER =
  '0-9\\u00b2\\u00b3\\u00b9\\u00bc-\\u00be\\u2070\\u2074-\\u2079\\u2080-\\u2089\\u2150-\\u2182\\u2185-\\u2189\\u2460-\\u249b\\u24ea-\\u24ff\\u2776-\\u2793';

/** Whether `text` can be matched with the spelt-out classes. */
export function isCommon(text: string): boolean {
  return !BEYOND_COMMON.test(text);
}

/** A pattern written with `\p{L}` and `\p{N}` inside character classes only, and its spelt-out twin. */
export interface LetterPattern {
  full: RegExp;
  common: RegExp;
}

export function letterPattern(full: RegExp): LetterPattern {
  const source = full.source.replace(/\\p\{L\}/g, LETTER).replace(/\\p\{N\}/g, NUMBER);
  return { full, common: new RegExp(source, full.flags.replace('u', '')) };
}

/** The twin that reads `text`: the spelt-out one whenever it can. */
export function patternFor(pattern: LetterPattern, text: string): RegExp {
  return isCommon(text) ? pattern.common : pattern.full;
}

/** A letter anywhere. */
export const HAS_LETTER = letterPattern(/[\p{L}]/u);
/** Digits, and whatever is neither a letter nor white space: what is left of a dateline is its words. */
export const NOT_WORDS = letterPattern(/\d+|[^\p{L}\s]/gu);
