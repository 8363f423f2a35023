/**
 * Figures across reports: the ones several give alike, and the ones where
 * reports of the same statement give different values ("a 90-day deadline"
 * against "a July deadline").
 */
import { figureKey, isContentTerm, normalizeTerm, type Figure } from '../analysis';
import type { StorySentence } from './sentences';
import { canonicalTerm } from './synonyms';
import type { AgreedFigure, CompareInput, FigureDispute, FigureMention, SharedStatement } from './types';

/** Figures of these kinds can be compared with each other. */
function kindClass(f: Figure): string {
  if (f.kind === 'duration' || f.kind === 'date' || f.kind === 'year') return 'time';
  return f.kind;
}

/**
 * Dates without a year compare on month and day; months alone on the month; years on
 * the year itself (the analysis key rounds large values to three digits, which would
 * make 2015 and 2019 one figure).
 */
export function keyOf(f: Figure): string {
  if (f.unit === 'month') return `month:${f.value}`;
  return f.kind === 'year' ? `year:${f.value}` : figureKey(f);
}

export interface Located {
  figure: Figure;
  article: number;
  sentence: StorySentence;
}

export function compareFigures(
  articles: CompareInput[],
  perArticle: StorySentence[][],
  shared: SharedStatement[],
  reportOf: Map<number, number>,
  similarity: (a: Located, b: Located) => number,
): { agreed: AgreedFigure[]; disputed: FigureDispute[] } {
  const indexOf = new Map(articles.map((a, i) => [a.id, i]));
  const mention = ({ figure, article, sentence }: Located): FigureMention => ({
    articleId: articles[article]!.id,
    siteName: articles[article]!.siteName,
    text: figure.text,
    sentence: sentence.ref,
  });

  // Which reports give each figure anywhere in their text.
  const byKey = new Map<string, Located[]>();
  perArticle.forEach((list, article) => {
    for (const sentence of list) {
      for (const figure of sentence.figures) {
        const key = keyOf(figure);
        const found = byKey.get(key) ?? [];
        if (!found.some((l) => l.article === article)) found.push({ figure, article, sentence });
        byKey.set(key, found);
      }
    }
  });
  const reportsOf = (key: string) => new Set((byKey.get(key) ?? []).map((l) => reportOf.get(l.article)!));

  const agreed: AgreedFigure[] = [...byKey.entries()]
    .filter(([, found]) => new Set(found.map((l) => reportOf.get(l.article))).size >= 2)
    .map(([, found]) => ({ text: found[0]!.figure.text, kind: found[0]!.figure.kind, mentions: found.map(mention) }))
    .sort((a, b) => b.mentions.length - a.mentions.length);

  const disputed: FigureDispute[] = [];
  const seen = new Set<string>();
  for (const statement of shared) {
    const located: Located[] = statement.sources.flatMap((ref) => {
      const article = indexOf.get(ref.articleId)!;
      const sentence = perArticle[article]![ref.index]!;
      return sentence.figures.map((figure) => ({ figure, article, sentence }));
    });
    const byClass = new Map<string, Located[]>();
    // When each sentence of the statement gives exactly one count, the counts are of the same thing
    // ("340 residents", "about 400 evacuated"); otherwise only counts of the same noun are rivals.
    const counts = located.filter((l) => l.figure.kind === 'count');
    const oneCountEach = counts.length === statement.sources.length && new Set(counts.map((l) => l.article)).size === counts.length;
    for (const l of located) {
      const cls = l.figure.kind === 'count' ? (oneCountEach ? 'count' : `count:${l.figure.unit}`) : kindClass(l.figure);
      byClass.set(cls, [...(byClass.get(cls) ?? []), l]);
    }
    for (const group of byClass.values()) {
      const keys = [...new Set(group.map((l) => keyOf(l.figure)))];
      const articlesInGroup = new Set(group.map((l) => l.article));
      if (keys.length < 2 || articlesInGroup.size < 2) continue;
      // A sentence giving several figures of one kind ("from $2.25 to $2.75") pairs them with no way to tell which is which.
      if (articlesInGroup.size !== group.length) continue;
      if (!plausiblyOneQuantity(group.map((l) => l.figure))) continue;
      // Rivals only when each value has a report that does not also give the other anywhere.
      const rivals = keys.some((a) => keys.some((b) => a !== b && differsFrom(reportsOf(a), reportsOf(b)) && differsFrom(reportsOf(b), reportsOf(a))));
      const id = keys.sort().join('|');
      if (!rivals || seen.has(id)) continue;
      seen.add(id);
      disputed.push({
        subject: subjectOf(group),
        values: keys.map((key) => ({
          key,
          text: group.find((l) => keyOf(l.figure) === key)!.figure.text,
          mentions: (byKey.get(key) ?? []).map(mention),
        })),
      });
    }
  }
  // Rival values of one quantity that the statements did not line up: the same counted thing
  // (or currency, or time unit) in sentences about the same matter, from different reports.
  const all: Located[] = [];
  const units: string[] = [];
  perArticle.forEach((list, article) => {
    for (const sentence of list) {
      for (const figure of sentence.figures) {
        const unit = comparableUnit(figure);
        if (unit === null) continue;
        all.push({ figure, article, sentence });
        units.push(unit);
      }
    }
  });
  const keys = all.map((l) => keyOf(l.figure));
  const reportSets = new Map<string, Set<number>>();
  for (const key of keys) if (!reportSets.has(key)) reportSets.set(key, reportsOf(key));
  const buckets = new Map<string, number[]>();
  units.forEach((unit, i) => buckets.set(unit, [...(buckets.get(unit) ?? []), i]));
  const parent = all.map((_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i]!)));
  const linked = new Set<number>();
  for (const members of buckets.values()) {
    for (let p = 0; p < members.length; p++) {
      for (let q = p + 1; q < members.length; q++) {
        const x = members[p]!;
        const y = members[q]!;
        const a = all[x]!;
        const b = all[y]!;
        const ka = keys[x]!;
        const kb = keys[y]!;
        if (ka === kb || reportOf.get(a.article) === reportOf.get(b.article)) continue;
        if (find(x) === find(y) || !plausiblyOneQuantity([a.figure, b.figure])) continue;
        const ra = reportSets.get(ka)!;
        const rb = reportSets.get(kb)!;
        if (!differsFrom(ra, rb) || !differsFrom(rb, ra)) continue;
        if (similarity(a, b) < RELATED_CONTEXT) continue;
        parent[find(x)] = find(y);
        linked.add(x).add(y);
      }
    }
  }
  const groups = new Map<number, Located[]>();
  for (const i of linked) groups.set(find(i), [...(groups.get(find(i)) ?? []), all[i]!]);
  for (const group of groups.values()) {
    const values = [...new Set(group.map((l) => keyOf(l.figure)))].sort();
    const known = new Set(disputed.flatMap((d) => d.values.map((v) => v.key)));
    if (values.length < 2 || values.every((k) => known.has(k))) continue;
    disputed.push({
      subject: subjectOf(group),
      values: values.map((key) => ({ key, text: group.find((l) => keyOf(l.figure) === key)!.figure.text, mentions: (byKey.get(key) ?? []).map(mention) })),
    });
  }
  return { agreed, disputed };
}

/** Sentences about the same matter share at least this much (IDF-weighted cosine, figures aside). */
const RELATED_CONTEXT = 0.12;
/** Small counts ("two firefighters were treated", "four firefighters arrived") are too often different facts. */
const MIN_COUNT = 5;

/** What a figure counts or measures, in a form two reports share; null for figures not worth comparing. */
function comparableUnit(f: Figure): string | null {
  if (f.kind === 'count') return f.value >= MIN_COUNT ? `count:${canonicalTerm(f.unit)}` : null;
  if (f.kind === 'money' || f.kind === 'percent' || f.kind === 'magnitude') return `${f.kind}:${f.unit}`;
  if (f.kind === 'duration') return `duration:${f.unit}`;
  return null;
}



/** Reports' estimates of one quantity differ by a margin; values further apart are different quantities. */
const MAX_ESTIMATE_RATIO = 2;

function plausiblyOneQuantity(figures: Figure[]): boolean {
  if (figures.some((f) => f.kind === 'date' || f.kind === 'duration' || f.kind === 'year')) return true;
  const values = figures.map((f) => f.value).filter((v) => v > 0);
  return values.length === figures.length && Math.max(...values) <= Math.min(...values) * MAX_ESTIMATE_RATIO;
}

function differsFrom(a: Set<number>, b: Set<number>): boolean {
  for (const x of a) if (!b.has(x)) return true;
  return false;
}

/** The word the figures qualify ("deadline", "homes"), else what kind of figure they are. */
function subjectOf(group: Located[]): string {
  const votes = new Map<string, number>();
  for (const { figure, sentence } of group) {
    const after = sentence.ref.text.slice(sentence.ref.text.indexOf(figure.text) + figure.text.length);
    const next = /^\s*([\p{L}-]{3,})/u.exec(after)?.[1];
    const word = figure.kind === 'count' ? figure.text.split(/\s+/).at(-1) : next && isContentTerm(normalizeTerm(next)) ? next : undefined;
    if (word) votes.set(word.toLowerCase(), (votes.get(word.toLowerCase()) ?? 0) + 1);
  }
  const top = [...votes.entries()].sort((a, b) => b[1] - a[1])[0]?.[0];
  return top ?? KIND_NAMES[group[0]!.figure.kind] ?? group[0]!.figure.kind;
}

const KIND_NAMES: Record<string, string> = {
  percent: 'percentage',
  money: 'amount',
  date: 'date',
  year: 'year',
  duration: 'duration',
  magnitude: 'magnitude',
  age: 'age',
};
