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
import { parseArgs } from './lib/args';
import { f3, printArticleTable, readGoldPages, sample } from './eval/report';
import { scoreDetection, type Prediction } from './eval/score';

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

function printTable(name: string, articles: ReturnType<typeof readGoldPages>, preds: Record<string, Prediction>): void {
  console.log(`\n${name}`);
  printArticleTable(articles, preds);
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2), { pages: resolve(import.meta.dirname, '../../shared/eval/extraction'), limit: undefined });
  const dir = resolve(args.pages!);
  const limit = args.limit === undefined ? null : Number(args.limit);
  if (limit !== null && !(Number.isInteger(limit) && limit > 0)) throw new Error('--limit takes a positive whole number');
  const pages = sample(readGoldPages(dir), limit);
  const started = Date.now();
  const byReadability: Record<string, Prediction> = {};
  const byDefuddle: Record<string, Prediction> = {};
  const failures: string[] = [];
  let done = 0;
  for (const page of pages) {
    const html = gunzipSync(readFileSync(resolve(dir, page.file))).toString('utf8');
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
