/**
 * Reads the articles Parallax has stored, from inside one of its own contexts
 * (an extension page or its worker), for the demo launcher and the tests.
 */
import type { Page, WebWorker } from 'puppeteer-core';

export interface StoredRow {
  title: string;
  canonicalUrl: string;
  siteName: string;
}

export function storedArticles(context: Page | WebWorker): Promise<StoredRow[]> {
  return (context as Page).evaluate(async () => {
    const open = indexedDB.open('parallax');
    // Looking must not create the database: an empty one would make Parallax skip its first schema step.
    open.onupgradeneeded = () => open.transaction?.abort();
    const db = await new Promise<IDBDatabase | null>((done) => {
      open.onsuccess = () => done(open.result);
      open.onerror = () => done(null);
    });
    if (!db) return [];
    try {
      if (!db.objectStoreNames.contains('articles')) return [];
      const all = db.transaction('articles').objectStore('articles').getAll();
      const rows = await new Promise<StoredRow[]>((done, fail) => {
        all.onsuccess = () => done(all.result as StoredRow[]);
        all.onerror = () => fail(all.error);
      });
      return rows.map(({ title, canonicalUrl, siteName }) => ({ title, canonicalUrl, siteName }));
    } finally {
      db.close();
    }
  });
}
