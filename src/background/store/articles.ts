import type { CapturedArticle, StoredArticle } from '../../core/article';
import { describeStorageError, type ParallaxDB } from './schema';

/** Most articles the related-coverage scan reads; the newest are kept. */
const SCAN_LIMIT = 5_000;

/**
 * Saves a capture, replacing the earlier capture of the same canonical URL
 * (keeping its id and first capture time). Resolves once the write has committed.
 */
export async function saveArticle(db: ParallaxDB, captured: CapturedArticle, now = new Date()): Promise<StoredArticle> {
  try {
    const tx = db.transaction('articles', 'readwrite');
    const existing = await tx.store.index('by-url').get(captured.canonicalUrl);
    const stored: StoredArticle = {
      ...captured,
      id: existing?.id ?? crypto.randomUUID(),
      capturedAt: existing?.capturedAt ?? now.toISOString(),
      updatedAt: now.toISOString(),
    };
    await tx.store.put(stored);
    await tx.done;
    return stored;
  } catch (err) {
    throw describeStorageError(err);
  }
}

export function getArticle(db: ParallaxDB, id: string): Promise<StoredArticle | undefined> {
  return db.get('articles', id);
}

/** The newest stored articles, newest first. */
export async function recentArticles(db: ParallaxDB, limit = SCAN_LIMIT): Promise<StoredArticle[]> {
  const out: StoredArticle[] = [];
  let cursor = await db.transaction('articles').store.index('by-captured').openCursor(null, 'prev');
  while (cursor && out.length < limit) {
    out.push(cursor.value);
    cursor = await cursor.continue();
  }
  return out;
}
