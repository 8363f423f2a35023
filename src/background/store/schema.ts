/**
 * The IndexedDB schema and every upgrade step. This is the only file that
 * knows the database's shape; each version's step runs once, in order, so a
 * database of any earlier version reaches the current one by the same path.
 *
 * v1: articles, pins, meta (settings).
 * v2: the matching index (signatures filed under their keys, document
 *     frequencies), where each article sits (story, report), stories, and
 *     the reader's feedback. Signatures hold count weights only; the
 *     frequencies are applied when articles are compared, so nothing stored
 *     depends on the order articles were filed in. Articles of a v1 database are indexed after the
 *     upgrade (see `indexPending` in library.ts): an upgrade transaction
 *     must not wait on anything but IndexedDB, and indexing reads back what
 *     it wrote, so it runs in ordinary transactions that survive a stopped
 *     worker by resuming where they left off.
 */
import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import type { StoredArticle } from '../../core/article';
import type { Signature } from '../../core/matching/signature';
import type { Pin } from '../../shared/messages';

export const DB_NAME = 'parallax';
export const DB_VERSION = 2;

/** What the related list shows of an article, kept beside its signature so ranking never reads whole texts. */
export interface ArticleSummary {
  title: string;
  siteName: string;
  url: string;
  publishedAt: string | null;
  wordCount: number;
}

export interface IndexedArticle extends Signature {
  summary: ArticleSummary;
}

export interface Placement {
  articleId: string;
  storyId: string;
  /** The first article of the group of near-identical texts this one belongs to (itself if none). */
  reportId: string;
  /** Its best matches' scores when it arrived (story-seams.ts weighs a story's members with them); absent before. */
  links?: [string, number][];
}

export interface Story {
  id: string;
  members: string[];
  createdAt: string;
  updatedAt: string;
}

export type FeedbackKind = 'split' | 'merge';

export interface Feedback {
  /** `${kind}:${a}:${b}` with a < b: one record per pair and kind, the latest kept. */
  id: string;
  kind: FeedbackKind;
  pair: [string, string];
  at: string;
}

export interface ParallaxSchema extends DBSchema {
  articles: {
    key: string;
    value: StoredArticle;
    indexes: { 'by-url': string; 'by-captured': string };
  };
  pins: {
    key: string;
    value: Pin;
    indexes: { 'by-article': string };
  };
  /** Small named values: settings and bookkeeping. */
  meta: { key: string; value: unknown };
  signatures: {
    key: string;
    value: IndexedArticle;
    indexes: { 'by-key': string };
  };
  /** Key (term, @entity, #figure) → how many indexed articles have it. */
  frequencies: { key: string; value: number };
  placements: {
    key: string;
    value: Placement;
    indexes: { 'by-story': string; 'by-report': string };
  };
  stories: { key: string; value: Story };
  feedback: {
    key: string;
    value: Feedback;
    indexes: { 'by-article': string };
  };
}

export type ParallaxDB = IDBPDatabase<ParallaxSchema>;

/** Meta keys of the index's bookkeeping. */
export const INDEX_SIZE = 'index-size';
export const INDEX_PENDING = 'index-pending';

export function openParallaxDB(name = DB_NAME): Promise<ParallaxDB> {
  return openDB<ParallaxSchema>(name, DB_VERSION, {
    upgrade(db, oldVersion, _newVersion, tx) {
      if (oldVersion < 1) {
        const articles = db.createObjectStore('articles', { keyPath: 'id' });
        articles.createIndex('by-url', 'canonicalUrl', { unique: true });
        articles.createIndex('by-captured', 'capturedAt');
        const pins = db.createObjectStore('pins', { keyPath: 'id' });
        pins.createIndex('by-article', 'articleId', { unique: true });
        db.createObjectStore('meta');
      }
      if (oldVersion < 2) {
        const signatures = db.createObjectStore('signatures', { keyPath: 'id' });
        signatures.createIndex('by-key', 'keys', { multiEntry: true });
        db.createObjectStore('frequencies');
        const placements = db.createObjectStore('placements', { keyPath: 'articleId' });
        placements.createIndex('by-story', 'storyId');
        placements.createIndex('by-report', 'reportId');
        db.createObjectStore('stories', { keyPath: 'id' });
        const feedback = db.createObjectStore('feedback', { keyPath: 'id' });
        feedback.createIndex('by-article', 'pair', { multiEntry: true });
        const meta = tx.objectStore('meta');
        void meta.put(0, INDEX_SIZE);
        // Articles saved by v1 are indexed once the upgrade is done.
        if (oldVersion >= 1) void meta.put(true, INDEX_PENDING);
      }
    },
    blocking() {
      // A newer version wants the database: step aside so it can upgrade.
      void dbPromise?.then((db) => db.close());
      dbPromise = null;
    },
  });
}

let dbPromise: Promise<ParallaxDB> | null = null;

/** The shared connection of this context, opened on first use. */
export function db(): Promise<ParallaxDB> {
  dbPromise ??= openParallaxDB().catch((err: unknown) => {
    dbPromise = null;
    throw err;
  });
  return dbPromise;
}

/** Turns IndexedDB's quota error into words a reader can act on. */
export function describeStorageError(err: unknown): Error {
  const name = err instanceof DOMException || err instanceof Error ? err.name : '';
  if (name === 'QuotaExceededError') {
    return new Error('Your browser has no room left for Parallax to save this article. Nothing already saved was lost; unpin or clear old coverage in Options to make room.');
  }
  return err instanceof Error ? err : new Error(String(err));
}
