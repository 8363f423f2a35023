/**
 * One pass over an article that yields everything the matcher and the
 * comparison view read: weighted terms, people/organisations/places,
 * figures and quotes.
 */
import { STOPWORDS } from '../stopwords';
import { extractEntities, type Entity } from './entities';
import { datelineOf, extractFigures, type Figure } from './figures';
import { extractQuotes, type Quote } from './quotes';
import { isCapitalised, normalizeTerm, tokenize, wordsOf } from './tokens';

export { extractEntities, type Entity, type EntityKind } from './entities';
export { datelineOf, extractFigures, figureKey, type Figure, type FigureKind } from './figures';
export { extractQuotes, type Quote } from './quotes';
export { forEachSpacedWord, isCapitalised, needsSegmenter, normalizeTerm, sentences, tokenize, wordsOf, type Sentence, type Token } from './tokens';

/**
 * Only the start of a very long text is analysed: reports name their event
 * early, and a 1 MB page must not stall the worker.
 */
export const MAX_ANALYSED_CHARS = 40_000;
/** Title words say what the event is, so they count as several body words. */
const TITLE_WEIGHT = 3;

export interface ArticleInput {
  title: string;
  text: string;
  lang: string | null;
}

export interface Analysis {
  /** Normalised term → raw count (title words counted TITLE_WEIGHT times). */
  terms: Map<string, number>;
  /** Normalised tokens of the body in order, for near-duplicate fingerprints. */
  sequence: string[];
  entities: Entity[];
  figures: Figure[];
  quotes: Quote[];
  /** Words analysed (the title included). */
  words: number;
  /** The date the page prints with its headline (YYYY-MM-DD), if any. */
  dateline: string | null;
}

export function isContentTerm(term: string): boolean {
  if (STOPWORDS.has(term)) return false;
  // Single letters and bare numbers say little; numbers are read as figures instead.
  if (term.length < 2 && !/[^\p{Script=Latin}\p{N}]/u.test(term)) return false;
  return !/^\d+(?:[.,]\d+)*$/.test(term);
}

/**
 * `normalizeTerm` and `isContentTerm` of each word, remembered for one text:
 * most words of a report come again and again, and each first sight costs a
 * Unicode normalisation, a stemming and a few patterns.
 */
function termsOfWords(lang: string | null): (word: string) => { text: string; content: boolean } {
  const known = new Map<string, { text: string; content: boolean }>();
  return (word) => {
    let term = known.get(word);
    if (!term) {
      const text = normalizeTerm(word, lang);
      term = { text, content: isContentTerm(text) };
      known.set(word, term);
    }
    return term;
  };
}

export function analyze(article: ArticleInput): Analysis {
  const text = article.text.length > MAX_ANALYSED_CHARS ? article.text.slice(0, MAX_ANALYSED_CHARS) : article.text;
  const lang = article.lang;
  const terms = new Map<string, number>();
  const sequence: string[] = [];
  const termOf = termsOfWords(lang);
  let words = 0;
  for (const word of wordsOf(article.title, lang)) {
    words++;
    const term = termOf(word);
    if (term.content) terms.set(term.text, (terms.get(term.text) ?? 0) + TITLE_WEIGHT);
  }
  for (const word of wordsOf(text, lang)) {
    words++;
    const term = termOf(word);
    sequence.push(term.text);
    if (term.content) terms.set(term.text, (terms.get(term.text) ?? 0) + 1);
  }
  // A headline in title case capitalises every word, so only a sentence-case headline tells names apart.
  const titleWords = tokenize(article.title, lang);
  const headlineCase = titleWords.filter((t) => isCapitalised(t.text)).length > titleWords.length * 0.6;
  const entities = extractEntities(!headlineCase && article.title ? `${article.title}.\n${text}` : text, lang);
  const figures = extractFigures(text);
  const quotes = extractQuotes(text, entities);
  return { terms, sequence, entities, figures, quotes, words, dateline: datelineOf(text) };
}
