/**
 * How a story's reports compare: which statements they share, which only one
 * makes, where their figures differ, who they quote, how their headlines and
 * timing differ. Pure: the worker, the sidebar's tests and the CLI run it alike.
 */
import { escapeRegExp } from '../text';
import { compareFigures } from './figures';
import { compareHeadlines } from './headlines';
import { readReport, type ExtractedQuote, type ReadReport } from './reading';
import { isBodyName, MIN_STATEMENT_TERMS, saysEnough, termsOf, type StorySentence } from './sentences';
import { CLEARLY_SAME, cosine, cosineWithout, fromDot, SAME_STATEMENT, weigh, type Weighted } from './similarity';
import type { CompareInput, Comparison, OnlyHere, QuotedPerson, SentenceRef, SharedStatement, TimelineEntry, WireGroup } from './types';

/** Sentences this alike are the same copy, not two reports of one fact. */
const SAME_COPY = 0.8;
/** A match this close to the other side's best counts as mutual. */
const NEARLY_MUTUAL = 0.95;
/** Share of the shorter report's sentences that must be copies for two reports to be one wire story. */
const WIRE_SHARE = 0.8;

interface Node {
  s: StorySentence;
  article: number;
}

class Groups {
  private parent: number[];
  constructor(n: number) {
    this.parent = Array.from({ length: n }, (_, i) => i);
  }
  find(i: number): number {
    while (this.parent[i] !== i) i = this.parent[i] = this.parent[this.parent[i]!]!;
    return i;
  }
  join(a: number, b: number): void {
    this.parent[this.find(a)] = this.find(b);
  }
}

export function compareStory(articles: CompareInput[]): Comparison {
  const read = articles.map(readReport);
  const perArticle = read.map((r) => r.sentences);
  const nodes: Node[] = perArticle.flatMap((list, article) => list.map((s) => ({ s, article })));
  const weighted = weigh(nodes.map((n) => n.s));

  const best = closestPerArticle(nodes, weighted, articles.length);
  const offsets: number[] = [];
  perArticle.reduce((at, list) => (offsets.push(at), at + list.length), 0);
  const wire = wireGroups(articles, perArticle, offsets, best);
  const reportOf = new Map<number, number>();
  wire.forEach((g, k) => g.forEach((a) => reportOf.set(a, k)));
  let nextReport = wire.length;
  articles.forEach((_, a) => reportOf.has(a) || reportOf.set(a, nextReport++));
  const reports = nextReport;

  const groups = new Groups(nodes.length);
  for (let i = 0; i < nodes.length; i++) {
    if (!saysEnough(nodes[i]!.s)) continue;
    for (let a = 0; a < articles.length; a++) {
      const j = best.node(i, a);
      const sim = best.similarity(i, a);
      if (j < 0 || sim < SAME_STATEMENT || !saysEnough(nodes[j]!.s)) continue;
      // Mutual best matches, or nearly: a report often states a fact twice (in the lead and again with its
      // source), and which of its two sentences the other report's is closer to is then a coin toss.
      const mutual = best.node(j, nodes[i]!.article) === i || sim >= NEARLY_MUTUAL * best.similarity(j, nodes[i]!.article);
      if (mutual || sim >= CLEARLY_SAME) groups.join(i, j);
    }
  }

  const members = new Map<number, number[]>();
  nodes.forEach((_, i) => {
    const root = groups.find(i);
    const list = members.get(root);
    if (list) list.push(i);
    else members.set(root, [i]);
  });

  const majority = Math.max(2, Math.floor(reports / 2) + 1);
  const indexOf = new Map(articles.map((a, i) => [a.id, i]));
  const agreed: SharedStatement[] = [];
  const partlyShared: SharedStatement[] = [];
  const single: Node[] = [];
  for (const list of members.values()) {
    const statement = toStatement(list, nodes, weighted, reportOf);
    if (statement.reports >= 2) (statement.reports >= majority ? agreed : partlyShared).push(statement);
    else single.push(...list.map((i) => nodes[i]!));
  }
  // Equally shared statements in the order the reports tell them: by how early, on average, each report makes it.
  const place = (st: SharedStatement) => st.sources.reduce((sum, r) => sum + r.index / Math.max(1, perArticle[indexOf.get(r.articleId)!]!.length), 0) / st.sources.length;
  const placeOf = new Map([...agreed, ...partlyShared].map((st) => [st, place(st)]));
  const byCoverage = (a: SharedStatement, b: SharedStatement) =>
    b.reports - a.reports || placeOf.get(a)! - placeOf.get(b)! || (a.text < b.text ? -1 : a.text > b.text ? 1 : 0);
  agreed.sort(byCoverage);
  partlyShared.sort(byCoverage);

  return {
    outlets: articles.map((a, i) => ({ articleId: a.id, siteName: a.siteName, title: a.title, url: a.url, sentences: perArticle[i]!.length })),
    reports,
    agreed,
    partlyShared,
    onlyHere: onlyHere(articles, single),
    figures: compareFigures(articles, perArticle, [...agreed, ...partlyShared], reportOf, (a, b) =>
      cosineWithout(weighted[offsets[a.article]! + a.sentence.ref.index]!, weighted[offsets[b.article]! + b.sentence.ref.index]!),
    ),
    quotes: compareQuotes(articles, read),
    headlines: compareHeadlines(articles),
    timeline: timeline(articles),
    wire: wire.filter((g) => g.length > 1).map((g) => toWireGroup(g, articles)),
  };
}

/** For each sentence and each other report, that report's sentence most like it (-1 for none) and how alike they are. */
interface Closest {
  node(i: number, article: number): number;
  similarity(i: number, article: number): number;
}

/**
 * Sparse dot products through an inverted index: only sentences sharing a
 * term are ever compared. Terms are numbered and postings kept in flat
 * arrays, in sentence order, so each pair is visited once, after the
 * sentence it is compared with, and nothing is allocated per pair.
 */
function closestPerArticle(nodes: Node[], weighted: Weighted[], articleCount: number): Closest {
  const n = nodes.length;
  const ids = new Map<string, number>();
  const vectors = weighted.map((v) => {
    const terms = new Int32Array(v.weights.size);
    const weights = new Float64Array(v.weights.size);
    let k = 0;
    for (const [t, w] of v.weights) {
      let id = ids.get(t);
      if (id === undefined) ids.set(t, (id = ids.size));
      terms[k] = id;
      weights[k++] = w;
    }
    return { terms, weights };
  });
  // Postings of each term, laid end to end: term t's are start[t] .. start[t + 1] - 1, in sentence order.
  const start = new Int32Array(ids.size + 1);
  for (const v of vectors) for (const t of v.terms) start[t + 1]!++;
  for (let t = 0; t < ids.size; t++) start[t + 1]! += start[t]!;
  const fill = start.slice(0, ids.size);
  const postedNode = new Int32Array(start[ids.size]!);
  const postedWeight = new Float64Array(start[ids.size]!);
  vectors.forEach((v, j) => {
    for (let k = 0; k < v.terms.length; k++) {
      const at = fill[v.terms[k]!]!++;
      postedNode[at] = j;
      postedWeight[at] = v.weights[k]!;
    }
  });
  // Each term's first posting not yet behind the sentence at hand: pairs are taken once, from their first sentence.
  const cursor = start.slice(0, ids.size);

  const closest = new Int32Array(n * articleCount).fill(-1);
  const similarity = new Float64Array(n * articleCount);
  const dots = new Float64Array(n);
  const touched: number[] = [];
  for (let i = 0; i < n; i++) {
    const own = nodes[i]!.article;
    const { terms, weights } = vectors[i]!;
    for (let k = 0; k < terms.length; k++) {
      const t = terms[k]!;
      const w = weights[k]!;
      const end = start[t + 1]!;
      let p = cursor[t]!;
      while (p < end && postedNode[p]! <= i) p++;
      cursor[t] = p;
      for (; p < end; p++) {
        const j = postedNode[p]!;
        if (nodes[j]!.article === own) continue;
        if (dots[j] === 0) touched.push(j);
        dots[j] = dots[j]! + w * postedWeight[p]!;
      }
    }
    for (const j of touched) {
      const sim = fromDot(dots[j]!, weighted[i]!, weighted[j]!);
      dots[j] = 0;
      const toJ = i * articleCount + nodes[j]!.article;
      if (similarity[toJ]! < sim) {
        similarity[toJ] = sim;
        closest[toJ] = j;
      }
      const toI = j * articleCount + own;
      if (similarity[toI]! < sim) {
        similarity[toI] = sim;
        closest[toI] = i;
      }
    }
    touched.length = 0;
  }
  return {
    node: (i, article) => closest[i * articleCount + article]!,
    similarity: (i, article) => similarity[i * articleCount + article]!,
  };
}

function toStatement(list: number[], nodes: Node[], weighted: ReturnType<typeof weigh>, reportOf: Map<number, number>): SharedStatement {
  // One sentence per article: the one closest to the rest of the group.
  const centrality = (i: number) => list.reduce((sum, j) => (j === i ? sum : sum + cosine(weighted[i]!, weighted[j]!)), 0);
  const perArticle = new Map<number, { i: number; c: number }>();
  for (const i of list) {
    const c = centrality(i);
    const a = nodes[i]!.article;
    if ((perArticle.get(a)?.c ?? -1) < c) perArticle.set(a, { i, c });
  }
  // Equally central sentences (a pair is always a tie) give way to the shorter, then by text: the same whatever order the reports came in.
  const text = (i: number) => nodes[i]!.s.ref.text;
  const chosen = [...perArticle.values()].sort((x, y) => (Math.abs(y.c - x.c) > 1e-9 ? y.c - x.c : text(x.i).length - text(y.i).length || (text(x.i) < text(y.i) ? -1 : 1)));
  const sources = chosen.map(({ i }) => nodes[i]!.s.ref).sort((x, y) => x.articleId.localeCompare(y.articleId) || x.index - y.index);
  const reports = new Set([...perArticle.keys()].map((a) => reportOf.get(a)!)).size;
  return { text: nodes[chosen[0]!.i]!.s.ref.text, sources, reports };
}

function onlyHere(articles: CompareInput[], single: Node[]): OnlyHere[] {
  return articles
    .map((a, k) => ({
      articleId: a.id,
      siteName: a.siteName,
      statements: single
        .filter((n) => n.article === k && n.s.terms.size >= MIN_STATEMENT_TERMS)
        .map((n) => n.s.ref)
        .sort((x, y) => x.index - y.index),
    }))
    .filter((o) => o.statements.length > 0);
}

/** `offsets[a]`: the node number of report a's first sentence. */
function wireGroups(articles: CompareInput[], perArticle: StorySentence[][], offsets: number[], best: Closest): number[][] {
  const groups = new Groups(articles.length);
  for (let a = 0; a < articles.length; a++) {
    for (let b = a + 1; b < articles.length; b++) {
      const shorter = Math.min(perArticle[a]!.length, perArticle[b]!.length);
      if (shorter < 3) continue;
      let copies = 0;
      for (let k = 0; k < perArticle[a]!.length; k++) if (best.similarity(offsets[a]! + k, b) >= SAME_COPY) copies++;
      if (copies >= shorter * WIRE_SHARE) groups.join(a, b);
    }
  }
  const byRoot = new Map<number, number[]>();
  articles.forEach((_, a) => {
    const r = groups.find(a);
    byRoot.set(r, [...(byRoot.get(r) ?? []), a]);
  });
  return [...byRoot.values()].filter((g) => g.length > 1);
}

function toWireGroup(group: number[], articles: CompareInput[]): WireGroup {
  return { articleIds: group.map((a) => articles[a]!.id), siteNames: group.map((a) => articles[a]!.siteName) };
}

/** One quote of a report with its sentence and resolved speaker: all that report's own reading can tell. */
interface AttributedQuote {
  text: string;
  sentence: SentenceRef;
  speaker: string | null;
  terms: Set<string>;
}

/** Kept with the report's reading (itself kept while the report is compared again and again). */
const attributed = new WeakMap<ReadReport, AttributedQuote[]>();

function attributedQuotes(article: CompareInput, read: ReadReport): AttributedQuote[] {
  const found = attributed.get(read);
  if (found) return found;
  const { body, sentences } = read;
  // Speakers are resolved here (pronouns, full names), so the quotes need no entity list.
  const named = read.speakers();
  const fuller = new Map<string, string>();
  const out: AttributedQuote[] = [];
  let previous: { end: number; speaker: string | null } | null = null;
  for (const q of read.quotes()) {
    const sentence = sentenceAt(sentences, q.start);
    const speaker = speakerOf(body, q, named, previous, fuller);
    previous = { end: quoteEnd(body, q), speaker };
    if (sentence) out.push({ text: q.text, sentence, speaker, terms: termsOf(q.text, article.lang) });
  }
  attributed.set(read, out);
  return out;
}

function compareQuotes(articles: CompareInput[], read: ReadReport[]): QuotedPerson[] {
  const people = new Map<string, QuotedPerson>();
  const quoteTerms = new Map<object, Set<string>>();
  articles.forEach((article, k) => {
    for (const { text, sentence, speaker, terms } of attributedQuotes(article, read[k]!)) {
      const key = speaker ? speaker.split(/\s+/).at(-1)!.toLowerCase() : '';
      const person = people.get(key) ?? { speaker, quotes: [], siteNames: [] };
      if (speaker && (!person.speaker || speaker.length > person.speaker.length)) person.speaker = speaker;
      // Without a speaker to tie them, only near-identical words are one quote.
      const same = person.quotes.find((existing) => overlap(quoteTerms.get(existing)!, terms) >= (key ? 0.5 : 0.8));
      if (same) {
        if (!same.sources.some((s) => s.articleId === article.id)) {
          same.sources.push(sentence);
          same.siteNames.push(article.siteName);
        }
      } else {
        const entry = { text, sources: [sentence], siteNames: [article.siteName] };
        quoteTerms.set(entry, terms);
        person.quotes.push(entry);
      }
      if (!person.siteNames.includes(article.siteName)) person.siteNames.push(article.siteName);
      people.set(key, person);
    }
  });
  // Named speakers first, the most widely quoted first.
  return [...people.values()].sort((a, b) => Number(!a.speaker) - Number(!b.speaker) || b.siteNames.length - a.siteNames.length);
}

const SAYING = '(?:said|says|added|stated|told|warned|wrote|declared|insisted)';
/** "…," the ministry said / said the ministry: a body rather than a person. */
const BODY_AFTER = new RegExp(`^\\W{0,4}(?:the\\s+((?:[a-z]+\\s+){0,2}[a-z]+)\\s+${SAYING}|${SAYING}\\s+the\\s+((?:[a-z]+\\s+){0,2}[a-z]+))\\b`);
const PRONOUN_AFTER = new RegExp(`^\\W{0,4}(?:(?:he|she)\\s+${SAYING}|${SAYING}\\s+(?:he|she))\\b`);
const PRONOUN_BEFORE = new RegExp(`\\b(?:he|she)\\s+${SAYING}(?:\\s+\\w+)?[,:]?\\s*["“]?$`);
/** A quote set apart with its speaker on the next line: "— Colette Mbeki, home health aide". */
const CREDIT_AFTER = /^["”]?\s*(?:[—–]\s*|\n\s*(?:That|This) was\s+)([\p{Lu}][\p{L}'’-]+(?:[^\S\n]+(?:of|for|and|the|[\p{Lu}][\p{L}'’-]+)){1,6})/u;

/** Offset just past a quote's closing mark. */
function quoteEnd(body: string, q: ExtractedQuote): number {
  const at = body.indexOf(q.text, q.start);
  return at < 0 ? q.start + q.text.length + 2 : at + q.text.length + 1;
}

/**
 * Who speaks a quote. "He said" / "she said" is the person last named before
 * the quote, as a reader takes it (not the last one introduced); a quote set
 * apart is credited on the line after it; a quote with no attribution that
 * follows another in the same paragraph continues it ("…," Aske said. "…").
 */
function speakerOf(
  body: string,
  q: ExtractedQuote,
  named: string[],
  previous: { end: number; speaker: string | null } | null,
  fuller: Map<string, string>,
): string | null {
  const end = quoteEnd(body, q);
  const after = body.slice(end, end + 120);
  const before = body.slice(Math.max(0, q.start - 80), q.start).split('\n').at(-1)!;
  if (PRONOUN_AFTER.test(after) || PRONOUN_BEFORE.test(before)) return lastNamed(body.slice(0, q.start), named) ?? q.speaker;
  if (q.speaker) {
    if (!fuller.has(q.speaker)) fuller.set(q.speaker, fullName(q.speaker, named, body));
    return fuller.get(q.speaker)!;
  }
  const institution = BODY_AFTER.exec(after);
  if (institution) return `the ${institution[1] ?? institution[2]}`;
  const credit = CREDIT_AFTER.exec(after);
  if (credit) return credit[1]!;
  if (previous?.speaker && !body.slice(previous.end, q.start).includes('\n')) return previous.speaker;
  return null;
}

/** The person whose name (or surname alone) appears last in `text`. */
function lastNamed(text: string, named: string[]): string | null {
  let best: { at: number; name: string } | null = null;
  // A single word is a person's surname only when the text also gives it after a first name
  // ("Maren Holt" … "Holt said"); otherwise it is an agency or a place ("QAT", "Brackenmoor").
  const people = named.filter((n) => !isBodyName(n)).filter((n) => /\s/.test(n) || new RegExp(`\\p{Lu}\\p{Ll}+[^\\S\\n]+${escapeRegExp(n)}\\b`, 'u').test(text));
  for (const name of people) {
    const surname = name.split(/\s+/).at(-1)!;
    const at = text.lastIndexOf(surname);
    if (at >= 0 && /\w/.test(text[at + surname.length] ?? '')) continue;
    if (at >= 0 && (!best || at > best.at)) best = { at, name };
  }
  // A sentence that opens with a full name is about that person ("Stephen Innes of SPI Asset Management called…").
  for (const m of text.matchAll(SUBJECT)) {
    const at = m.index + m[0].length - m[1]!.length;
    if (!NOT_A_NAME.test(m[1]!) && (!best || at > best.at)) best = { at, name: m[1]! };
  }
  return best?.name ?? null;
}

const SUBJECT = /(?:^|[.!?]["”’]?\s+)((?:\p{Lu}[\p{Ll}'’-]+)(?:[^\S\n]\p{Lu}[\p{Ll}'’-]+)+)/gu;
const NOT_A_NAME = /^(?:The|A|An|In|On|At|But|And|Still|Meanwhile|However|While|When|After|Before|Despite|Under|Since|For|If|As)\s/;

/** Up to three capitalised words just before a surname: the rest of the name. */
const NAME_BEFORE = /(?:\p{Lu}[\p{L}.'’-]*[^\S\n]+){1,3}$/u;

/** "Okafor" → "Councillor Beatriz Okafor" when the article names her in full, as a speaker or anywhere else. */
function fullName(speaker: string, named: string[], body: string): string {
  const surname = speaker.split(/\s+/).at(-1)!;
  const elsewhere: string[] = [];
  for (let at = body.indexOf(surname); at >= 0; at = body.indexOf(surname, at + 1)) {
    const before = NAME_BEFORE.exec(body.slice(Math.max(0, at - 60), at))?.[0];
    if (before && !/\w/.test(body[at + surname.length] ?? '')) elsewhere.push(before + surname);
  }
  const fuller = [...named, ...elsewhere].filter((n) => n.split(/\s+/).at(-1) === surname && n.length > speaker.length && !NOT_A_NAME.test(n));
  return fuller.sort((a, b) => b.length - a.length)[0] ?? speaker;
}

/** The sentence in which a quote opens (sentences are in text order). */
function sentenceAt(list: StorySentence[], offset: number): SentenceRef | null {
  let lo = 0;
  let hi = list.length - 1;
  let found: StorySentence | null = null;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (list[mid]!.start <= offset) {
      found = list[mid]!;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found?.ref ?? null;
}

function overlap(a: Set<string>, b: Set<string>): number {
  if (!a.size || !b.size) return 0;
  let shared = 0;
  for (const t of a) if (b.has(t)) shared++;
  return shared / Math.min(a.size, b.size);
}

function timeline(articles: CompareInput[]): TimelineEntry[] {
  const time = (iso: string | null) => (iso ? Date.parse(iso) : Number.NaN);
  const first = Math.min(...articles.map((a) => time(a.publishedAt)).filter(Number.isFinite));
  return articles
    .map((a) => ({
      articleId: a.id,
      siteName: a.siteName,
      title: a.title,
      publishedAt: a.publishedAt,
      modifiedAt: a.modifiedAt,
      minutesAfterFirst: Number.isFinite(time(a.publishedAt)) && Number.isFinite(first) ? Math.round((time(a.publishedAt) - first) / 60_000) : null,
    }))
    .sort((a, b) => (a.minutesAfterFirst ?? Infinity) - (b.minutesAfterFirst ?? Infinity));
}
