/**
 * `npm run eval:extract:reference -- [--pages DIR] [--limit N]`
 *
 * The same pages and figures as `npm run eval:extract`, through Mozilla
 * Readability and Defuddle instead of Parallax's capture, so the choice to
 * write our own pipeline rests on a measurement made here rather than on
 * quoted numbers. Both run in jsdom, the way their authors test them; the
 * HTML is parsed without running its scripts, as in our own eval.
 *
 * Detection: Readability's `isProbablyReaderable` is its answer to "is this an
 * article?"; Defuddle has none, so it gets no detection line.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { isProbablyReaderable, Readability } from '@mozilla/readability';
import { Defuddle } from 'defuddle/node';
import { JSDOM, VirtualConsole } from 'jsdom';
import { scoreArticles, scoreDetection, type GoldPage, type Prediction } from './eval/score';

interface Options {
  pages: string;
  limit: number | null;
}

function parseArgs(argv: string[]): Options {
  const opts: Options = { pages: resolve(import.meta.dirname, '../../shared/eval/extraction'), limit: null };
  for (let i = 0; i < argv.length; i += 2) {
    const [flag, value] = [argv[i], argv[i + 1]];
    if (value === undefined) throw new Error(`${flag} needs a value`);
    if (flag === '--pages') opts.pages = resolve(value);
    else if (flag === '--limit' && Number.isInteger(Number(value)) && Number(value) > 0) opts.limit = Number(value);
    else throw new Error(`unknown option ${flag} ${value}`);
  }
  return opts;
}

/** Every k-th page, so a limited run still spans both sets and every page type. */
function sample<T>(items: T[], limit: number | null): T[] {
  if (!limit || limit >= items.length) return items;
  const step = items.length / limit;
  return Array.from({ length: limit }, (_, i) => items[Math.floor(i * step)]!);
}

const BLOCK = new Set(['P', 'DIV', 'LI', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'BLOCKQUOTE', 'PRE', 'TR', 'TD', 'TH', 'BR', 'FIGCAPTION', 'SECTION', 'ARTICLE', 'UL', 'OL', 'DT', 'DD']);

/**
 * Text of an extractor's HTML output with blocks kept apart: bare
 * `textContent` glues "end of paragraph.Next paragraph" into one token, which
 * would cost the library shingles it did find.
 */
function textOfHtml(html: string): string {
  const doc = new JSDOM(`<body>${html}</body>`).window.document;
  for (const el of doc.body.querySelectorAll('*')) if (BLOCK.has(el.tagName)) el.after(doc.createTextNode('\n'));
  return (doc.body.textContent ?? '').replace(/[ \t\u00a0]+/g, ' ').replace(/\s*\n\s*/g, '\n').trim();
}

const day = (value: string | null | undefined): string => {
  if (!value) return '';
  const iso = /^\d{4}-\d{2}-\d{2}/.exec(value.trim());
  if (iso) return iso[0];
  const parsed = new Date(value);
  return Number.isNaN(parsed.getTime()) ? '' : parsed.toISOString().slice(0, 10);
};

function parse(html: string, url: string): JSDOM {
  // Pages log CSS and markup complaints by the hundred; they are not our figures.
  return new JSDOM(html, { url, virtualConsole: new VirtualConsole() });
}

function readability(html: string, url: string): Prediction {
  const doc = parse(html, url).window.document;
  const readable = isProbablyReaderable(doc);
  const result = new Readability(doc).parse();
  return {
    body: result?.content ? textOfHtml(result.content) : '',
    title: result?.title ?? '',
    author: result?.byline ?? '',
    date: day(result?.publishedTime),
    is_article: readable,
  };
}

async function defuddle(html: string, url: string): Promise<Prediction> {
  // Defuddle logs a stack trace for every page with broken JSON-LD; the table is what this prints.
  const log = console.error;
  console.error = () => {};
  const result = await Defuddle(parse(html, url), url).finally(() => (console.error = log));
  return {
    body: result.content ? textOfHtml(result.content) : '',
    title: result.title ?? '',
    author: result.author ?? '',
    date: day(result.published),
    is_article: true,
  };
}

const f3 = (x: number | null): string => (x === null ? '  -  ' : x.toFixed(3));

function printTable(name: string, articles: GoldPage[], preds: Record<string, Prediction>): void {
  console.log(`\n${name}`);
  console.log('set      n     body P  body R  body F1  title   author  date');
  const sets = [...new Set(articles.map((p) => p.set))].sort();
  for (const set of [...sets, 'all']) {
    const s = scoreArticles(set === 'all' ? articles : articles.filter((p) => p.set === set), preds);
    console.log(`${set.padEnd(7)} ${String(s.n).padStart(4)}   ${f3(s.bodyP)}   ${f3(s.bodyR)}   ${f3(s.bodyF1)}   ${f3(s.title)}   ${f3(s.author)}   ${f3(s.date)}`);
  }
}

async function main(): Promise<void> {
  const opts = parseArgs(process.argv.slice(2));
  const pages = sample(
    readFileSync(resolve(opts.pages, 'pages.jsonl'), 'utf8')
      .split('\n')
      .filter((line) => line.trim())
      .map((line) => JSON.parse(line) as GoldPage),
    opts.limit,
  );
  const started = Date.now();
  const byReadability: Record<string, Prediction> = {};
  const byDefuddle: Record<string, Prediction> = {};
  const failures: string[] = [];
  let done = 0;
  for (const page of pages) {
    const html = gunzipSync(readFileSync(resolve(opts.pages, page.file))).toString('utf8');
    try {
      byReadability[page.id] = readability(html, page.url);
    } catch (err) {
      failures.push(`readability ${page.id}: ${String(err).split('\n')[0]}`);
    }
    // Defuddle has no detection, so it only runs where there is an article to score.
    if (page.type === 'article') {
      try {
        byDefuddle[page.id] = await defuddle(html, page.url);
      } catch (err) {
        failures.push(`defuddle ${page.id}: ${String(err).split('\n')[0]}`);
      }
    }
    if (++done % 100 === 0) process.stderr.write(`  ${done}/${pages.length} pages\n`);
  }
  const articles = pages.filter((p) => p.type === 'article');
  console.log(`Reference extractors on ${pages.length} pages (${articles.length} articles), ${((Date.now() - started) / 1000).toFixed(0)} s, in jsdom`);
  printTable('Mozilla Readability', articles, byReadability);
  const det = scoreDetection(pages, byReadability);
  console.log(`\nisProbablyReaderable as is_article (${det.n} pages): precision ${f3(det.precision)}  recall ${f3(det.recall)}`);
  printTable('Defuddle', articles, byDefuddle);
  if (failures.length) {
    console.log(`\n${failures.length} failure(s):`);
    for (const f of failures.slice(0, 20)) console.log(`  ${f}`);
  }
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? (err.stack ?? err.message) : String(err));
  process.exit(1);
});
