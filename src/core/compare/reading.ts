/**
 * What the comparison reads from each report on its own: its reportage text,
 * its sentences, its quotes and the speakers it names. A report is compared
 * again and again (each article of the story the reader opens, the
 * side-by-side view) and reading it is most of the work, so the reports read
 * last are kept. Only a report with the same id, language and text is taken
 * from here; anything else is read afresh, so results never depend on it.
 */
import { extractQuotes } from '../analysis';
import { reportageText, sentencesOf, speakersOfRead, type StorySentence } from './sentences';
import type { CompareInput } from './types';

export type ExtractedQuote = ReturnType<typeof extractQuotes>[number];

export interface ReadReport {
  body: string;
  sentences: StorySentence[];
  quotes(): ExtractedQuote[];
  speakers(): string[];
}

/** About two stories of fifty reports: enough for a reader moving through one. */
const KEPT = 120;
const kept = new Map<string, { text: string; lang: string | null; read: ReadReport }>();

export function readReport(article: CompareInput): ReadReport {
  const found = kept.get(article.id);
  if (found && found.text === article.text && found.lang === article.lang) {
    // Most recently used last, so the oldest is the first to go.
    kept.delete(article.id);
    kept.set(article.id, found);
    return found.read;
  }
  const read = freshRead(article);
  kept.delete(article.id);
  if (kept.size >= KEPT) kept.delete(kept.keys().next().value!);
  kept.set(article.id, { text: article.text, lang: article.lang, read });
  return read;
}

function freshRead(article: CompareInput): ReadReport {
  const body = reportageText(article);
  let quotes: ExtractedQuote[] | null = null;
  let speakers: string[] | null = null;
  const read = sentencesOf(article, body);
  return {
    body,
    sentences: read,
    quotes: () => (quotes ??= extractQuotes(body)),
    speakers: () => (speakers ??= speakersOfRead(body, read)),
  };
}
