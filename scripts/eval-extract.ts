/**
 * `npm run eval:extract -- [--pages DIR] [--out PRED.json] [--dump CAPTURES.jsonl] [--features FEATURES.jsonl] [--limit N] [--concurrency N]`
 *
 * Runs the real capture bundle in headless Chromium over the saved pages of the
 * extraction benchmark and prints the reviewers' figures plus capture times.
 *
 * How pages are loaded, and why:
 * - Each page's saved HTML is served from 127.0.0.1 at a path of its own;
 *   every other request (images, fonts, trackers, the outlet's own scripts) is
 *   aborted, so runs are offline and repeatable.
 * - The saved pages' own scripts do not run: each is served with a
 *   Content-Security-Policy of `script-src 'none'`. The benchmark's gold text
 *   was taken from the saved HTML itself, and replaying a site's scripts
 *   offline mostly yields error states, consent walls and half-rendered apps.
 *   Scripting stays enabled for the browser, as it is for a reader, so
 *   `<noscript>` stays inert text and the capture's callbacks run normally
 *   (turning JavaScript off altogether makes Chromium refuse callbacks from
 *   native code, e.g. URLSearchParams.forEach). DevTools evaluation is not
 *   subject to the page's CSP, so the capture bundle still runs.
 * - The capture runs inside the page and is timed there with performance.now(),
 *   so the times exclude loading and the DevTools round trip.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { resolve } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { chromium, type Page } from 'playwright-core';
import type { CapturedArticle } from '../src/core/article';
import type { FeatureRow } from '../src/core/capture/detect';
import { buildCaptureBundle } from './eval/bundle';
import { f3, printArticleTable, readGoldPages, sample } from './eval/report';
import { scoreDetection, type GoldPage, type Prediction } from './eval/score';

interface Options {
  pages: string;
  out: string | null;
  /** JSON lines of every full capture, for reading what went wrong on a page. */
  dump: string | null;
  /** JSON lines of each page's article-detection signals and gold type, for refitting the detector. */
  features: string | null;
  limit: number | null;
  /**
   * Pages loaded and captured at once. One by default: the capture is timed
   * in the page by the clock, and with two pages at once on a two-core
   * machine each capture also waits for the other page's parsing and layout
   * (same code, same pages: median 16.0 ms with two against 10.3 ms with
   * one), while the whole run is barely faster (218 s against 257 s).
   */
  concurrency: number;
}

function parseArgs(argv: string[]): Options {
  const opts: Options = { pages: resolve(import.meta.dirname, '../../shared/eval/extraction'), out: null, dump: null, features: null, limit: null, concurrency: 1 };
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i];
    const value = argv[i + 1];
    if (value === undefined) throw new Error(`${flag} needs a value`);
    if (flag === '--pages') opts.pages = resolve(value);
    else if (flag === '--out') opts.out = resolve(value);
    else if (flag === '--dump') opts.dump = resolve(value);
    else if (flag === '--features') opts.features = resolve(value);
    else if (flag === '--limit') opts.limit = positive(flag, value);
    else if (flag === '--concurrency') opts.concurrency = positive(flag, value);
    else throw new Error(`unknown option ${flag}`);
    i++;
  }
  return opts;
}

function positive(flag: string, value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new Error(`${flag} takes a positive whole number`);
  return n;
}

/** Declared charset when the bytes are valid UTF-8; otherwise leave it to the page's own <meta charset>. */
function contentType(html: Buffer): string {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(html);
    return 'text/html; charset=utf-8';
  } catch {
    return 'text/html';
  }
}

interface Timed {
  article: CapturedArticle | null;
  features: FeatureRow | null;
  ms: number;
  error: string | null;
}

async function captureIn(page: Page, bundle: string, url: string): Promise<Timed> {
  await page.evaluate(bundle);
  return page.evaluate((pageUrl) => {
    type Capture = (d: Document, u: string, o: { onFeatures: (f: FeatureRow) => void }) => CapturedArticle;
    const capture = (globalThis as unknown as { __parallaxCapture: Capture }).__parallaxCapture;
    // No function literal here: tsx names them with a helper that does not exist inside the page.
    const sink: FeatureRow[] = [];
    const onFeatures = sink.push.bind(sink) as (f: FeatureRow) => void;
    const start = performance.now();
    try {
      const article = capture(document, pageUrl, { onFeatures });
      return { article, features: sink[0] ?? null, ms: performance.now() - start, error: null };
    } catch (err) {
      return { article: null, features: sink[0] ?? null, ms: performance.now() - start, error: String(err) };
    }
  }, url);
}

function toPrediction(a: CapturedArticle | null): Prediction {
  return {
    body: a?.text ?? '',
    title: a?.title ?? '',
    author: a?.byline ?? '',
    // The calendar day as the page states it (publishedAt keeps the page's own offset).
    date: a?.publishedAt?.slice(0, 10) ?? '',
    is_article: a?.isArticle ?? false,
  };
}

function percentile(sorted: number[], q: number): number {
  if (!sorted.length) return 0;
  return sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)]!;
}

async function main(): Promise<void> {
  const opts = parseArgs(process.argv.slice(2));
  const all = readGoldPages(opts.pages);
  const pages = sample(all, opts.limit);
  const started = Date.now();

  const bundle = await buildCaptureBundle();
  const byPath = new Map(pages.map((p) => [`/page/${encodeURIComponent(p.id)}`, p]));
  const server = createServer((req, res) => {
    const page = byPath.get(new URL(req.url ?? '/', 'http://127.0.0.1').pathname);
    if (!page) {
      res.writeHead(404).end();
      return;
    }
    const html = gunzipSync(readFileSync(resolve(opts.pages, page.file)));
    res
      .writeHead(200, { 'content-type': contentType(html), 'cache-control': 'no-store', 'content-security-policy': "script-src 'none'; worker-src 'none'" })
      .end(html);
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('eval server has no port');
  const origin = `http://127.0.0.1:${address.port}`;

  const browser = await chromium.launch({
    executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
  });
  const context = await browser.newContext({ serviceWorkers: 'block' });
  await context.route('**/*', (route) => {
    const req = route.request();
    if (req.url().startsWith(`${origin}/page/`) && req.resourceType() === 'document' && req.frame() === req.frame().page().mainFrame()) {
      return route.continue();
    }
    return route.abort();
  });

  const preds: Record<string, Prediction> = {};
  const captures: string[] = [];
  const featureRows: string[] = [];
  const times: number[] = [];
  const failures: string[] = [];
  let next = 0;
  let done = 0;
  async function worker(): Promise<void> {
    const page = await context.newPage();
    while (next < pages.length) {
      const gold = pages[next++]!;
      try {
        await page.goto(`${origin}/page/${encodeURIComponent(gold.id)}`, { waitUntil: 'domcontentloaded', timeout: 30_000 });
        const result = await captureIn(page, bundle, gold.url);
        if (result.error) failures.push(`${gold.id}: ${result.error}`);
        preds[gold.id] = toPrediction(result.article);
        if (opts.dump) captures.push(JSON.stringify({ id: gold.id, ms: result.ms, ...result.article }));
        if (opts.features && result.features) featureRows.push(JSON.stringify({ id: gold.id, set: gold.set, type: gold.type, ...result.features }));
        times.push(result.ms);
      } catch (err) {
        failures.push(`${gold.id}: ${err instanceof Error ? err.message.split('\n')[0] : String(err)}`);
        preds[gold.id] = toPrediction(null);
      }
      if (++done % 100 === 0) process.stderr.write(`  ${done}/${pages.length} pages\n`);
    }
    await page.close();
  }
  try {
    await Promise.all(Array.from({ length: opts.concurrency }, worker));
  } finally {
    await browser.close();
    server.close();
  }

  if (opts.dump) writeFileSync(opts.dump, `${captures.join('\n')}\n`);
  if (opts.features) writeFileSync(opts.features, `${featureRows.join('\n')}\n`);
  if (opts.out) writeFileSync(opts.out, `${JSON.stringify(preds)}\n`);
  printReport(pages, preds, times, failures, (Date.now() - started) / 1000);
}

function printReport(pages: GoldPage[], preds: Record<string, Prediction>, times: number[], failures: string[], seconds: number): void {
  const articles = pages.filter((p) => p.type === 'article');
  console.log(`Extraction eval: ${pages.length} pages (${articles.length} articles), ${seconds.toFixed(0)} s\n`);
  printArticleTable(articles, preds);
  const det = scoreDetection(pages, preds);
  console.log(`\nis_article (${det.n} pages): precision ${f3(det.precision)}  recall ${f3(det.recall)}`);
  const sorted = [...times].sort((a, b) => a - b);
  console.log(
    `capture time (${sorted.length} pages): median ${percentile(sorted, 0.5).toFixed(1)} ms  p95 ${percentile(sorted, 0.95).toFixed(1)} ms  max ${(sorted.at(-1) ?? 0).toFixed(1)} ms`,
  );
  if (failures.length) {
    console.log(`\n${failures.length} page(s) failed:`);
    for (const f of failures.slice(0, 20)) console.log(`  ${f}`);
  }
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? (err.stack ?? err.message) : String(err));
  process.exit(1);
});
