/** Compares the reports of one story, read from the store by id. */
import type { CompareInput, Comparison, PairAlignment } from '../core/compare';
import { alignPair, compareStory } from '../core/compare';
import type { StoredArticle } from '../core/article';
import { getArticle } from './store/articles';
import { db } from './store/schema';

/**
 * Comparisons of the story sets asked for lately, whichever of their articles
 * the reader opens: each set is compared once in one fixed order and shown in
 * the order asked for. A capture of one of their articles drops them (its text
 * may have changed); age bounds what nothing else told us about. Only a
 * speed-up: losing it with the worker costs one recomputation.
 */
const recent = new Map<string, { at: number; ids: ReadonlySet<string>; result: Promise<Comparison> }>();
const KEPT_SETS = 6;
const FRESH_MS = 10 * 60_000;

const setKey = (ids: string[]) => [...new Set(ids)].sort().join(' ');

function comparisonOfSet(ids: string[]): Promise<Comparison> {
  const key = setKey(ids);
  const now = Date.now();
  for (const [k, v] of recent) if (now - v.at > FRESH_MS) recent.delete(k);
  const hit = recent.get(key);
  if (hit) {
    recent.delete(key);
    recent.set(key, hit);
    return hit.result;
  }
  const result = computeComparison(key.split(' '));
  if (recent.size >= KEPT_SETS) recent.delete(recent.keys().next().value!);
  const entry = { at: now, ids: new Set(key.split(' ')), result };
  recent.set(key, entry);
  result.catch(() => recent.get(key) === entry && recent.delete(key));
  return result;
}

export async function compareArticles(ids: string[]): Promise<Comparison> {
  return inOrder(await comparisonOfSet(ids), ids);
}

/** A comparison's per-article lists in the order asked for: the reader's article first. */
function inOrder(c: Comparison, ids: string[]): Comparison {
  const rank = new Map<string, number>();
  ids.forEach((id, i) => rank.has(id) || rank.set(id, i));
  const by = <T extends { articleId: string }>(list: T[]) => [...list].sort((a, b) => rank.get(a.articleId)! - rank.get(b.articleId)!);
  return { ...c, outlets: by(c.outlets), onlyHere: by(c.onlyHere), headlines: by(c.headlines) };
}

/** A new capture of an article may carry new text: nothing compared from the old one stays. */
export function forgetComparisonsOf(articleId: string): void {
  for (const [k, v] of recent) if (v.ids.has(articleId)) recent.delete(k);
}

let warming: ReturnType<typeof setTimeout> | undefined;
/** After a burst of captures settles, so that one comparison serves them all. */
const WARM_AFTER_MS = 400;

/**
 * Compares a story's set ahead of the sidebar asking, right after a capture
 * changed it: opening the sidebar then finds the work done. Captures in quick
 * succession (a reader opening several tabs) warm only the last set.
 */
export function warmComparison(ids: string[]): void {
  clearTimeout(warming);
  if (new Set(ids).size < 2) return;
  warming = setTimeout(() => void comparisonOfSet(ids).catch(() => undefined), WARM_AFTER_MS);
}

async function computeComparison(ids: string[]): Promise<Comparison> {
  const database = await db();
  const found = await Promise.all(ids.map((id) => getArticle(database, id)));
  const articles = found.filter((a) => a !== undefined);
  if (!articles.length) throw new Error('None of these articles is stored any more.');
  return compareStory(articles.map(toInput));
}

export async function alignArticles(articleId: string, otherId: string): Promise<PairAlignment> {
  const database = await db();
  const [a, b] = await Promise.all([getArticle(database, articleId), getArticle(database, otherId)]);
  if (!a || !b) throw new Error('One of these articles is no longer stored.');
  return alignPair(toInput(a), toInput(b));
}

function toInput(a: StoredArticle): CompareInput {
  return { id: a.id, siteName: a.siteName, title: a.title, text: a.text, url: a.url, publishedAt: a.publishedAt, modifiedAt: a.modifiedAt, lang: a.lang };
}
