/** Compares the reports of one story, read from the store by id. */
import type { Comparison } from '../core/compare';
import { compareStory } from '../core/compare';
import { getArticle } from './store/articles';
import { db } from './store/schema';

export async function compareArticles(ids: string[]): Promise<Comparison> {
  const database = await db();
  const found = await Promise.all([...new Set(ids)].map((id) => getArticle(database, id)));
  const articles = found.filter((a) => a !== undefined);
  if (!articles.length) throw new Error('None of these articles is stored any more.');
  return compareStory(
    articles.map((a) => ({
      id: a.id,
      siteName: a.siteName,
      title: a.title,
      text: a.text,
      url: a.url,
      publishedAt: a.publishedAt,
      modifiedAt: a.modifiedAt,
      lang: a.lang,
    })),
  );
}
