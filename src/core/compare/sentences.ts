/**
 * The sentences of a story's reports as comparable units: each keeps its
 * place in its article (so the sidebar can point back to it), its content
 * terms and its figures.
 */
import { extractFigures, forEachSpacedWord, isContentTerm, needsSegmenter, normalizeTerm, sentences, tokenize, type Figure } from '../analysis';
import { reportageParagraphs } from './boilerplate';
import { keyOf, MIN_COUNT } from './figures';
import { canonicalTerm } from './synonyms';
import type { CompareInput, SentenceRef } from './types';

/** Fewer content words than this and a sentence says too little to be a fact on its own. */
export const MIN_STATEMENT_TERMS = 4;
/** Whether a sentence says enough, apart from who says it, to stand for a fact ("Our crews did that." does not). */
export function saysEnough(s: StorySentence): boolean {
  return s.terms.size - s.attribution.size >= MIN_STATEMENT_TERMS;
}

/** Only the start of a very long report is compared: the story is told early and the sidebar must stay fast. */
const MAX_SENTENCES = 120;

export interface StorySentence {
  ref: SentenceRef;
  /** Offset in the article's reportage text (`reportageText`). */
  start: number;
  terms: Set<string>;
  /** Terms of who is speaking ("Council President Delphine Aske said"): they tell whose statement it is, not what it says. */
  attribution: ReadonlySet<string>;
  /** The terms of speakers' full names among them. */
  speakers: ReadonlySet<string>;
  /** The speakers it names, as written ("Council President Delphine Aske"). */
  speakerNames: string[];
  figures: Figure[];
}

/** Bare months with what they date ("a July deadline"): a common figure that carries no digits. */
const MONTH_NOUN =
  /\b(January|February|March|April|May|June|July|August|September|October|November|December)\s+(deadline|date|target|cutoff|cut-off|timeline|vote|election|summit|meeting|launch|start|opening)\b/g;

function monthFigures(text: string): Figure[] {
  const out: Figure[] = [];
  MONTH_NOUN.lastIndex = 0;
  for (let m = MONTH_NOUN.exec(text); m; m = MONTH_NOUN.exec(text)) {
    const month = 'january february march april may june july august september october november december'.split(' ').indexOf(m[1]!.toLowerCase()) + 1;
    out.push({ kind: 'date', value: month * 100, unit: 'month', text: m[0], context: text, start: m.index, iso: `????-${String(month).padStart(2, '0')}` });
  }
  return out;
}

const SPEECH_VERB = '(?:(?:has|had|have)\\s+)?(?:said|says|say|told|tells|added|adds|stated|states|explained|announced|argued|warned|insisted|noted|wrote|declared|called)';
/** Lower-case titles that stand inside a speaker's name ("mill general manager Lionel Brandt"). */
const TITLE_WORD = '(?:general|deputy|senior|chief|executive|manager|director|president|chair|chairman|chairwoman|spokesman|spokeswoman|spokesperson|officer|official|commissioner|councillor|councilor|secretary|minister|mayor|coordinator|analyst|economist|professor|head|leader)';
const NAME_RUN = `(?:(?:[\\p{Lu}][\\p{L}'’.-]*|${TITLE_WORD})[^\\S\\n]+){0,6}[\\p{Lu}][\\p{L}'’.-]*`;
/** Shared by the many sentences that quote nobody; never written to. */
const NONE: ReadonlySet<string> = new Set<string>();

const SPEECH_HINT = new RegExp(`\\b(?:${SPEECH_VERB}|[Aa]ccording to)\\b`);

/** A name (with any title) before or after a verb of saying, an appositive allowed between. */
const ATTRIBUTION = new RegExp(
  `(${NAME_RUN})(?:,\\s[^,.!?"“”]{1,100}){0,2},?\\s+(${SPEECH_VERB})\\b|\\b(${SPEECH_VERB}|[Aa]ccording to)\\s+(?:\\p{Ll}+\\s+)?(${NAME_RUN})`,
  'gu',
);

/** A speaker named by one of these is a body ("Orrin County Health Department"), whose name is also what its statements are about. */
const BODY_WORD =
  /\b(?:Department|Ministry|Office|Council|Commission|Committee|Company|Co|Group|Agency|Authority|Board|Bureau|Service|Services|Police|Court|Government|Administration|University|Institute|Association|Union|Party|Bank|Corporation|Inc|Ltd|LLC|Center|Centre|House|Management|Capital|Partners|Holdings|Research|Securities|Markets|Fund|Foundation|Media|News|Network|Press|Times|Post|Studies|Fisheries)\b/;

/** Whether a name is a body's ("SPI Asset Management") rather than a person's. */
export function isBodyName(name: string): boolean {
  return BODY_WORD.test(name);
}

/**
 * The terms of a sentence's attribution (the speaker's name and the verb of
 * saying), and among them the terms of full names ("Delphine Aske", not
 * "China" or "Reuters"), which name a person wherever else they appear.
 */
export function attributionTerms(text: string, lang: string | null): { terms: ReadonlySet<string>; names: ReadonlySet<string>; speakers: string[] } {
  if (!SPEECH_HINT.test(text)) return { terms: NONE, names: NONE, speakers: NO_SPEAKERS };
  const terms = new Set<string>();
  const names = new Set<string>();
  const speakers: string[] = [];
  ATTRIBUTION.lastIndex = 0;
  for (let m = ATTRIBUTION.exec(text); m; m = ATTRIBUTION.exec(text)) {
    const name = m[1] ?? m[4]!;
    for (const t of termsOf(`${name} ${m[2] ?? m[3]}`, lang)) terms.add(t);
    if (/\p{Lu}\S*\s+\p{Lu}/u.test(name) && !BODY_WORD.test(name)) for (const t of termsOf(name, lang)) names.add(t);
    const speaker = asSpeaker(name);
    if (speaker) speakers.push(speaker);
  }
  return { terms, names, speakers };
}

const NO_SPEAKERS: string[] = [];

/** A name as a speaker's, without a sentence's opening word ("But Delphine Aske"); null for a lower-case title alone. */
function asSpeaker(name: string): string | null {
  const bare = name.replace(/^(?:The|A|An|But|And|In|On|At|As|When|While)\s+/, '');
  return /^\p{Lu}/u.test(bare) ? bare : null;
}

/** The people a text names as speakers, in full where it gives them in full ("Council President Delphine Aske"). */
export function speakerNames(text: string): string[] {
  const names = new Set<string>();
  // Only lines with a verb of saying can name a speaker; the full pattern is slow to fail elsewhere.
  for (const line of text.split('\n')) {
    if (!SPEECH_HINT.test(line)) continue;
    ATTRIBUTION.lastIndex = 0;
    for (let m = ATTRIBUTION.exec(line); m; m = ATTRIBUTION.exec(line)) {
      const name = asSpeaker(m[1] ?? m[4]!);
      if (name) names.add(name);
    }
  }
  return [...names];
}

/**
 * speakerNames of a report whose sentences have been read: their attributions
 * already name the speakers, so only text past the last sentence read (a very
 * long report) is searched again.
 */
export function speakersOfRead(body: string, read: StorySentence[]): string[] {
  const names = new Set<string>();
  for (const s of read) for (const name of s.speakerNames) names.add(name);
  const last = read.at(-1);
  if (last && read.length >= MAX_SENTENCES) for (const name of speakerNames(body.slice(last.start + last.ref.text.length))) names.add(name);
  if (!last) for (const name of speakerNames(body)) names.add(name);
  return [...names];
}

/** Words too common in speech and narration to tie two sentences to one fact ("every", "tonight", "goes up"). */
const WEAK = new Set('every go goe went gone get got make made come came thing lot tonight today yesterday just still also even much many well back way'.split(' '));

const SMALL_NUMBERS = 'one two three four five six seven eight nine ten eleven twelve'.split(' ');
/** "400 people": the analysis leaves "people" uncounted as too vague a noun, but reports of one event count the same people. */
const PEOPLE = /\b(\d{1,3}(?:,\d{3})+|\d+|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\s(people|persons)\b/gi;

function peopleFigures(text: string): Figure[] {
  const out: Figure[] = [];
  PEOPLE.lastIndex = 0;
  for (let m = PEOPLE.exec(text); m; m = PEOPLE.exec(text)) {
    const word = SMALL_NUMBERS.indexOf(m[1]!.toLowerCase()) + 1;
    const value = word || Number(m[1]!.replace(/,/g, ''));
    out.push({ kind: 'count', value, unit: 'people', text: m[0], context: text, start: m.index });
  }
  return out;
}

/** The figures of one sentence as the comparison reads them: cents are money ("50 cents" is "$0.50"). */
export function figuresOf(text: string): Figure[] {
  const found = [...extractFigures(text), ...monthFigures(text)];
  const taken = (start: number) => found.some((f) => start >= f.start && start < f.start + f.text.length);
  for (const f of peopleFigures(text)) if (!taken(f.start)) found.push(f);
  return found
    .map((f): Figure => (f.kind === 'count' && /^cents?$/.test(f.unit) ? { ...f, kind: 'money', value: f.value / 100, unit: 'usd' } : f))
    .sort((a, b) => a.start - b.start);
}

/**
 * The comparable terms of a text. `spaced` says the caller already knows the
 * text is in a script with spaces between words (it tested the whole report),
 * so its words are read here directly, the tokenizer's way, without building
 * tokens: every sentence of every report comes through here.
 */
export function termsOf(text: string, lang: string | null, spaced = false): Set<string> {
  const terms = new Set<string>();
  const cache = termCacheFor(lang);
  if (spaced || !needsSegmenter(text, lang)) {
    forEachSpacedWord(text, (word) => {
      const term = comparableTerm(word, lang, cache);
      if (term !== null) terms.add(term);
    });
    return terms;
  }
  for (const token of tokenize(text, lang)) {
    const term = comparableTerm(token.text, lang, cache);
    if (term !== null) terms.add(term);
  }
  return terms;
}

/** Words recur across a story's reports; each is read once per language. Bounded, as the worker lives long. */
const termCaches = new Map<string, Map<string, string | null>>();
const TERM_CACHE_SIZE = 50_000;

function termCacheFor(lang: string | null): Map<string, string | null> {
  let cache = termCaches.get(lang ?? '');
  if (!cache) termCaches.set(lang ?? '', (cache = new Map()));
  else if (cache.size >= TERM_CACHE_SIZE) cache.clear();
  return cache;
}

function comparableTerm(word: string, lang: string | null, cache: Map<string, string | null>): string | null {
  const cached = cache.get(word);
  if (cached !== undefined) return cached;
  const normal = normalizeTerm(word, lang);
  const term = isContentTerm(normal) && !WEAK.has(normal) ? folded(normal, lang) : null;
  cache.set(word, term);
  return term;
}

/** News synonyms are folded together in English only: the table is English. */
function folded(term: string, lang: string | null): string {
  return lang === null || lang.startsWith('en') ? canonicalTerm(term) : term;
}

const PRINTED_WORD = /[\p{L}\p{N}][\p{L}\p{N}'’.%$-]*/u;

/**
 * The comparable term of one word as printed ("Brackenmoor's," → "brackenmoor"),
 * or null for a word that says nothing. `fold` also merges news synonyms.
 */
export function wordTerm(word: string, lang: string | null, fold: boolean): string | null {
  const core = PRINTED_WORD.exec(word)?.[0].replace(/[.'’]+$/, '');
  if (!core) return null;
  const term = normalizeTerm(core, lang);
  if (!isContentTerm(term) && !/\d/.test(term)) return null;
  return fold ? folded(term, lang) : term;
}

/** The article's text without what capture let through around the story, as the comparison reads it. */
export function reportageText(article: CompareInput): string {
  return reportageParagraphs(article.text).join('\n');
}

function attribution(text: string, lang: string | null): { attribution: ReadonlySet<string>; speakers: ReadonlySet<string>; speakerNames: string[] } {
  const { terms, names, speakers } = attributionTerms(text, lang);
  return { attribution: terms, speakers: names, speakerNames: speakers };
}

const TALLY = /(?<![\d.,/-])(\d{1,2})[-–](\d{1,2})(?![\d.,/-])/g;

export function sentencesOf(article: CompareInput, body = reportageText(article)): StorySentence[] {
  const out: StorySentence[] = [];
  const spaced = !needsSegmenter(body, article.lang);
  for (const s of sentences(body, article.lang)) {
    if (out.length >= MAX_SENTENCES) break;
    const text = s.text.trim();
    const figures = figuresOf(text);
    const terms = termsOf(text, article.lang, spaced);
    // A figure two sentences share is strong evidence they state the same thing; two counts of one
    // thing ("75 firefighters", "90 firefighters") are weaker evidence, and rivals belong side by side.
    for (const f of figures) {
      terms.add(`#${keyOf(f)}`);
      if (f.kind === 'count') {
        if (f.value >= MIN_COUNT) terms.add(`#~${keyOf({ ...f, value: 0 })}`);
      }
      // Sums and shares near each other ("roughly $4 million", "about $4.1 million") are one order of the same thing.
      else if ((f.kind === 'money' || f.kind === 'percent') && f.value > 0) terms.add(`#~${f.kind}:${f.unit}:${Number(f.value.toPrecision(1))}`);
    }
    // A tally ("voted 7-4", "won 3-1") is as telling as a figure.
    for (const m of text.matchAll(TALLY)) terms.add(`#${m[1]}-${m[2]}`);
    out.push({ ref: { articleId: article.id, index: out.length, text }, start: s.start, terms, ...attribution(text, article.lang), figures });
  }
  return out;
}
