/** The benchmark's page script: the real store, run in the browser's own IndexedDB, and the MiniSearch reference. */
import { percentile, runStore } from './bench-store';
import { runMiniSearch } from './bench-minisearch';

/** The serialised MiniSearch index in IndexedDB, as an extension would keep it. */
async function persistInIndexedDB(json: string): Promise<() => Promise<string>> {
  const db = await new Promise<IDBDatabase>((resolve, reject) => {
    const open = indexedDB.open('minisearch-bench', 1);
    open.onupgradeneeded = () => open.result.createObjectStore('index');
    open.onsuccess = () => resolve(open.result);
    open.onerror = () => reject(open.error);
  });
  await new Promise<void>((resolve, reject) => {
    const tx = db.transaction('index', 'readwrite');
    tx.objectStore('index').put(json, 'json');
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error);
  });
  db.close();
  return () =>
    new Promise<string>((resolve, reject) => {
      // A fresh connection per read: a cold worker has none open.
      const open = indexedDB.open('minisearch-bench', 1);
      open.onsuccess = () => {
        const get = open.result.transaction('index').objectStore('index').get('json');
        get.onsuccess = () => {
          open.result.close();
          resolve(get.result as string);
        };
        get.onerror = () => reject(get.error);
      };
      open.onerror = () => reject(open.error);
    });
}

declare global {
  var __parallaxBench: { runStore: typeof runStore; runMiniSearch: typeof runMiniSearch; persistInIndexedDB: typeof persistInIndexedDB; percentile: typeof percentile };
}

globalThis.__parallaxBench = { runStore, runMiniSearch, persistInIndexedDB, percentile };
