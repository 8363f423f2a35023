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
 * v3: the index as numbers (see src/core/matching/packed-index.ts), so a
 *     filing writes a few records instead of hundreds of index entries and a
 *     worker woken cold reads a few large records instead of thousands of
 *     small ones: `documents` (numbered in filing order: signature and
 *     summary), `vectors` (the same numbers: what ranking reads of each
 *     candidate, typed arrays only), `postings` (per key hash, the filing numbers
 *     filed under it, one packed array) and `frequency-table` (one base
 *     table and one record of increments per filing transaction, folded
 *     into the base every few hundred). v2's signatures and frequencies are
 *     carried over inside the upgrade transaction, numbered in capture
 *     order, and their stores dropped.
 */
import { openDB, type DBSchema, type IDBPDatabase, type StoreNames } from 'idb';
import type { StoredArticle } from '../../core/article';
import { FrequencyTable, type AnyStoredTable, type PackedCounts } from '../../core/matching/frequency-table';
import { MAX_POSTINGS, PackedIndex } from '../../core/matching/packed-index';
import { packSignature, type PackedSignature } from '../../core/matching/packed-signature';
import type { Signature } from '../../core/matching/signature';
import { keyHash } from '../../core/matching/simhash';
import { vectorOf, type DocVector } from '../../core/matching/vector';
import type { Pin } from '../../shared/messages';

export const DB_NAME = 'parallax';
export const DB_VERSION = 3;

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

/** One filed article: what explaining and listing read (ranking reads its vector, stored apart). */
export interface StoredDocument {
  n: number;
  id: string;
  signature: PackedSignature;
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
  /** v2 only (carried into `documents` by the v3 upgrade). */
  signatures: {
    key: string;
    value: IndexedArticle;
    indexes: { 'by-key': string };
  };
  /** v2 only: key → how many indexed articles have it. */
  frequencies: { key: string; value: number };
  documents: {
    key: number;
    value: StoredDocument;
    indexes: { 'by-id': string };
  };
  vectors: { key: number; value: DocVector; indexes: { 'by-id': string } };
  /**
   * Filing numbers of the articles filed under a key, in filing order (at
   * most MAX_POSTINGS), in pages of POSTINGS_PAGE: page p of key hash h is
   * record `postingsKey(h, p)`, so filing writes only a list's last page and
   * one range read returns a whole list.
   */
  postings: { key: number; value: Int32Array };
  /**
   * FREQUENCY_BASE → the table as of the last fold (a `SortedTable` of the
   * keys counted twice or more, and FREQUENCY_SINGLES → the keys counted
   * once; if last folded by an earlier release, a `StoredTable` (its used
   * slots) or a `TableImage` (its slot arrays whole): all three are read,
   * and the next fold writes the first); a filing
   * number → the counts one transaction changed, as they stood after it
   * (what it added, in records written before 2026-11-27).
   */
  'frequency-table': { key: number | string; value: PackedCounts | AnyStoredTable | Uint32Array };
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
/** Bumped by every transaction that changes the index, so a context knows when what it holds in memory is stale. */
export const INDEX_GENERATION = 'index-generation';
/** Bumped whenever the reader moves articles between stories, so a filing context knows its memo of them is stale. */
export const STORIES_GENERATION = 'stories-generation';
export const FREQUENCY_BASE = 'base';
/** The keys of count 1, stored apart from the base (see SortedTable.singlesApart); it sorts after the base. */
export const FREQUENCY_SINGLES = 'singles';
/** One bit per SimHash band filed under (see PackedIndex.bands). */
export const INDEX_BANDS = 'index-bands';

export const POSTINGS_PAGE = 256;
const PAGES = Math.ceil(MAX_POSTINGS / POSTINGS_PAGE);
export function postingsKey(hash: number, page: number): number {
  return hash * PAGES + page;
}
export function postingsRange(hash: number): IDBKeyRange {
  return IDBKeyRange.bound(postingsKey(hash, 0), postingsKey(hash, PAGES - 1));
}

/** The pages of a list from `from` on (the pages a filing changed), as records to put. */
export function postingsPages(hash: number, list: ArrayLike<number>, from = 0): [number, Int32Array][] {
  const out: [number, Int32Array][] = [];
  for (let p = Math.floor(from / POSTINGS_PAGE); p * POSTINGS_PAGE < list.length; p++) {
    out.push([postingsKey(hash, p), Int32Array.from(Array.prototype.slice.call(list, p * POSTINGS_PAGE, (p + 1) * POSTINGS_PAGE) as number[])]);
  }
  return out;
}

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
      if (oldVersion < 3) {
        const documents = db.createObjectStore('documents', { keyPath: 'n' });
        documents.createIndex('by-id', 'id', { unique: true });
        // Found by article id too: a query starts from its own vector, and its signature is read only at the end.
        db.createObjectStore('vectors').createIndex('by-id', 'id', { unique: true });
        db.createObjectStore('postings');
        db.createObjectStore('frequency-table');
        void migrateIndexToV3(tx as unknown as UpgradeTx);
      }
    },
    blocking() {
      // A newer version wants the database: step aside so it can upgrade.
      void dbPromise?.then((db) => db.close());
      dbPromise = null;
    },
  });
}

type UpgradeTx = import('idb').IDBPTransaction<ParallaxSchema, StoreNames<ParallaxSchema>[], 'versionchange'>;

/**
 * Carries v2's index into v3's stores, inside the upgrade transaction (only
 * IndexedDB requests are awaited, so it stays open): all or nothing.
 * Articles are numbered in capture order, which is the order they were filed.
 */
async function migrateIndexToV3(tx: UpgradeTx): Promise<void> {
  const db = tx.db;
  if (!db.objectStoreNames.contains('signatures')) return;
  const signatures = tx.objectStore('signatures');
  const frequencies = tx.objectStore('frequencies');
  const [order, sigs, keys, counts] = await Promise.all([
    tx.objectStore('articles').index('by-captured').getAllKeys(),
    signatures.getAll(),
    frequencies.getAllKeys(),
    frequencies.getAll(),
  ]);
  const byId = new Map(sigs.map((s) => [s.id, s]));
  const captured = (order as string[]).filter((id) => byId.has(id));
  const seen = new Set(captured);
  // A signature whose article is gone still counts in the frequencies: keep it, last.
  const ordered = [...captured, ...sigs.filter((s) => !seen.has(s.id)).map((s) => s.id)];
  const postings = new Map<number, number[]>();
  const table = new FrequencyTable(keys.length);
  keys.forEach((k, i) => table.add(keyHash(k), counts[i]!));
  const documents = tx.objectStore('documents');
  const vectors = tx.objectStore('vectors');
  // The band bits as filing sets them: every band with a list.
  const bandBits = new PackedIndex(0, table);
  ordered.forEach((id, n) => {
    const { summary, ...signature } = byId.get(id)!;
    const vector = vectorOf(n, signature);
    void documents.put({ n, id, signature: packSignature(signature), summary });
    void vectors.put(vector, n);
    for (const h of vector.bands) bandBits.markBand(h);
    for (const h of [...vector.index, ...vector.bands]) {
      const list = postings.get(h) ?? [];
      if (list.length < MAX_POSTINGS && !list.includes(n)) list.push(n);
      postings.set(h, list);
    }
  });
  const postingStore = tx.objectStore('postings');
  for (const [h, list] of postings) for (const [key, page] of postingsPages(h, list)) void postingStore.put(page, key);
  void tx.objectStore('frequency-table').put(table.image(), FREQUENCY_BASE);
  void tx.objectStore('meta').put(bandBits.bands, INDEX_BANDS);
  void tx.objectStore('meta').put(ordered.length, INDEX_SIZE);
  db.deleteObjectStore('signatures');
  db.deleteObjectStore('frequencies');
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
