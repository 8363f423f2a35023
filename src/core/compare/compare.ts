/**
 * How a story's reports compare: which statements they share, which only one
 * makes, where their figures differ, who they quote, how their headlines and
 * timing differ. Pure: the worker, the sidebar's tests and the CLI run it alike.
 */
import { extractEntities, extractQuotes } from '../analysis';
import { reportageParagraphs } from './boilerplate';
import { compareFigures } from './figures';
import { compareHeadlines } from './headlines';
import { MIN_STATEMENT_TERMS, sentencesOf, termsOf, type StorySentence } from './sentences';
import { cosine, weigh } from './similarity';
import type { CompareInput, Comparison, OnlyHere, QuotedPerson, SentenceRef, SharedStatement, TimelineEntry, WireGroup } from './types';

/** Two sentences at least this similar say the same thing. */
const SAME_STATEMENT = 0.25;
/** Above this, a link needs no confirmation from the other side's best match. */
const CLEARLY_SAME = 0.55;
/** Sentences this alike are the same copy, not two reports of one fact. */
const SAME_COPY = 0.8;
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
  const perArticle = articles.map(sentencesOf);
  const nodes: Node[] = perArticle.flatMap((list, article) => list.map((s) => ({ s, article })));
  const weighted = weigh(nodes.map((n) => n.s));

  // Candidates share at least one term: an inverted index keeps this near-linear in practice.
  const postings = new Map<string, number[]>();
  nodes.forEach((n, i) => {
    for (const t of n.s.terms) {
      const list = postings.get(t);
      if (list) list.push(i);
      else postings.set(t, [i]);
    }
  });

  /** best[i][article] = [node, similarity] of node i's closest sentence in that article. */
  const best = nodes.map(() => new Map<number, [number, number]>());
  nodes.forEach((n, i) => {
    const seen = new Set<number>();
    for (const t of n.s.terms) {
      for (const j of postings.get(t)!) {
        if (j <= i || seen.has(j) || nodes[j]!.article === n.article) continue;
        seen.add(j);
        const sim = cosine(weighted[i]!, weighted[j]!);
        if (sim <= 0) continue;
        const a = nodes[j]!.article;
        if ((best[i]!.get(a)?.[1] ?? 0) < sim) best[i]!.set(a, [j, sim]);
        if ((best[j]!.get(n.article)?.[1] ?? 0) < sim) best[j]!.set(n.article, [i, sim]);
      }
    }
  });

  const wire = wireGroups(articles, perArticle, best);
  const reportOf = new Map<number, number>();
  wire.forEach((g, k) => g.forEach((a) => reportOf.set(a, k)));
  let nextReport = wire.length;
  articles.forEach((_, a) => reportOf.has(a) || reportOf.set(a, nextReport++));
  const reports = nextReport;

  const groups = new Groups(nodes.length);
  best.forEach((byArticle, i) => {
    for (const [, [j, sim]] of byArticle) {
      if (sim < SAME_STATEMENT) continue;
      const mutual = best[j]!.get(nodes[i]!.article)?.[0] === i;
      if (mutual || sim >= CLEARLY_SAME) groups.join(i, j);
    }
  });

  const members = new Map<number, number[]>();
  nodes.forEach((_, i) => {
    const root = groups.find(i);
    const list = members.get(root);
    if (list) list.push(i);
    else members.set(root, [i]);
  });

  const majority = Math.max(2, Math.floor(reports / 2) + 1);
  const agreed: SharedStatement[] = [];
  const partlyShared: SharedStatement[] = [];
  const single: Node[] = [];
  for (const list of members.values()) {
    const statement = toStatement(list, nodes, weighted, reportOf);
    if (statement.reports >= 2) (statement.reports >= majority ? agreed : partlyShared).push(statement);
    else single.push(...list.map((i) => nodes[i]!));
  }
  const byCoverage = (a: SharedStatement, b: SharedStatement) => b.reports - a.reports || a.sources[0]!.index - b.sources[0]!.index;
  agreed.sort(byCoverage);
  partlyShared.sort(byCoverage);

  return {
    outlets: articles.map((a, i) => ({ articleId: a.id, siteName: a.siteName, title: a.title, url: a.url, sentences: perArticle[i]!.length })),
    reports,
    agreed,
    partlyShared,
    onlyHere: onlyHere(articles, single),
    figures: compareFigures(articles, perArticle, [...agreed, ...partlyShared], reportOf),
    quotes: compareQuotes(articles, perArticle),
    headlines: compareHeadlines(articles),
    timeline: timeline(articles),
    wire: wire.filter((g) => g.length > 1).map((g) => toWireGroup(g, articles)),
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
  const chosen = [...perArticle.values()].sort((x, y) => y.c - x.c);
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

function wireGroups(articles: CompareInput[], perArticle: StorySentence[][], best: Map<number, [number, number]>[]): number[][] {
  const offsets: number[] = [];
  let at = 0;
  for (const list of perArticle) {
    offsets.push(at);
    at += list.length;
  }
  const groups = new Groups(articles.length);
  for (let a = 0; a < articles.length; a++) {
    for (let b = a + 1; b < articles.length; b++) {
      const shorter = Math.min(perArticle[a]!.length, perArticle[b]!.length);
      if (shorter < 3) continue;
      let copies = 0;
      for (let k = 0; k < perArticle[a]!.length; k++) if ((best[offsets[a]! + k]!.get(b)?.[1] ?? 0) >= SAME_COPY) copies++;
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

function compareQuotes(articles: CompareInput[], perArticle: StorySentence[][]): QuotedPerson[] {
  const people = new Map<string, QuotedPerson>();
  articles.forEach((article, k) => {
    const body = reportageParagraphs(article.text).join('\n');
    const quotes = extractQuotes(body, extractEntities(body, article.lang));
    for (const q of quotes) {
      const sentence = sentenceContaining(perArticle[k]!, q.text);
      if (!sentence) continue;
      const key = q.speaker ? q.speaker.split(/\s+/).at(-1)!.toLowerCase() : '';
      const person = people.get(key) ?? { speaker: q.speaker, quotes: [], siteNames: [] };
      if (q.speaker && (!person.speaker || q.speaker.length > person.speaker.length)) person.speaker = q.speaker;
      const terms = termsOf(q.text, article.lang);
      const same = person.quotes.find((existing) => overlap(termsOf(existing.text, article.lang), terms) >= 0.5);
      if (same) {
        if (!same.sources.some((s) => s.articleId === article.id)) {
          same.sources.push(sentence);
          same.siteNames.push(article.siteName);
        }
      } else person.quotes.push({ text: q.text, sources: [sentence], siteNames: [article.siteName] });
      if (!person.siteNames.includes(article.siteName)) person.siteNames.push(article.siteName);
      people.set(key, person);
    }
  });
  // Named speakers first, the most widely quoted first.
  return [...people.values()].sort((a, b) => Number(!a.speaker) - Number(!b.speaker) || b.siteNames.length - a.siteNames.length);
}

function sentenceContaining(list: StorySentence[], quote: string): SentenceRef | null {
  const probe = quote.slice(0, 40);
  return list.find((s) => s.ref.text.includes(probe))?.ref ?? list.find((s) => quote.includes(s.ref.text.slice(0, 40)))?.ref ?? null;
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
