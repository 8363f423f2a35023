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
const WORD = /[a-z0-9][a-z0-9',.]*/g;

/** The word without the commas, stops and apostrophes at its end; most words have none, and are returned as they are. */
function trimJoiners(word: string): string {
  let end = word.length;
  for (let c = word.charCodeAt(end - 1); c === 44 || c === 46 || c === 39; c = word.charCodeAt(end - 1)) end--;
  return end === word.length ? word : word.slice(0, end);
}

export function readWording(text: string, title: string): Wording {
  const body = text.slice(0, MAX_TEXT).toLowerCase();
  const counts: Record<string, number> = {};
  // All the words in one call: the engine cuts them faster than a loop of exec() calls steps through them.
  const found = body.match(WORD) ?? [];
  const words = found.length;
  for (let i = 0; i < words; i++) {
    const w = trimJoiners(found[i]!);
    // A word starts with a letter or a digit (see WORD).
    if (w.charCodeAt(0) <= 57) counts.num = (counts.num ?? 0) + 1;
    else if (w.length > 3 && w.endsWith('ed')) counts.past = (counts.past ?? 0) + 1;
    const group = GROUPS.get(w);
    if (group) counts[group] = (counts[group] ?? 0) + 1;
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
