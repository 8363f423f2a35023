/**
 * The IndexedDB schema and every upgrade step. This is the only file that
 * knows the database's shape; each version's step runs once, in order, so a
 * database of any earlier version reaches the current one by the same path.
 */
import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import type { StoredArticle } from '../../core/article';
import type { Pin } from '../../shared/messages';

export const DB_NAME = 'parallax';
export const DB_VERSION = 1;

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
}

export type ParallaxDB = IDBPDatabase<ParallaxSchema>;

export function openParallaxDB(name = DB_NAME): Promise<ParallaxDB> {
  return openDB<ParallaxSchema>(name, DB_VERSION, {
    upgrade(db, oldVersion) {
      if (oldVersion < 1) {
        const articles = db.createObjectStore('articles', { keyPath: 'id' });
        articles.createIndex('by-url', 'canonicalUrl', { unique: true });
        articles.createIndex('by-captured', 'capturedAt');
        const pins = db.createObjectStore('pins', { keyPath: 'id' });
        pins.createIndex('by-article', 'articleId', { unique: true });
        db.createObjectStore('meta');
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
