import type { Pin, PinView } from '../shared/messages';
import { broadcast } from '../shared/messaging';
import { getArticle } from './store/articles';
import { relatedTo } from './store/library';
import { addPin, listPins, removePin } from './store/pins';
import { db } from './store/schema';

export async function pinStory(articleId: string): Promise<Pin> {
  const database = await db();
  const article = await getArticle(database, articleId);
  if (!article) throw new Error('That article is no longer in your library.');
  const related = await relatedTo(database, articleId);
  const pin = await addPin(database, {
    articleId,
    title: article.title,
    siteName: article.siteName,
    url: article.url,
    publishedAt: article.publishedAt,
    relatedIds: related.map((r) => r.id),
    pinnedAt: new Date().toISOString(),
  });
  broadcast('pins/changed');
  return pin;
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
    pins.map(async (pin) => {
      const outlets = new Set([pin.siteName]);
      for (const id of pin.relatedIds) {
        const a = await getArticle(database, id);
        if (a) outlets.add(a.siteName);
      }
      return { ...pin, outlets: [...outlets] };
    }),
  );
}
