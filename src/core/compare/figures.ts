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
  if (f.kind === 'year') return `year:${f.value}`;
  // "62 people" and "62 residents" are one figure.
  return f.kind === 'count' ? figureKey({ ...f, unit: canonicalTerm(f.unit) }) : figureKey(f);
}

/** keyOf for the figures of a story's sentences, which are compared many times over. */
const figureKeys = new WeakMap<Figure, string>();
function keyOfFigure(f: Figure): string {
  let key = figureKeys.get(f);
  if (key === undefined) figureKeys.set(f, (key = keyOf(f)));
  return key;
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
        const key = keyOfFigure(figure);
        const found = byKey.get(key) ?? [];
        if (!found.some((l) => l.article === article)) found.push({ figure, article, sentence });
        byKey.set(key, found);
      }
    }
  });
  // A change ("from $2.25 to $2.75") also gives its size (50 cents): a report stating it knows that value too.
  const implied = new Map<string, Set<number>>();
  perArticle.forEach((list, article) => {
    for (const sentence of list) {
      for (const size of changeSizes(sentence)) (implied.get(size) ?? implied.set(size, new Set()).get(size)!).add(reportOf.get(article)!);
    }
  });
  const reportSets = new Map<string, Set<number>>();
  const reportsOf = (key: string) => {
    let found = reportSets.get(key);
    if (!found) reportSets.set(key, (found = new Set([...(byKey.get(key) ?? []).map((l) => reportOf.get(l.article)!), ...(implied.get(key) ?? [])])));
    return found;
  };

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
      // Before and after values of a change compare only with the same end of another change.
      const cls = `${l.figure.kind === 'count' ? (oneCountEach ? 'count' : `count:${l.figure.unit}`) : kindClass(l.figure)}:${roleOf(l.figure, l.sentence) ?? ''}`;
      const list = byClass.get(cls);
      if (list) list.push(l);
      else byClass.set(cls, [l]);
    }
    for (const candidates of byClass.values()) {
      // A value that can be true alongside every other ("more than 300" beside 340 and about 400) disputes nothing.
      const group = candidates.filter((x) => candidates.some((y) => keyOfFigure(y.figure) !== keyOfFigure(x.figure) && !compatible(x, y)));
      const keys = [...new Set(group.map((l) => keyOfFigure(l.figure)))];
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
          text: group.find((l) => keyOfFigure(l.figure) === key)!.figure.text,
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
        // An end of a change is compared only where the statements line up (above): alone it is half a fact.
        if (unit === null || roleOf(figure, sentence) !== null) continue;
        all.push({ figure, article, sentence });
        units.push(unit);
      }
    }
  });
  const keys = all.map((l) => keyOfFigure(l.figure));
  const buckets = new Map<string, number[]>();
  units.forEach((unit, i) => {
    const list = buckets.get(unit);
    if (list) list.push(i);
    else buckets.set(unit, [i]);
  });
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
        if (find(x) === find(y) || !plausiblyOneQuantity([a.figure, b.figure]) || compatible(a, b)) continue;
        const ra = reportsOf(ka);
        const rb = reportsOf(kb);
        if (!differsFrom(ra, rb) || !differsFrom(rb, ra)) continue;
        if (similarity(a, b) < (a.figure.kind === 'count' ? RELATED_CONTEXT : RELATED_AMOUNT_CONTEXT)) continue;
        parent[find(x)] = find(y);
        linked.add(x).add(y);
      }
    }
  }
  const groups = new Map<number, Located[]>();
  for (const i of linked) {
    const list = groups.get(find(i));
    if (list) list.push(all[i]!);
    else groups.set(find(i), [all[i]!]);
  }
  for (const group of groups.values()) {
    const values = [...new Set(group.map((l) => keyOfFigure(l.figure)))].sort();
    const known = new Set(disputed.flatMap((d) => d.values.map((v) => v.key)));
    if (values.length < 2 || values.every((k) => known.has(k))) continue;
    disputed.push({
      subject: subjectOf(group),
      values: values.map((key) => ({ key, text: group.find((l) => keyOfFigure(l.figure) === key)!.figure.text, mentions: (byKey.get(key) ?? []).map(mention) })),
    });
  }
  return { agreed, disputed };
}

/** Sentences about the same matter share at least this much (IDF-weighted cosine, figures aside). */
const RELATED_CONTEXT = 0.12;
/**
 * A count names what it counts ("75 firefighters"); a sum or a share does not, so the sentences
 * around two of them must share more before they are taken for one quantity.
 */
const RELATED_AMOUNT_CONTEXT = 0.2;
/** Small counts ("two firefighters were treated", "four firefighters arrived") are too often different facts. */
export const MIN_COUNT = 5;

/** What a figure counts or measures, in a form two reports share; null for figures not worth comparing. */
function comparableUnit(f: Figure): string | null {
  if (f.kind === 'count') return f.value >= MIN_COUNT ? `count:${canonicalTerm(f.unit)}` : null;
  if (f.kind === 'money' || f.kind === 'percent' || f.kind === 'magnitude') return `${f.kind}:${f.unit}`;
  if (f.kind === 'duration') return `duration:${f.unit}`;
  return null;
}



/** Which end of a change a figure is, when its sentence gives both ends ("from $2.25 to $2.75", "to $95 from $80"). */
function roleOf(f: Figure, sentence: StorySentence): 'from' | 'to' | null {
  const ends = changeEnds(sentence).find(([from, to]) => from === f || to === f);
  return ends ? (ends[0] === f ? 'from' : 'to') : null;
}

const endsCache = new WeakMap<StorySentence, [Figure, Figure][]>();

/** The (before, after) figure pairs of a sentence: "from X to Y" or "to Y from X", both of one kind and unit. */
function changeEnds(sentence: StorySentence): [Figure, Figure][] {
  const cached = endsCache.get(sentence);
  if (cached) return cached;
  const text = sentence.ref.text;
  const word = (f: Figure) => /(\w+)\W*$/.exec(text.slice(Math.max(0, f.start - 12), f.start))?.[1]?.toLowerCase();
  const out: [Figure, Figure][] = [];
  const figures = sentence.figures;
  for (let i = 0; i + 1 < figures.length; i++) {
    const a = figures[i]!;
    const b = figures[i + 1]!;
    if (a.kind !== b.kind || a.unit !== b.unit || b.start - (a.start + a.text.length) > 12) continue;
    if (word(a) === 'from' && word(b) === 'to') out.push([a, b]);
    else if (word(a) === 'to' && word(b) === 'from') out.push([b, a]);
  }
  endsCache.set(sentence, out);
  return out;
}

/** Keys of the sizes of a sentence's changes: "from $2.25 to $2.75" gives a change of $0.50. */
function changeSizes(sentence: StorySentence): string[] {
  return changeEnds(sentence)
    .filter(([from]) => from.kind === 'money' || from.kind === 'count' || from.kind === 'percent')
    .map(([from, to]) => keyOf({ ...from, value: Number(Math.abs(to.value - from.value).toFixed(6)) }));
}

const AT_LEAST = /\b(?:more than|over|at least|upwards? of|in excess of|exceeding|above|nearly \d|well over)\s*$/i;
const AT_MOST = /\b(?:less than|fewer than|under|at most|up to|below|no more than|as (?:high|many|much) as)\s*$/i;
const ABOUT = /\b(?:about|around|roughly|approximately|nearly|almost|some|an estimated|estimated|close to|an? (?:approximate|estimated))\s*$/i;
/** How far "about 400" may stray. */
const APPROXIMATE = 0.06;

/** The values a figure allows, read from the qualifier before it: "more than 300", "about $4 million", "up to 125%". */
function range({ figure, sentence }: Located): [number, number] {
  const cached = ranges.get(figure);
  if (cached) return cached;
  const r = readRange(figure, sentence);
  ranges.set(figure, r);
  return r;
}

const ranges = new WeakMap<Figure, [number, number]>();

function readRange(figure: Figure, sentence: StorySentence): [number, number] {
  const before = sentence.ref.text.slice(Math.max(0, figure.start - 30), figure.start).replace(/["“”]/g, '').trimEnd() + ' ';
  const v = figure.value;
  if (AT_LEAST.test(before)) return [v, Infinity];
  if (AT_MOST.test(before)) return [0, v];
  if (ABOUT.test(before)) return [v * (1 - APPROXIMATE), v * (1 + APPROXIMATE)];
  return [v, v];
}

/**
 * Two figures that can both be true are no disagreement: "more than 300" and
 * "340", "roughly $4 million" and "about $4.1 million".
 */
function compatible(a: Located, b: Located): boolean {
  if (kindClass(a.figure) === 'time' || a.figure.kind !== b.figure.kind) return false;
  const [a0, a1] = range(a);
  const [b0, b1] = range(b);
  return a0 <= b1 && b0 <= a1;
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
    // The noun after any one modifier: "$11.2 million operating deficit" is about the deficit.
    const [, first, second] = /^\s*([\p{L}-]{3,})(?:\s+([\p{L}-]{3,}))?/u.exec(after) ?? [];
    const next = second && isContentTerm(normalizeTerm(second)) && isContentTerm(normalizeTerm(first!)) ? second : first;
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
