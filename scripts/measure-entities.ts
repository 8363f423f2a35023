/**
 * `npm run measure:entities -- [--articles FILE.jsonl]`
 *
 * Why Parallax finds names with its own rules instead of an NLP library: this
 * prints, for our extractor and for compromise (the best-known pure-JS
 * tagger that runs in a service worker without a model download), what each
 * costs and what each is worth to the matcher.
 *
 * - size: minified + gzipped bytes each adds to the background bundle;
 * - speed: milliseconds per article over the matching eval set;
 * - worth: the matcher needs names that tell one event from a look-alike, so
 *   each article's people/organisations/places alone rank every other
 *   article (Jaccard of the name sets) and we score P@1 and R-precision by
 *   event label. No NER gold exists for these texts; this asks the only
 *   question the product asks of names.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import nlp from 'compromise';
import { extractEntities } from '../src/core/analysis';
import { readEvalArticles, type EvalArticle } from './lib/match-eval-data';

const args = process.argv.slice(2);
const fileFlag = args.indexOf('--articles');
const file = fileFlag >= 0 ? resolve(args[fileFlag + 1]!) : resolve(import.meta.dirname, '../../shared/eval/matching/articles.jsonl');

type Extractor = (text: string) => Set<string>;

// Every name ours finds, typed or not: the matcher keys on all of them.

const ours: Extractor = (text) => new Set(extractEntities(text, 'en').map((e) => e.key));

/** Lower-cased like our keys; a person keyed by surname, as later mentions drop the first name. */
const theirs: Extractor = (text) => {
  const doc = nlp(text);
  const keys = new Set<string>();
  for (const p of doc.people().out('array') as string[]) {
    const words = p.toLowerCase().replace(/[^\p{L}\p{N}\s'-]/gu, '').trim().split(/\s+/);
    if (words.at(-1)) keys.add(words.at(-1)!);
  }
  for (const group of [doc.organizations(), doc.places()]) {
    for (const name of group.out('array') as string[]) {
      const key = name.toLowerCase().replace(/[^\p{L}\p{N}\s'&-]/gu, '').trim();
      if (key) keys.add(key);
    }
  }
  return keys;
};

async function bundledBytes(entry: string): Promise<number> {
  const out = await build({ stdin: { contents: entry, resolveDir: resolve(import.meta.dirname, '..'), loader: 'ts' }, bundle: true, minify: true, write: false, format: 'esm', platform: 'browser' });
  return gzipSync(out.outputFiles[0]!.contents).length;
}

function jaccard(a: Set<string>, b: Set<string>): number {
  if (!a.size || !b.size) return 0;
  let shared = 0;
  for (const x of a) if (b.has(x)) shared++;
  return shared / (a.size + b.size - shared);
}

function rankQuality(articles: EvalArticle[], names: Set<string>[]): { p1: number; rprec: number } {
  let p1 = 0;
  let rprec = 0;
  let queries = 0;
  for (let i = 0; i < articles.length; i++) {
    const relevant = articles.filter((a, j) => j !== i && a.event_id === articles[i]!.event_id).length;
    if (!relevant) continue;
    queries++;
    // Ties broken by position in the file, so the figure is repeatable.
    const ranked = articles
      .map((a, j) => ({ j, s: j === i ? -1 : jaccard(names[i]!, names[j]!) }))
      .sort((x, y) => y.s - x.s || x.j - y.j);
    const same = (k: number) => articles[ranked[k]!.j]!.event_id === articles[i]!.event_id && ranked[k]!.s > 0;
    if (same(0)) p1++;
    let hits = 0;
    for (let k = 0; k < relevant; k++) if (same(k)) hits++;
    rprec += hits / relevant;
  }
  return { p1: p1 / queries, rprec: rprec / queries };
}

async function main(): Promise<void> {
  const articles = readEvalArticles(readFileSync(file, 'utf8'));
  const texts = articles.map((a) => `${a.title ?? ''}.\n${a.text}`);
  const sizes = {
    ours: await bundledBytes(`import { extractEntities } from './src/core/analysis/entities'; console.log(extractEntities);`),
    compromise: await bundledBytes(`import nlp from 'compromise'; console.log(nlp);`),
  };
  console.log(`Entity extractors on ${articles.length} articles (${file})\n`);
  console.log('extractor     gzip KB   ms/article   names/article   P@1 by names   R-prec by names');
  for (const [name, extract] of [['parallax', ours], ['compromise', theirs]] as const) {
    extract(texts[0]!); // warm the JIT and any lazy tables before timing
    const start = performance.now();
    const names = texts.map(extract);
    const ms = (performance.now() - start) / texts.length;
    const { p1, rprec } = rankQuality(articles, names);
    const perArticle = names.reduce((n, s) => n + s.size, 0) / names.length;
    const kb = (name === 'parallax' ? sizes.ours : sizes.compromise) / 1024;
    console.log(`${name.padEnd(12)} ${kb.toFixed(1).padStart(8)}   ${ms.toFixed(2).padStart(10)}   ${perArticle.toFixed(1).padStart(13)}   ${p1.toFixed(3).padStart(12)}   ${rprec.toFixed(3).padStart(15)}`);
  }
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? (err.stack ?? err.message) : String(err));
  process.exit(1);
});
