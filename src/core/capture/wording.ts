/**
 * How the body text addresses its reader. A story reports ("said", "he",
 * "they"); a service page sells ("we", "our", "you", "contact", "quote"); a
 * forum thread asks and thanks. Shares of the body's words, from one pass
 * over its first 20,000 characters.
 */
export interface Wording {
  /** Share of words in each group, times 20 and capped at 1, so a typical page sits well inside 0..1. */
  we: number;
  you: number;
  i: number;
  said: number;
  past: number;
  num: number;
  sales: number;
  questions: number;
  greetings: number;
  articles: number;
  third: number;
  /** Words in the headline. */
  titleWords: number;
}

/**
 * A Map rather than an object: looking a freshly cut word up as an object key
 * first searches the engine's table of interned strings, once per word of the body.
 */
const GROUPS = new Map<string, keyof Wording>();
const add = (group: keyof Wording, words: string): void => {
  for (const w of words.split(' ')) GROUPS.set(w, group);
};
add('we', 'we our ours us');
add('you', 'you your yours');
add('i', "i my me i'm");
add('said', 'said says told according');
add('sales', 'service services solution solutions client clients customer customers contact consultation quote expert experts expertise team offer business businesses professional call today free schedule book support pricing plan plans');
add('greetings', 'thanks thank thx hi hello anyone cheers');
add('articles', 'the a an');
add('third', 'he she his her they them their');

const MAX_TEXT = 20_000;
/**
 * A word runs from the first letter or digit of a run of letters, digits,
 * commas, stops and apostrophes to the run's end, less the commas, stops and
 * apostrophes it ends in ("u.s.," is the word "u.s"). The counts below are
 * native scans of the text for the words of each kind: a loop over every
 * word in script cost several times as much on a freshly loaded page.
 */
const WORD_START = "(?<![a-z0-9',.])[',.]*";
const WORD_END = "[',.]*(?![a-z0-9',.])";
/** A word's first letter or digit: counting these, the engine hands back one-character strings, not a copy of every word. */
const WORD = new RegExp(`${WORD_START}[a-z0-9]`, 'g');
const NUMBER_WORD = new RegExp(`${WORD_START}[0-9]`, 'g');
/** Longer than three characters and ending in "ed". */
const PAST_WORD = new RegExp(`${WORD_START}[a-z][a-z0-9',.]+ed${WORD_END}`, 'g');
const GROUP_WORD = new RegExp(`${WORD_START}(${[...GROUPS.keys()].join('|')})${WORD_END}`, 'g');

const matchCount = (text: string, pattern: RegExp): number => text.match(pattern)?.length ?? 0;

export function readWording(text: string, title: string): Wording {
  const body = text.slice(0, MAX_TEXT).toLowerCase();
  const counts: Record<string, number> = {};
  const words = matchCount(body, WORD);
  counts.num = matchCount(body, NUMBER_WORD);
  counts.past = matchCount(body, PAST_WORD);
  for (const m of body.matchAll(GROUP_WORD)) {
    const group = GROUPS.get(m[1]!)!;
    counts[group] = (counts[group] ?? 0) + 1;
  }
  const share = (k: keyof Wording): number => (words ? Math.min(1, (20 * (counts[k] ?? 0)) / words) : 0);
  let marks = 0;
  for (let i = body.indexOf('?'); i >= 0; i = body.indexOf('?', i + 1)) marks++;
  return {
    we: share('we'),
    you: share('you'),
    i: share('i'),
    said: share('said'),
    past: share('past'),
    num: share('num'),
    sales: share('sales'),
    questions: words ? Math.min(1, (50 * marks) / words) : 0,
    greetings: share('greetings'),
    articles: share('articles'),
    third: share('third'),
    titleWords: Math.min(title.split(/\s+/).filter(Boolean).length, 20) / 20,
  };
}
