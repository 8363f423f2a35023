/** Compares the reports of one story, read from the store by id. */
import type { CompareInput, Comparison, PairAlignment } from '../core/compare';
import { alignPair, compareStory } from '../core/compare';
import type { StoredArticle } from '../core/article';
import { getArticle } from './store/articles';
import { db } from './store/schema';

/**
 * Comparisons started moments ago, so that the sidebar's request, which comes
 * right after it has shown the related list, finds the work already under way.
 * Only a speed-up: losing it with the worker costs one recomputation.
 */
const recent = new Map<string, { at: number; result: Promise<Comparison> }>();
const FRESH_MS = 20_000;

export function compareArticles(ids: string[]): Promise<Comparison> {
  const key = ids.join(' ');
  const now = Date.now();
  for (const [k, v] of recent) if (now - v.at > FRESH_MS) recent.delete(k);
  const hit = recent.get(key);
  if (hit) return hit.result;
  const result = computeComparison(ids);
  recent.set(key, { at: now, result });
  result.catch(() => recent.delete(key));
  return result;
}

async function computeComparison(ids: string[]): Promise<Comparison> {
  const database = await db();
  const found = await Promise.all([...new Set(ids)].map((id) => getArticle(database, id)));
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
