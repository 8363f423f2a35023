import type { Pin, PinKind, PinView } from '../shared/messages';
import { broadcast } from '../shared/messaging';
import { articleChanges, getArticle } from './store/articles';
import { relatedTo } from './store/library';
import { addPin, listPins, removePin } from './store/pins';
import { db } from './store/schema';

/** Pins the story of an article (with the coverage related to it now) or the article alone. */
export async function pin(articleId: string, kind: PinKind): Promise<Pin> {
  const database = await db();
  const article = await getArticle(database, articleId);
  if (!article) throw new Error('That article is no longer in your library.');
  const related = kind === 'story' ? await relatedTo(database, articleId) : [];
  const saved = await addPin(database, {
    kind,
    articleId,
    title: article.title,
    siteName: article.siteName,
    url: article.url,
    publishedAt: article.publishedAt,
    relatedIds: related.map((r) => r.id),
    pinnedAt: new Date().toISOString(),
  });
  broadcast('pins/changed');
  return saved;
}

export async function unpin(pinId: string): Promise<{ removed: boolean }> {
  const removed = await removePin(await db(), pinId);
  broadcast('pins/changed');
  return { removed };
}

export async function pinViews(): Promise<PinView[]> {
  const database = await db();
  const pins = await listPins(database);
  return Promise.all(
    pins.map(async (p) => {
      const article = await getArticle(database, p.articleId);
      const outlets = new Set([p.siteName]);
      for (const id of p.relatedIds) {
        const a = await getArticle(database, id);
        if (a) outlets.add(a.siteName);
      }
      // The article as stored now: its headline may have changed since it was pinned.
      const current = article ? { title: article.title, url: article.url } : {};
      return { ...p, ...current, kind: p.kind ?? 'story', outlets: [...outlets], changes: article ? articleChanges(article).length : 0 };
    }),
  );
}
