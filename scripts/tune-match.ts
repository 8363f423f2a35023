/**
 * Quick matching runs for tuning, in memory (scripts/lib/match-sim.ts):
 *
 *   npx tsx scripts/tune-match.ts [--fold A|B|all] [--set K=V,...] [--grid "K=a|b,K2=c|d"] [--errors pac] [--out PRED.json]
 *
 * K is any field of score.ts `ScoreWeights`, stories.ts `StoryThresholds` or
 * refine.ts `SplitThresholds` (seam=0 never cuts a story).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { DEFAULT_WEIGHTS, type ScoreWeights } from '../src/core/matching/score';
import { featuresOf } from '../src/core/matching/signature';
import { DEFAULT_SPLIT, type SplitThresholds } from '../src/core/matching/refine';
import { DEFAULT_STORY_THRESHOLDS, type StoryThresholds } from '../src/core/matching/stories';
import { parseArgs } from './lib/args';
import { foldOf, readEvalArticles, type EvalArticle } from './lib/match-eval-data';
import { scoreAll, type Scores } from './lib/match-metrics';
import { simulate } from './lib/match-sim';

const args = parseArgs(process.argv.slice(2), { articles: '../shared/eval/matching/articles.jsonl', fold: 'all', set: '', grid: undefined, errors: undefined, out: undefined });
const all = readEvalArticles(readFileSync(args.articles!, 'utf8'));
const rows = args.fold === 'all' ? all : all.filter((r) => foldOf(r) === args.fold);

/** "k=v,k2=v2" over the defaults. */
function parameters(spec: string): { weights: ScoreWeights; thresholds: StoryThresholds; split: SplitThresholds } {
  const weights: ScoreWeights = { ...DEFAULT_WEIGHTS };
  const thresholds: StoryThresholds = { ...DEFAULT_STORY_THRESHOLDS };
  const split: SplitThresholds = { ...DEFAULT_SPLIT };
  for (const kv of spec.split(',').filter(Boolean)) {
    const [k, v] = kv.split('=') as [string, string];
    const table = [weights, thresholds, split].find((t) => k in t) as Record<string, number> | undefined;
    if (!table) throw new Error(`unknown parameter ${k}`);
    table[k] = Number(v);
  }
  return { weights, thresholds, split };
}

const articles = rows.map((r: EvalArticle) => ({
  id: r.id,
  features: featuresOf({ title: r.title ?? '', text: r.text, lang: null, siteName: r.outlet ?? (r.url ? new URL(r.url).hostname : 'unknown'), byline: null }),
  publishedAt: r.date ? new Date(`${r.date.slice(0, 10)}T12:00:00Z`).toISOString() : null,
}));
if (args.grid) {
  // "k=a|b,k2=c|d": every combination, one line each, on top of --set.
  let specs = [args.set!];
  for (const axis of args.grid.split(',')) {
    const [k, vs] = axis.split('=') as [string, string];
    specs = specs.flatMap((s) => vs.split('|').map((v) => [s, `${k}=${v}`].filter(Boolean).join(',')));
  }
  for (const spec of specs) {
    const s = scoreAll(rows, await simulate(articles, parameters(spec)));
    const cells = Object.entries(s).map(([set, v]) => `${set} ${v.p_at_1?.toFixed(3)} ${v.r_prec?.toFixed(3)} ${v.bcubed_f1.toFixed(3)}`);
    console.log(`${spec.padEnd(60)} | ${cells.join(' | ')}`);
  }
  process.exit(0);
}
const pred = await simulate(articles, parameters(args.set!));
const scores = scoreAll(rows, pred);
printScores(scores);
if (args.out) writeFileSync(args.out, JSON.stringify(pred));

if (args.errors) {
  const byId = new Map(rows.map((r) => [r.id, r]));
  const head = (r: EvalArticle) => (r.title || r.text.slice(0, 80)).replace(/\s+/g, ' ').slice(0, 90);
  for (const r of rows) {
    if (r.set !== args.errors) continue;
    const ranked = pred[r.id]!.ranked.filter((j) => byId.get(j)!.set === r.set);
    const top = byId.get(ranked[0]!);
    if (top && top.event_id === r.event_id) continue;
    const at = ranked.findIndex((j) => byId.get(j)!.event_id === r.event_id);
    console.log(`${r.id} ${r.date ?? ''} ${head(r)}\n   top ${top?.id} ${top?.date ?? ''} ${top ? head(top) : ''} | partner at ${at}`);
  }
}

function printScores(s: Record<string, Scores>): void {
  const fmt = (x: number | null) => (x === null ? '  -  ' : x.toFixed(3));
  console.log('set      n    queries  P@1    R-prec MAP    B3-P   B3-R   B3-F1');
  for (const [set, v] of Object.entries(s)) {
    console.log(`${set.padEnd(8)} ${String(v.n).padEnd(4)} ${String(v.queries).padEnd(8)} ${fmt(v.p_at_1)}  ${fmt(v.r_prec)}  ${fmt(v.map)}  ${fmt(v.bcubed_p)}  ${fmt(v.bcubed_r)}  ${fmt(v.bcubed_f1)}`);
  }
}
