/**
 * Same-event matching, measured through the extension's own store and
 * matcher: every article of the eval file is captured, stored and filed in
 * file order (IndexedDB provided by fake-indexeddb), then each is queried
 * as the sidebar would query it. Prints the figures ../shared/README.md
 * defines, overall and per set.
 *
 *   npm run eval:match -- [--articles FILE.jsonl] [--fold A|B] [--out PRED.json]
 *
 * `--fold` keeps one half of the events (scripts/lib/match-eval-data.ts says
 * how they are split), as a library of its own: parameters tuned on one half
 * are measured on events they never saw.
 */
import 'fake-indexeddb/auto';
import { readFileSync, writeFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import type { CapturedArticle } from '../src/core/article';
import { countWords } from '../src/core/text';
import { ingest, placementOf, rankedIds } from '../src/background/store/library';
import { openParallaxDB } from '../src/background/store/schema';
import { parseArgs } from './lib/args';
import { foldOf, readEvalArticles, type EvalArticle } from './lib/match-eval-data';
import { scoreAll, type Prediction } from './lib/match-metrics';

const args = parseArgs(process.argv.slice(2), { articles: '../shared/eval/matching/articles.jsonl', fold: undefined, out: undefined });
if (args.fold !== undefined && args.fold !== 'A' && args.fold !== 'B') throw new Error(`--fold must be A or B, not ${args.fold}`);
const rows = readEvalArticles(readFileSync(args.articles!, 'utf8')).filter((r) => args.fold === undefined || foldOf(r) === args.fold);

function asCapture(r: EvalArticle): CapturedArticle {
  // Each eval record is a distinct report even where two share a URL (the set has one such pair),
  // so the canonical address, which the store deduplicates on, is made from the record's id.
  const canonicalUrl = `https://eval.invalid/${encodeURIComponent(r.id)}`;
  return {
    url: r.url ?? canonicalUrl,
    canonicalUrl,
    title: r.title ?? '',
    siteName: r.outlet ?? (r.url ? new URL(r.url).hostname : 'unknown'),
    byline: null,
    publishedAt: r.date ? new Date(`${r.date.slice(0, 10)}T12:00:00Z`).toISOString() : null,
    modifiedAt: null,
    lang: null,
    description: null,
    text: r.text,
    wordCount: countWords(r.text),
    isArticle: true,
  };
}

// The store names articles and stories with random UUIDs, and ties in score are broken by id: ids handed
// out in arrival order make two runs of the eval print the same figures.
let issued = 0;
crypto.randomUUID = () => `00000000-0000-4000-8000-${(issued++).toString(16).padStart(12, '0')}` as ReturnType<typeof crypto.randomUUID>;

const db = await openParallaxDB(`parallax-eval-${Date.now()}`);
const storedId = new Map<string, string>();
const t0 = performance.now();
for (const r of rows) {
  const { article } = await ingest(db, asCapture(r));
  storedId.set(r.id, article.id);
}
const t1 = performance.now();
const evalId = new Map([...storedId].map(([e, s]) => [s, e]));
const pred: Record<string, Prediction> = {};
for (const r of rows) {
  const id = storedId.get(r.id)!;
  const ranked = (await rankedIds(db, id, 30)).map((s) => evalId.get(s)!).filter(Boolean);
  pred[r.id] = { ranked, story: (await placementOf(db, id))?.storyId ?? `single:${r.id}` };
}
const t2 = performance.now();

const scores = scoreAll(rows, pred);
const fmt = (x: number | null) => (x === null ? '  -  ' : x.toFixed(3));
console.log(`${args.fold ? `fold ${args.fold}: ` : ''}articles ${rows.length}, events ${new Set(rows.map((r) => r.event_id)).size}; ingest ${((t1 - t0) / rows.length).toFixed(2)} ms/article, query ${((t2 - t1) / rows.length).toFixed(2)} ms/article (node, fake-indexeddb)`);
console.log('set      n    queries  P@1    R-prec MAP    B3-P   B3-R   B3-F1');
for (const [set, s] of Object.entries(scores)) {
  console.log(
    `${set.padEnd(8)} ${String(s.n).padEnd(4)} ${String(s.queries).padEnd(8)} ${fmt(s.p_at_1)}  ${fmt(s.r_prec)}  ${fmt(s.map)}  ${fmt(s.bcubed_p)}  ${fmt(s.bcubed_r)}  ${fmt(s.bcubed_f1)}`,
  );
}
console.log(JSON.stringify(scores));
if (args.out) {
  writeFileSync(args.out, JSON.stringify(pred));
  console.log(`predictions written to ${args.out}`);
}
db.close();
