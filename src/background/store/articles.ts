import type { CapturedArticle, StoredArticle } from '../../core/article';
import { describeStorageError, type ParallaxDB } from './schema';

/** Most articles the related-coverage scan reads; the newest are kept. */
const SCAN_LIMIT = 5_000;

/** The articles store of whichever read-write transaction the caller holds. */
interface ArticleStore {
  index(name: 'by-url'): { get(url: string): Promise<StoredArticle | undefined> };
  put(article: StoredArticle): Promise<unknown>;
}

/**
 * Puts a capture in the store of an open transaction, replacing the earlier
 * capture of the same canonical URL (keeping its id and first capture time).
 * Returns the record and whether it is new.
 */
export async function upsertArticle(store: ArticleStore, captured: CapturedArticle, now: Date): Promise<{ stored: StoredArticle; previous: StoredArticle | undefined }> {
  const previous = await store.index('by-url').get(captured.canonicalUrl);
  const stored: StoredArticle = {
    ...captured,
    id: previous?.id ?? crypto.randomUUID(),
    capturedAt: previous?.capturedAt ?? now.toISOString(),
    updatedAt: now.toISOString(),
  };
  await store.put(stored);
  return { stored, previous };
}

/**
 * Saves a capture without indexing it. Resolves once the write has committed.
 */
export async function saveArticle(db: ParallaxDB, captured: CapturedArticle, now = new Date()): Promise<StoredArticle> {
  try {
    const tx = db.transaction('articles', 'readwrite');
    const { stored } = await upsertArticle(tx.store, captured, now);
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
