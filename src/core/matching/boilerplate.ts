/**
 * What an article says about its outlet rather than its event: the outlet's
 * own name ("Meridian Wire", "the Courier"), its bylines and credit lines
 * ("Reporting by Tobias Wren; editing by Farrah Quist"). Every report of one
 * outlet carries them, whatever it is about, so two reports of one outlet
 * would look alike for them alone; they are kept out of the evidence.
 */
import { isContentTerm, normalizeTerm, tokenize, type ArticleInput } from '../analysis';

export interface OutletInput extends ArticleInput {
  /** The outlet's name as captured ("The Kestrel Valley Courier"). */
  siteName?: string | null;
  byline?: string | null;
}

export interface Evidence {
  /** The article with its credit lines removed. */
  input: ArticleInput;
  /** Normalised terms that name the outlet or its staff. */
  terms: Set<string>;
  /** Lower-case words whose entities name the outlet or its staff. */
  names: Set<string>;
}

/**
 * Lines that credit staff: "(Reporting by A in X; editing by B)", "Additional
 * reporting by C", "Compiled by D", "E contributed to this report".
 */
const CREDIT_LINE = /^[\s([]*(?:(?:additional\s+)?reporting\s+by|writing\s+by|editing\s+by|compiled\s+by|edited\s+by|written\s+by|with\s+reporting\s+by|by\s+[A-Z][\p{L}'’.-]+(?:\s+[A-Z][\p{L}'’.-]+){0,3}\s*[,;]\s*\S+\s+(?:staff|correspondent|reporter|writer))\b.*$|^.{0,160}\bcontributed\s+(?:to\s+)?(?:this\s+)?report(?:ing)?\b.*$/gimu;

/** Host-like names ("nytimes.com") and placeholders are not names an article would write. */
function nameWords(name: string | null | undefined, lang: string | null): string[] {
  if (!name || /^[\w.-]+\.[a-z]{2,}$/i.test(name) || /^unknown$/i.test(name)) return [];
  return tokenize(name, lang)
    .map((t) => t.text)
    .filter((w) => w.length > 1 && isContentTerm(normalizeTerm(w, lang)));
}

/** "abortion_3_2", "story-1234": an identifier where a headline should be says nothing of the event. */
const SLUG = /^[\p{L}\p{N}]+(?:[_-][\p{L}\p{N}]+)+$/u;

export function evidenceOf(article: OutletInput): Evidence {
  const lang = article.lang;
  const title = SLUG.test(article.title.trim()) ? '' : article.title;
  const text = article.text.replace(CREDIT_LINE, '');
  const words = [...nameWords(article.siteName, lang), ...(article.byline ?? '').split(/\s*(?:,|\band\b|&)\s*/).flatMap((n) => nameWords(n, lang))];
  return {
    input: { title, text, lang },
    terms: new Set(words.map((w) => normalizeTerm(w, lang))),
    names: new Set(words.map((w) => w.toLowerCase())),
  };
}

/** Whether an entity (its name as written) names the outlet or its staff: all its words are theirs. */
export function isOutletName(name: string, names: Set<string>): boolean {
  if (!names.size) return false;
  const words = name.toLowerCase().split(/\s+/).filter((w) => !/^(?:the|a|an|of)$/.test(w));
  return words.length > 0 && words.every((w) => names.has(w.replace(/['’]s$/, '')));
}
