import type { Pin } from '../../shared/messages';
import { describeStorageError, type ParallaxDB } from './schema';

export async function addPin(db: ParallaxDB, pin: Omit<Pin, 'id'>): Promise<Pin> {
  try {
    const tx = db.transaction('pins', 'readwrite');
    const existing = await tx.store.index('by-article').get(pin.articleId);
    const saved: Pin = { ...pin, id: existing?.id ?? pin.articleId, pinnedAt: existing?.pinnedAt ?? pin.pinnedAt };
    await tx.store.put(saved);
    await tx.done;
    return saved;
  } catch (err) {
    throw describeStorageError(err);
  }
}

export async function removePin(db: ParallaxDB, pinId: string): Promise<boolean> {
  const tx = db.transaction('pins', 'readwrite');
  const existed = (await tx.store.getKey(pinId)) !== undefined;
  await tx.store.delete(pinId);
  await tx.done;
  return existed;
}

export async function pinForArticle(db: ParallaxDB, articleId: string): Promise<Pin | undefined> {
  return db.getFromIndex('pins', 'by-article', articleId);
}

/** Every pin, newest first. */
export async function listPins(db: ParallaxDB): Promise<Pin[]> {
  const pins = await db.getAll('pins');
  return pins.sort((a, b) => b.pinnedAt.localeCompare(a.pinnedAt));
}
