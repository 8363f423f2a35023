import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { beforeEach } from 'vitest';

// Every test starts from an empty browser database.
beforeEach(() => {
  globalThis.indexedDB = new IDBFactory();
});
