/**
 * The extraction benchmark's figures, defined as ../shared/scorers/extract-score.py
 * computes them (that script is what reviewers run; these must agree with it).
 */

export interface GoldPage {
  id: string;
  set: string;
  type: string;
  url: string;
  file: string;
  body: string;
  title?: string;
  author?: string;
  date?: string;
}

export interface Prediction {
  body: string;
  title: string;
  author: string;
  date: string;
  is_article: boolean;
}

// Python's `\w` under re.UNICODE: letters, numbers and underscore, but not combining marks.
const TOKEN = /[\p{L}\p{N}_]+/gu;
const tokens = (text: string): string[] => text.match(TOKEN) ?? [];

/** Multiset of 4-token shingles; a text shorter than 4 tokens is one short shingle. */
function shingles(text: string, n = 4): Map<string, number> {
  const toks = tokens(text);
  const out = new Map<string, number>();
  const count = Math.max(1, toks.length - n + 1);
  for (let i = 0; i < count; i++) {
    const gram = toks.slice(i, i + n);
    if (gram.length === 0) continue;
    const key = gram.join('\u0001');
    out.set(key, (out.get(key) ?? 0) + 1);
  }
  return out;
}

/** Shingle precision and recall of one page; an empty gold matched by an empty prediction scores 1. */
export function bodyPrecisionRecall(gold: string, predicted: string): { p: number; r: number } {
  const a = shingles(gold);
  const b = shingles(predicted);
  let tp = 0;
  let fp = 0;
  let fn = 0;
  for (const [key, x] of a) {
    const y = b.get(key) ?? 0;
    tp += Math.min(x, y);
    fn += Math.max(0, x - y);
  }
  for (const [key, y] of b) fp += Math.max(0, y - (a.get(key) ?? 0));
  if (fp === 0 && fn === 0) return { p: 1, r: 1 };
  return { p: tp + fp === 0 ? 0 : tp / (tp + fp), r: tp + fn === 0 ? 0 : tp / (tp + fn) };
}

const normal = (s: string): string => tokens(s.toLowerCase()).join(' ');

export const titleMatches = (gold: string, predicted: string): boolean => normal(gold) === normal(predicted);

export function authorMatches(gold: string, predicted: string): boolean {
  const want = new Set(normal(gold).split(' ').filter(Boolean));
  const have = new Set(normal(predicted).split(' '));
  if (want.size === 0) return false;
  let hit = 0;
  for (const t of want) if (have.has(t)) hit++;
  return hit / want.size >= 0.5;
}

export const dateMatches = (gold: string, predicted: string): boolean => predicted.slice(0, 10) === gold.slice(0, 10);

export interface SetScore {
  n: number;
  bodyP: number;
  bodyR: number;
  bodyF1: number;
  title: number | null;
  author: number | null;
  date: number | null;
}

const mean = (xs: number[]): number => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : 0);

function share(pages: GoldPage[], field: 'title' | 'author' | 'date', preds: Record<string, Prediction | undefined>, ok: (g: string, p: string) => boolean): number | null {
  const have = pages.filter((p) => p[field]);
  if (!have.length) return null;
  return have.filter((p) => ok(p[field]!, preds[p.id]?.[field] || '')).length / have.length;
}

/** Scores article pages of one set (or of all of them). */
export function scoreArticles(pages: GoldPage[], preds: Record<string, Prediction | undefined>): SetScore {
  const pr = pages.map((p) => bodyPrecisionRecall(p.body, preds[p.id]?.body ?? ''));
  const bodyP = mean(pr.map((x) => x.p));
  const bodyR = mean(pr.map((x) => x.r));
  return {
    n: pages.length,
    bodyP,
    bodyR,
    bodyF1: bodyP + bodyR ? (2 * bodyP * bodyR) / (bodyP + bodyR) : 0,
    title: share(pages, 'title', preds, titleMatches),
    author: share(pages, 'author', preds, authorMatches),
    date: share(pages, 'date', preds, dateMatches),
  };
}

/** Precision and recall of calling a page an article, over every page. */
export function scoreDetection(pages: GoldPage[], preds: Record<string, Prediction | undefined>): { n: number; precision: number; recall: number } {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  for (const p of pages) {
    const gold = p.type === 'article';
    const said = Boolean(preds[p.id]?.is_article);
    if (gold && said) tp++;
    else if (said) fp++;
    else if (gold) fn++;
  }
  return { n: pages.length, precision: tp + fp ? tp / (tp + fp) : 0, recall: tp + fn ? tp / (tp + fn) : 0 };
}
