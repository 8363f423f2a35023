/**
 * The words a page's markup names its parts with: class and id values split
 * into words ("entry-content", "productPrice", "forum_post" give entry,
 * content, product, price, forum, post). Themes and site builders share
 * these names far beyond any one site, and they say what a page is built to
 * hold (a story, a product, a thread, a reference manual, an offer of
 * services) better than any handful of hand-picked families can.
 * The detector weighs them with a model fitted beside its own
 * (detector-words.ts, written by scripts/eval/fit-detector.py).
 */
import { all, attr } from './dom';
import { WORD_BIAS, WORD_WEIGHTS } from './detector-words';

/** Elements read: the words a page uses are all met long before this on any real page. */
const MAX_NAMED = 5_000;
const WORD = /[a-z]{2,}/g;
const CAMEL = /([a-z])([A-Z])/g;
const NAMING_ATTRIBUTES = ['class', 'id'] as const;

/** Every distinct word in the class and id values of the page's elements. */
export function classWordsOf(doc: Document): Set<string> {
  const words = new Set<string>();
  let named: Element[];
  try {
    named = all(doc, '[class], [id]', MAX_NAMED);
  } catch {
    return words;
  }
  // Pages repeat a few class strings many times: each distinct value is split once.
  const seen = new Set<string>();
  for (const el of named) {
    for (const name of NAMING_ATTRIBUTES) {
      const value = attr(el, name);
      if (!value || seen.has(value)) continue;
      seen.add(value);
      for (const w of value.replace(CAMEL, '$1 $2').toLowerCase().match(WORD) ?? []) words.add(w);
    }
  }
  return words;
}

const weights = new Map(Object.entries(WORD_WEIGHTS));

/**
 * Log-odds of an article from the words alone. Divided by the root of the
 * number of words, so a page with a thousand class names does not outvote
 * one with fifty.
 */
export function classWordScore(words: ReadonlySet<string>): number {
  if (!words.size) return WORD_BIAS;
  let sum = 0;
  for (const w of words) sum += weights.get(w) ?? 0;
  return WORD_BIAS + sum / Math.sqrt(words.size);
}
