/**
 * `npx tsx scripts/eval-align.ts [--verbose yes]`: how well the comparison lines up sentences
 * that state the same fact, against the hand labels in lib/alignment-gold.ts.
 *
 * - side by side (alignPair, every pair of a story's outlets): precision =
 *   share of paired rows whose two sentences state one labelled fact; recall =
 *   share of labelled sentences (those with a partner in the other report)
 *   that are paired with one of their partners.
 * - story (compareStory's agreed and partly shared statements): the same, over
 *   every two sources of a statement, and every labelled sentence of the story.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseHTML } from 'linkedom';
import { captureDocument } from '../src/core/capture';
import { alignPair, compareStory, sentencesOf, type CompareInput } from '../src/core/compare';
import { sampleArticles, SITE_DIR } from '../src/demo/launch';
import { GOLD } from './lib/alignment-gold';
import { parseArgs } from './lib/args';

type Key = string; // "outlet:index"

function load(event: string): CompareInput[] {
  return sampleArticles()
    .filter((a) => a.event === event)
    .map((a) => {
      const c = captureDocument(parseHTML(readFileSync(join(SITE_DIR, a.path), 'utf8')).document as unknown as Document, `http://127.0.0.1${a.path}`);
      return { id: a.path.split('/')[1]!, siteName: a.outlet, title: c.title, text: c.text, url: c.canonicalUrl, publishedAt: c.publishedAt, modifiedAt: c.modifiedAt, lang: c.lang };
    });
}

interface Tally {
  predicted: number;
  correct: number;
  labelled: number;
  found: number;
}
const tally = (): Tally => ({ predicted: 0, correct: 0, labelled: 0, found: 0 });
const pct = (a: number, b: number) => (b ? ((100 * a) / b).toFixed(1) : '-');
const line = (name: string, t: Tally) =>
  `${name.padEnd(34)} precision ${pct(t.correct, t.predicted).padStart(5)}% (${t.correct}/${t.predicted})   recall ${pct(t.found, t.labelled).padStart(5)}% (${t.found}/${t.labelled})`;

/** Gold partners of each labelled sentence, resolved from fragments to sentence indexes. */
function partners(story: (typeof GOLD)[number], articles: CompareInput[]): Map<Key, Set<Key>> {
  const texts = new Map(articles.map((a) => [a.id, sentencesOf(a).map((s) => s.ref.text)]));
  const resolve = (outlet: string, fragment: string): Key => {
    const hits = (texts.get(outlet) ?? []).flatMap((t, i) => (t.includes(fragment) ? [i] : []));
    if (hits.length !== 1) throw new Error(`${story.event}: "${fragment}" matches ${hits.length} sentences of ${outlet}`);
    return `${outlet}:${hits[0]}`;
  };
  const out = new Map<Key, Set<Key>>();
  for (const fact of story.facts) {
    const keys = Object.entries(fact).flatMap(([outlet, fragments]) => fragments.map((f) => resolve(outlet, f)));
    for (const a of keys) for (const b of keys) if (a.split(':')[0] !== b.split(':')[0]) (out.get(a) ?? out.set(a, new Set()).get(a)!).add(b);
  }
  return out;
}

const args = parseArgs(process.argv.slice(2), { verbose: 'no' });
const verbose = args.verbose === 'yes';
let textOf = (_k: Key) => '';

function score(t: Tally, gold: Map<Key, Set<Key>>, pairs: [Key, Key][], outlets: Set<string>): void {
  const paired = new Map<Key, Set<Key>>();
  for (const [a, b] of pairs) {
    t.predicted++;
    if (gold.get(a)?.has(b)) t.correct++;
    else if (verbose) console.log(`    wrong: ${textOf(a)}\n       <-> ${textOf(b)}`);
    (paired.get(a) ?? paired.set(a, new Set()).get(a)!).add(b);
    (paired.get(b) ?? paired.set(b, new Set()).get(b)!).add(a);
  }
  for (const [a, partnersOfA] of gold) {
    if (!outlets.has(a.split(':')[0]!)) continue;
    const relevant = [...partnersOfA].filter((b) => outlets.has(b.split(':')[0]!));
    if (!relevant.length) continue;
    t.labelled++;
    if (relevant.some((b) => paired.get(a)?.has(b))) t.found++;
    else if (verbose) console.log(`    missed: ${textOf(a)}  [${paired.get(a)?.size ? `paired with ${textOf([...paired.get(a)!][0]!)}` : 'unpaired'}]`);
  }
}

for (const story of GOLD) {
  const articles = load(story.event);
  const gold = partners(story, articles);
  const texts = new Map(articles.map((a) => [a.id, sentencesOf(a).map((s) => s.ref.text)]));
  textOf = (k) => `${k} ${texts.get(k.split(':')[0]!)![Number(k.split(':')[1])]!.slice(0, 90)}`;
  const pair = tally();
  for (let i = 0; i < articles.length; i++) {
    for (let j = i + 1; j < articles.length; j++) {
      const a = articles[i]!;
      const b = articles[j]!;
      const rows = alignPair(a, b).rows.filter((r) => r.left && r.right);
      score(pair, gold, rows.map((r) => [`${a.id}:${r.left!.ref.index}`, `${b.id}:${r.right!.ref.index}`]), new Set([a.id, b.id]));
    }
  }
  const c = compareStory(articles);
  const storyPairs: [Key, Key][] = [];
  for (const s of [...c.agreed, ...c.partlyShared]) {
    for (let x = 0; x < s.sources.length; x++)
      for (let y = x + 1; y < s.sources.length; y++) storyPairs.push([`${s.sources[x]!.articleId}:${s.sources[x]!.index}`, `${s.sources[y]!.articleId}:${s.sources[y]!.index}`]);
  }
  const st = tally();
  score(st, gold, storyPairs, new Set(articles.map((a) => a.id)));
  console.log(`${story.event} (${story.role})`);
  console.log(`  ${line('side by side (alignPair)', pair)}`);
  console.log(`  ${line('story (agreed + partly shared)', st)}`);
}
