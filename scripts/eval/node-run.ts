/**
 * Quick iteration loop for the capture: parses saved pages with jsdom (a
 * spec-following parser, so trees match Chromium's) and scores them with the
 * benchmark's definitions. Times are not meaningful here; the figures that
 * count come from `npm run eval:extract`, which runs the real bundle in Chromium.
 *
 * tsx scripts/eval/node-run.ts [--limit N] [--set S] [--half odd|even] [--part I/N] [--type T|!T] [--out PAGES.jsonl] [--features FEATURES.jsonl]
 *
 * --features writes the detector's signals per page, as `eval:extract --features`
 * does, for scripts/eval/fit-detector.py: the layout-free signals match Chromium's.
 *
 * --half keeps every other page of each set, by position in pages.jsonl (odd:
 * the 1st, 3rd…), so that a rule found on one half can be checked on the other.
 * --part I/N keeps every Nth of the pages left, from the Ith (0-based): jsdom
 * holds on to memory across pages, and a whole set can exhaust the heap.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { JSDOM, VirtualConsole } from 'jsdom';
import { captureDocument } from '../../src/core/capture';
import type { FeatureRow } from '../../src/core/capture/detect';
import { bodyPrecisionRecall, scoreArticles, scoreDetection, type GoldPage, type Prediction } from './score';

const args = process.argv.slice(2);
const opt = (name: string): string | null => {
  const i = args.indexOf(name);
  return i >= 0 ? (args[i + 1] ?? null) : null;
};
const dir = resolve(import.meta.dirname, '../../../shared/eval/extraction');
let pages = readFileSync(resolve(dir, 'pages.jsonl'), 'utf8')
  .split('\n')
  .filter(Boolean)
  .map((l) => JSON.parse(l) as GoldPage);
const half = opt('--half');
if (half) {
  const seen = new Map<string, number>();
  pages = pages.filter((p) => {
    const position = (seen.get(p.set) ?? 0) + 1;
    seen.set(p.set, position);
    return (position % 2 === 1) === (half === 'odd');
  });
}
if (opt('--set')) pages = pages.filter((p) => p.set === opt('--set'));
if (opt('--ids')) pages = pages.filter((p) => opt('--ids')!.split(',').some((id) => p.id.startsWith(id)));
const type = opt('--type');
// "!article" keeps every other type: what a change to the body may do to detection on pages that are not articles.
if (type) pages = pages.filter((p) => (type.startsWith('!') ? p.type !== type.slice(1) : p.type === type));
const part = opt('--part')?.split('/').map(Number);
if (part) pages = pages.filter((_, i) => i % part[1]! === part[0]);
const limit = Number(opt('--limit') ?? 0);
if (limit && limit < pages.length) {
  const step = pages.length / limit;
  pages = Array.from({ length: limit }, (_, i) => pages[Math.floor(i * step)]!);
}
const quiet = new VirtualConsole();
const preds: Record<string, Prediction> = {};
const rows: string[] = [];
const featureRows: string[] = [];
for (const p of pages) {
  const html = gunzipSync(readFileSync(resolve(dir, p.file))).toString('utf8');
  const dom = new JSDOM(html, { url: 'http://127.0.0.1/page', virtualConsole: quiet });
  const onFeatures = (f: FeatureRow): void => {
    featureRows.push(JSON.stringify({ id: p.id, set: p.set, type: p.type, ...f }));
  };
  const a = captureDocument(dom.window.document, p.url, { timeBudgetMs: 5_000, onFeatures });
  dom.window.close();
  preds[p.id] = { body: a.text, title: a.title, author: a.byline ?? '', date: a.publishedAt?.slice(0, 10) ?? '', is_article: a.isArticle };
  const pr = bodyPrecisionRecall(p.body, a.text);
  rows.push(JSON.stringify({ id: p.id, set: p.set, type: p.type, url: p.url, p: pr.p, r: pr.r, gold: { title: p.title, author: p.author, date: p.date }, pred: { title: a.title, author: a.byline, date: a.publishedAt, isArticle: a.isArticle, reason: a.notArticleReason } }));
}
const out = opt('--out');
if (out) writeFileSync(out, rows.join('\n') + '\n');
const featuresOut = opt('--features');
if (featuresOut) writeFileSync(featuresOut, featureRows.join('\n') + '\n');
const articles = pages.filter((p) => p.type === 'article');
for (const set of [...new Set(articles.map((p) => p.set))].sort().concat('all')) {
  const s = scoreArticles(set === 'all' ? articles : articles.filter((p) => p.set === set), preds);
  console.log(set, s.n, 'P', s.bodyP.toFixed(3), 'R', s.bodyR.toFixed(3), 'F1', s.bodyF1.toFixed(3), 'title', s.title?.toFixed(3), 'author', s.author?.toFixed(3), 'date', s.date?.toFixed(3));
}
const d = scoreDetection(pages, preds);
console.log('detect P', d.precision.toFixed(3), 'R', d.recall.toFixed(3));
