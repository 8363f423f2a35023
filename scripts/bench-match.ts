/**
 * How the matcher scales: a seeded synthetic library of each size (see
 * lib/synthetic.ts) is filed and queried, and one JSON line per size and
 * runtime is printed, with MiniSearch on the same workload as the reference.
 *
 *   npm run bench:match -- [--sizes 1000,10000,100000] [--env node,chromium] [--seed 1]
 *                          [--ingest 200] [--warm 200] [--cold 30] [--reference minisearch|none]
 *                          [--profile DIR] (a CPU profile of each Chromium store run, for DevTools)
 *                          [--keep DIR] (Chromium's profile of each size kept in DIR; a later run
 *                          with the same DIR queries that library instead of filing it again)
 *
 * - node: the store's matcher over its in-memory index (`PackedIndex`, what
 *   a warm worker holds), every article filed as the store files it
 *   (counted, weighed, ranked, placed in a story); then queries.
 * - chromium: the real store (src/background/store) in headless Chromium's
 *   IndexedDB, on a page served from 127.0.0.1. The library is filed through
 *   `ingestMany` (ingest_batch_per_s), then `ingest` new articles one by one
 *   (ingest_per_s) and `relatedTo` queries, warm and on a fresh connection
 *   (cold).
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { createServer } from 'node:http';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { chromium, type BrowserContext } from 'playwright-core';
import { build } from 'vite';
import { FrequencyTable } from '../src/core/matching/frequency-table';
import { listingPool, PackedIndex, rankPacked } from '../src/core/matching/packed-index';
import { buildSignature, countedKeys, featuresOf } from '../src/core/matching/signature';
import { keyHash } from '../src/core/matching/simhash';
import { decideStory, type StoryLink } from '../src/core/matching/stories';
import { vectorOf } from '../src/core/matching/vector';
import { parseArgs } from './lib/args';
import { runMiniSearch, type MiniSearchRun } from './lib/bench-minisearch';
import { percentile, type StoreRun } from './lib/bench-store';
import { mulberry32, syntheticStream } from './lib/synthetic';

const args = parseArgs(process.argv.slice(2), { sizes: '1000,10000', env: 'node,chromium', seed: '1', ingest: '200', warm: '200', cold: '30', reference: 'minisearch', profile: undefined, keep: undefined });
const sizes = args.sizes!.split(',').map(Number);
const envs = new Set(args.env!.split(','));
const seed = Number(args.seed);
const counts = { ingest: Number(args.ingest), warm: Number(args.warm), cold: Number(args.cold) };
const withReference = args.reference === 'minisearch';
const KEPT_PORT = 45613;
const round = (x: number, d = 2) => Math.round(x * 10 ** d) / 10 ** d;

/** The store's matcher alone, over the index a warm worker holds in memory. */
async function runNode(size: number) {
  const index = new PackedIndex(0, new FrequencyTable(), true);
  const story = new Map<string, string>();
  const members = new Map<string, number>();
  const t0 = performance.now();
  let n = 0;
  for (const { capture } of syntheticStream(size, { seed })) {
    const id = `a${n}`;
    const features = featuresOf({ title: capture.title, text: capture.text, lang: capture.lang, siteName: capture.siteName, byline: capture.byline });
    const counted = countedKeys(features);
    const hashes = Uint32Array.from(counted, keyHash);
    const df = new Map(counted.map((k, i) => [k, index.df.get(hashes[i]!)]));
    const sig = buildSignature(id, features, capture.publishedAt, df, index.size);
    const vector = vectorOf(n++, sig);
    index.file(vector, hashes);
    const ranked = await rankPacked(index, vector, { limit: 40, pool: listingPool(index.size) });
    const links: StoryLink[] = ranked.map((r) => ({ articleId: r.id, storyId: story.get(r.id)!, score: r.score, nearDuplicate: r.nearDuplicate }));
    const decision = decideStory(links, (s) => members.get(s) ?? 1, () => true, () => true);
    const joined = decision.join ?? id;
    story.set(id, joined);
    members.set(joined, (members.get(joined) ?? 0) + 1);
  }
  const ingestMs = performance.now() - t0;
  const random = mulberry32(seed + 7);
  const warm: number[] = [];
  for (let i = 0; i < counts.warm + 20; i++) {
    const v = index.vectors.get(Math.floor(random() * size))!;
    const t = performance.now();
    await rankPacked(index, v, { limit: 40, counted: true, pool: listingPool(index.size) });
    if (i >= 20) warm.push(performance.now() - t);
  }
  return {
    env: 'node (store matcher, in-memory index)',
    size,
    ingest_per_s: round((size * 1000) / ingestMs, 1),
    warm_p50_ms: round(percentile(warm, 50)),
    warm_p95_ms: round(percentile(warm, 95)),
    cold_p95_ms: null,
    heap_mb: round(process.memoryUsage().heapUsed / 1e6, 1),
  };
}

function referenceLine(env: string, run: MiniSearchRun) {
  return {
    env,
    size: run.size,
    ingest_per_s: round(run.ingestPerSecond, 1),
    warm_p50_ms: round(percentile(run.warm, 50)),
    warm_p95_ms: round(percentile(run.warm, 95)),
    cold_p95_ms: round(percentile(run.cold, 95)),
    index_json_mb: round(run.jsonBytes / 1e6, 1),
  };
}

/** The store's benchmark (lib/bench-store.ts) as one classic script for the page. */
async function pageBundle(): Promise<string> {
  const result = await build({
    configFile: false,
    logLevel: 'warn',
    build: { write: false, minify: false, target: 'chrome116', lib: { entry: resolve(import.meta.dirname, 'lib/bench-page.ts'), formats: ['iife'], name: '__parallaxBenchBundle', fileName: () => 'bench.js' } },
  });
  for (const out of Array.isArray(result) ? result : [result]) {
    if (!('output' in out)) continue;
    const chunk = out.output.find((o) => o.type === 'chunk');
    if (chunk && chunk.type === 'chunk') return chunk.code;
  }
  throw new Error('vite produced no bench bundle');
}

async function runChromium(sizesToRun: number[], emit: (line: object) => void): Promise<void> {
  const script = await pageBundle();
  const server = createServer((req, res) => {
    if (req.url === '/bench.js') res.writeHead(200, { 'content-type': 'text/javascript' }).end(script);
    else res.writeHead(200, { 'content-type': 'text/html' }).end('<!doctype html><title>bench</title><script src="/bench.js"></script>');
  });
  // A kept library belongs to its origin: the same port every run.
  await new Promise<void>((done) => server.listen(args.keep ? KEPT_PORT : 0, '127.0.0.1', done));
  const port = (server.address() as { port: number }).port;
  const options = { executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'] };
  // A profile on disk per run, as an installed extension has: an incognito context keeps IndexedDB
  // in memory under a smaller quota, which a 100,000-article library can exceed.
  const contexts: { dir: string; context: BrowserContext }[] = [];
  const openContext = async (kept?: string) => {
    const dir = kept ?? mkdtempSync(join(tmpdir(), 'parallax-bench-'));
    if (kept) mkdirSync(kept, { recursive: true });
    const context = await chromium.launchPersistentContext(dir, options);
    contexts.push({ dir: kept ? '' : dir, context });
    return context;
  };
  try {
    for (const size of sizesToRun) {
      const context = await openContext(args.keep ? resolve(args.keep, `chromium-${size}`) : undefined);
      const page = await context.newPage();
      await page.goto(`http://127.0.0.1:${port}/`);
      const cdp = args.profile ? await context.newCDPSession(page) : null;
      if (cdp) {
        await cdp.send('Profiler.enable');
        await cdp.send('Profiler.setSamplingInterval', { interval: 500 });
        await cdp.send('Profiler.start');
      }
      const run = await page.evaluate(
        async ([size, seed, counts, reuse]) => {
          const r = await globalThis.__parallaxBench.runStore(size, { seed, ...counts, reuse });
          const estimate = await navigator.storage.estimate();
          const memory = (performance as unknown as { memory?: { usedJSHeapSize: number } }).memory;
          return { ...r, usage: estimate.usage ?? null, heap: memory?.usedJSHeapSize ?? null };
        },
        [size, seed, counts, args.keep !== undefined] as const,
      );
      if (cdp) {
        const { profile } = await cdp.send('Profiler.stop');
        mkdirSync(args.profile!, { recursive: true });
        writeFileSync(resolve(args.profile!, `store-${size}.cpuprofile`), JSON.stringify(profile));
      }
      emit(storeLine('chromium (store, IndexedDB)', run, run.usage, run.heap));
      await context.close();
      if (!withReference) continue;
      const refContext = await openContext();
      const refPage = await refContext.newPage();
      await refPage.goto(`http://127.0.0.1:${port}/`);
      try {
        const ref = await refPage.evaluate(
          ([size, seed, counts]) => globalThis.__parallaxBench.runMiniSearch(size, { seed, ...counts, persist: globalThis.__parallaxBench.persistInIndexedDB }),
          [size, seed, counts] as const,
        );
        emit(referenceLine('chromium (MiniSearch, JSON in IndexedDB)', ref));
      } catch (err) {
        emit({ env: 'chromium (MiniSearch, JSON in IndexedDB)', size, error: String(err).slice(0, 200) });
      }
      await refContext.close();
    }
  } finally {
    for (const { dir, context } of contexts) {
      await context.close().catch(() => undefined);
      if (dir) rmSync(dir, { recursive: true, force: true });
    }
    server.close();
  }
}

function storeLine(env: string, run: StoreRun, usage: number | null, heap: number | null) {
  return {
    env,
    size: run.size,
    load_s: round(run.loadMs / 1000, 1),
    ingest_batch_per_s: round((run.ingested * 1000) / run.loadMs, 1),
    ingest_per_s: round(run.ingestPerSecond, 1),
    warm_p50_ms: round(percentile(run.warm, 50)),
    warm_p95_ms: round(percentile(run.warm, 95)),
    cold_p95_ms: round(percentile(run.cold, 95)),
    db_mb: usage === null ? null : round(usage / 1e6, 1),
    heap_mb: heap === null ? null : round(heap / 1e6, 1),
  };
}

const emit = (line: object) => console.log(JSON.stringify({ ...line, seed }));
if (envs.has('node')) {
  for (const size of sizes) {
    emit(await runNode(size));
    if (!withReference) continue;
    try {
      emit(referenceLine('node (MiniSearch, JSON string)', await runMiniSearch(size, { seed, ...counts, persist: async (json) => async () => json })));
    } catch (err) {
      emit({ env: 'node (MiniSearch, JSON string)', size, error: String(err).slice(0, 200) });
    }
  }
}
if (envs.has('chromium')) await runChromium(sizes, emit);
