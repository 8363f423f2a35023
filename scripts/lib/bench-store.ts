/**
 * The benchmark's measurements of the real store (src/background/store), run
 * wherever IndexedDB is: in headless Chromium (bench-page.ts) or in node over
 * fake-indexeddb. A library of `size` articles is first loaded in bulk (the
 * signatures and frequencies the matcher would have written, each article in
 * its own story, timed apart), then new articles are filed through the real
 * `ingest`, then queried through the real `relatedTo`, warm (this context has
 * read the library before) and cold (a fresh connection, nothing cached).
 */
import { ingest, relatedTo } from '../../src/background/store/library';
import { INDEX_SIZE, openParallaxDB, type IndexedArticle, type ParallaxDB } from '../../src/background/store/schema';
import type { StoredArticle } from '../../src/core/article';
import { buildSignature, countedKeys, featuresOf } from '../../src/core/matching/signature';
import { mulberry32, syntheticStream } from './synthetic';

export interface StoreRun {
  size: number;
  loadMs: number;
  ingested: number;
  ingestPerSecond: number;
  warm: number[];
  cold: number[];
}

const BATCH = 500;

/** Writes the first `size` synthetic articles as a filed library, in large transactions. */
async function bulkLoad(db: ParallaxDB, size: number, seed: number): Promise<string[]> {
  const df = new Map<string, number>();
  const ids: string[] = [];
  let batch: { article: StoredArticle; sig: IndexedArticle }[] = [];
  const flush = async () => {
    const tx = db.transaction(['articles', 'signatures', 'placements', 'stories'], 'readwrite');
    for (const { article, sig } of batch) {
      void tx.objectStore('articles').put(article);
      void tx.objectStore('signatures').put(sig);
      void tx.objectStore('placements').put({ articleId: article.id, storyId: article.id, reportId: article.id });
      void tx.objectStore('stories').put({ id: article.id, members: [article.id], createdAt: article.capturedAt, updatedAt: article.capturedAt });
    }
    await tx.done;
    batch = [];
  };
  let n = 0;
  for (const { capture } of syntheticStream(size, { seed })) {
    const id = `a${n}`;
    const at = new Date(Date.UTC(2026, 0, 1) + n * 1000).toISOString();
    const article: StoredArticle = { ...capture, id, capturedAt: at, updatedAt: at };
    const features = featuresOf({ title: capture.title, text: capture.text, lang: capture.lang, siteName: capture.siteName, byline: capture.byline });
    const counted = countedKeys(features);
    for (const k of counted) df.set(k, (df.get(k) ?? 0) + 1);
    const sig = buildSignature(id, features, capture.publishedAt, df, ++n);
    const { title, siteName, url, publishedAt, wordCount } = capture;
    batch.push({ article, sig: { ...sig, summary: { title, siteName, url, publishedAt, wordCount } } });
    ids.push(id);
    if (batch.length >= BATCH) await flush();
  }
  if (batch.length) await flush();
  const entries = [...df];
  for (let i = 0; i < entries.length; i += 20_000) {
    const tx = db.transaction('frequencies', 'readwrite');
    for (const [k, v] of entries.slice(i, i + 20_000)) void tx.store.put(v, k);
    await tx.done;
  }
  await db.put('meta', n, INDEX_SIZE);
  return ids;
}

export async function runStore(size: number, options: { seed?: number; ingest?: number; warm?: number; cold?: number; name?: string } = {}): Promise<StoreRun> {
  const seed = options.seed ?? 1;
  const name = options.name ?? `parallax-bench-${size}`;
  let db = await openParallaxDB(name);
  const t0 = performance.now();
  const ids = await bulkLoad(db, size, seed);
  const loadMs = performance.now() - t0;

  // New articles of the same stream (their events partly already in the library), filed one by one.
  const extra = options.ingest ?? 200;
  const fresh = [];
  let i = 0;
  for (const a of syntheticStream(size + extra, { seed })) if (i++ >= size) fresh.push(a.capture);
  const t1 = performance.now();
  for (const capture of fresh) ids.push((await ingest(db, capture)).article.id);
  const ingestMs = performance.now() - t1;

  const random = mulberry32(seed + 7);
  const pick = () => ids[Math.floor(random() * ids.length)]!;
  // Warm: this context has answered queries before (the frequency cache is filled as it goes).
  for (let i = 0; i < 20; i++) await relatedTo(db, pick());
  const warm: number[] = [];
  for (let i = 0; i < (options.warm ?? 200); i++) {
    const id = pick();
    const t = performance.now();
    await relatedTo(db, id);
    warm.push(performance.now() - t);
  }
  // Cold: a new connection (as a restarted worker has), nothing of this library in memory.
  const cold: number[] = [];
  for (let i = 0; i < (options.cold ?? 30); i++) {
    db.close();
    db = await openParallaxDB(name);
    const id = pick();
    const t = performance.now();
    await relatedTo(db, id);
    cold.push(performance.now() - t);
  }
  db.close();
  return { size, loadMs, ingested: extra, ingestPerSecond: (extra * 1000) / ingestMs, warm, cold };
}

export function percentile(xs: number[], p: number): number {
  if (!xs.length) return Number.NaN;
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}
