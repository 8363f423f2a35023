/**
 * The benchmark's measurements of the real store (src/background/store), run
 * wherever IndexedDB is: in headless Chromium (bench-page.ts) or in node over
 * fake-indexeddb. A library of `size` articles is filed through the real
 * `ingestMany` (timed as the batch ingest rate), then new articles are filed
 * one by one through `ingest`, then queried through the real `relatedTo`,
 * warm (on the connection that filed the library, which holds every list
 * and vector it filed, after some queries) and cold (a fresh connection,
 * nothing of the library in memory). With `reuse`, a library filed by an
 * earlier run is queried instead: warm is then a fresh connection that has
 * answered some queries, holding only what they read.
 */
import { ingest, ingestMany, relatedTo } from '../../src/background/store/library';
import { INDEX_SIZE, openParallaxDB, type ParallaxDB } from '../../src/background/store/schema';
import type { CapturedArticle } from '../../src/core/article';
import { mulberry32, syntheticStream } from './synthetic';

export interface StoreRun {
  size: number;
  loadMs: number;
  ingested: number;
  ingestPerSecond: number;
  warm: number[];
  cold: number[];
}

/** Captures handed to `ingestMany` per call (it makes transactions of its own batch size). */
const CHUNK = 640;

export interface StoreOptions {
  seed?: number;
  ingest?: number;
  warm?: number;
  cold?: number;
  name?: string;
  progress?: (done: number) => void;
  /** Query a library filed by an earlier run when there is one (nothing is filed: ingest figures are NaN). */
  reuse?: boolean;
}

export async function runStore(size: number, options: StoreOptions = {}): Promise<StoreRun> {
  const seed = options.seed ?? 1;
  const name = options.name ?? `parallax-bench-${size}`;
  // Held through an object the queries replace: a connection left in this frame would keep the
  // filing's whole index in memory while the cold queries run.
  const connection = { db: await openParallaxDB(name) };
  if (options.reuse && ((await connection.db.get('meta', INDEX_SIZE)) as number | undefined ?? 0) >= size) {
    return queryStore(connection, name, size, (await connection.db.getAllKeys('articles')) as string[], seed, options);
  }
  const extra = options.ingest ?? 200;
  const ids: string[] = [];
  const fresh: CapturedArticle[] = [];
  let chunk: CapturedArticle[] = [];
  const t0 = performance.now();
  for (const { capture } of syntheticStream(size + extra, { seed })) {
    if (ids.length + chunk.length >= size) {
      fresh.push(capture);
      continue;
    }
    chunk.push(capture);
    if (chunk.length === CHUNK || ids.length + chunk.length === size) {
      for (const r of await ingestMany(connection.db, chunk)) ids.push(r.article.id);
      chunk = [];
      options.progress?.(ids.length);
    }
  }
  const loadMs = performance.now() - t0;

  // New articles of the same stream (their events partly already in the library), filed one by one.
  const t1 = performance.now();
  for (const capture of fresh) ids.push((await ingest(connection.db, capture)).article.id);
  const ingestMs = performance.now() - t1;
  const queried = await queryStore(connection, name, size, ids, seed, options);
  return { ...queried, loadMs, ingestPerSecond: (extra * 1000) / ingestMs };
}

/** Warm queries on the connection, then cold ones each on a fresh connection; closes the database. */
async function queryStore(connection: { db: ParallaxDB }, name: string, size: number, ids: string[], seed: number, options: StoreOptions): Promise<StoreRun> {
  const random = mulberry32(seed + 7);
  const pick = () => ids[Math.floor(random() * ids.length)]!;
  for (let i = 0; i < 20; i++) await relatedTo(connection.db, pick());
  const warm: number[] = [];
  for (let i = 0; i < (options.warm ?? 200); i++) {
    const id = pick();
    const t = performance.now();
    await relatedTo(connection.db, id);
    warm.push(performance.now() - t);
  }
  // Cold: a new connection (as a restarted worker has), nothing of this library in memory.
  const cold: number[] = [];
  for (let i = 0; i < (options.cold ?? 30); i++) {
    connection.db.close();
    connection.db = await openParallaxDB(name);
    const id = pick();
    const t = performance.now();
    await relatedTo(connection.db, id);
    cold.push(performance.now() - t);
  }
  connection.db.close();
  return { size, loadMs: Number.NaN, ingested: size, ingestPerSecond: Number.NaN, warm, cold };
}

export function percentile(xs: number[], p: number): number {
  if (!xs.length) return Number.NaN;
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}
