import type { CapturedArticle, StoredArticle } from '../../core/article';
import { changesOf, nextVersions, type ArticleVersion, type VersionChange } from '../../core/versions';
import { describeStorageError, type ParallaxDB } from './schema';

/** Most articles the related-coverage scan reads; the newest are kept. */
const SCAN_LIMIT = 5_000;

/**
 * A capture as the content script sends it: `visit` names one page view
 * (a page load, or one address of a single-page app), so that captures of
 * an article still rendering are told apart from a later revisit.
 */
export type VisitCapture = CapturedArticle & { visit?: string };

/**
 * The stored record: the article as last captured, with the earlier versions
 * the reader saw (new optional fields: the database schema is unchanged).
 */
export type ArticleRecord = StoredArticle & { versions?: ArticleVersion[]; visit?: string };

/** The articles store of whichever read-write transaction the caller holds. */
interface ArticleStore {
  index(name: 'by-url'): { get(url: string): Promise<StoredArticle | undefined> };
  put(article: StoredArticle): Promise<unknown>;
}

/**
 * Puts a capture in the store of an open transaction, replacing the earlier
 * capture of the same canonical URL (keeping its id and first capture time).
 * On a revisit whose headline or text changed, the earlier version is kept in
 * `versions` with what changed; a re-capture within the same visit (the page
 * finishing its rendering) or a capture cut short replaces without a version.
 * Returns the record and whether it is new.
 */
export async function upsertArticle(store: ArticleStore, captured: VisitCapture, now: Date): Promise<{ stored: StoredArticle; previous: StoredArticle | undefined }> {
  const previous = (await store.index('by-url').get(captured.canonicalUrl)) as ArticleRecord | undefined;
  const seenAt = now.toISOString();
  const sameVisit = previous?.visit !== undefined && previous.visit === captured.visit;
  const versions = previous && !sameVisit && !captured.truncated ? nextVersions(previous, captured, seenAt) : previous?.versions;
  const stored: ArticleRecord = {
    ...captured,
    id: previous?.id ?? crypto.randomUUID(),
    capturedAt: previous?.capturedAt ?? seenAt,
    updatedAt: seenAt,
    ...(versions?.length ? { versions } : {}),
  };
  await store.put(stored);
  return { stored, previous };
}

/** What changed in an article between the versions the reader saw, oldest first. */
export function articleChanges(article: StoredArticle): VersionChange[] {
  return changesOf(article as ArticleRecord);
}

/** The record without its earlier texts, for messages that only need what changed. */
export function withoutVersions(article: StoredArticle): StoredArticle {
  const { versions: _versions, visit: _visit, ...rest } = article as ArticleRecord;
  return rest;
}

/**
 * Saves a capture without indexing it. Resolves once the write has committed.
 */
export async function saveArticle(db: ParallaxDB, captured: VisitCapture, now = new Date()): Promise<StoredArticle> {
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
