/**
 * `parallax compare FILE... [--json]`: the sidebar's comparison for local
 * files, for researchers and for checking the comparison without a browser.
 * `.html` files are captured as the extension would; in `.txt` files the first
 * non-empty line is the headline and the rest is the text.
 */
import { readFile } from 'node:fs/promises';
import { basename, extname, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { compareStory, type CompareInput, type Comparison } from '../core/compare';
import { captureFile } from './extract';

export const COMPARE_USAGE = 'usage: parallax compare FILE... [--json]   (.html pages, or .txt with the headline on the first line)';

export async function readReport(path: string, index: number): Promise<CompareInput> {
  const url = pathToFileURL(path).href;
  const name = basename(path, extname(path));
  if (extname(path).toLowerCase() === '.txt') {
    const lines = (await readFile(path, 'utf8')).replace(/^\uFEFF/, '').split(/\r?\n/);
    const first = lines.findIndex((l) => l.trim());
    if (first < 0) throw new Error(`${path} is empty`);
    return { id: `${index}`, siteName: name, title: lines[first]!.trim(), text: lines.slice(first + 1).join('\n'), url, publishedAt: null, modifiedAt: null, lang: 'en' };
  }
  const a = await captureFile(path, url);
  const site = a.siteName && !a.siteName.includes('/') ? a.siteName : name;
  return { id: `${index}`, siteName: site, title: a.title, text: a.text, url: a.canonicalUrl, publishedAt: a.publishedAt, modifiedAt: a.modifiedAt, lang: a.lang };
}

export function formatComparison(c: Comparison): string {
  const site = new Map(c.outlets.map((o) => [o.articleId, o.siteName]));
  const names = (refs: { articleId: string }[]) => [...new Set(refs.map((r) => site.get(r.articleId)))].join(', ');
  const out: string[] = [];
  const heading = (title: string, count?: number) => out.push('', count === undefined ? title.toUpperCase() : `${title.toUpperCase()} (${count})`);
  out.push(`${c.outlets.length} reports (${c.reports} independent): ${c.outlets.map((o) => o.siteName).join(', ')}`);
  for (const w of c.wire) out.push(`  same agency copy: ${w.siteNames.join(', ')}`);

  heading('What most report', c.agreed.length);
  for (const s of c.agreed) out.push(`  • ${s.text}`, `      ${names(s.sources)}`);
  if (c.figures.disputed.length) {
    heading('Where the figures differ', c.figures.disputed.length);
    for (const d of c.figures.disputed) out.push(`  ${d.subject}: ${d.values.map((v) => `${v.text} (${names(v.mentions)})`).join('  |  ')}`);
  }
  if (c.figures.agreed.length) {
    heading('Figures they share', c.figures.agreed.length);
    for (const f of c.figures.agreed) out.push(`  ${f.text}: ${names(f.mentions)}`);
  }
  if (c.partlyShared.length) {
    heading('Reported by some', c.partlyShared.length);
    for (const s of c.partlyShared) out.push(`  • ${s.text}`, `      ${names(s.sources)}`);
  }
  heading('Only in one report');
  for (const o of c.onlyHere) {
    out.push(`  ${o.siteName}:`);
    for (const s of o.statements) out.push(`    • ${s.text}`);
  }
  if (c.quotes.length) {
    heading('Who they quote', c.quotes.length);
    for (const q of c.quotes) {
      out.push(`  ${q.speaker ?? 'unattributed'} (${q.siteNames.join(', ')})`);
      for (const quote of q.quotes) out.push(`    “${quote.text}” — ${names(quote.sources)}`);
    }
  }
  heading('Headlines ([marked] words appear in no other headline)');
  for (const h of c.headlines) out.push(`  ${h.siteName}: ${h.words.map((w) => (w.distinctive ? `[${w.text}]` : w.text)).join(' ')}`);
  heading('Timeline');
  for (const e of c.timeline) out.push(`  ${e.publishedAt ?? 'undated'}  ${e.siteName}${e.minutesAfterFirst ? `  (+${e.minutesAfterFirst} min)` : ''}`);
  return out.join('\n');
}


export async function compareCommand(args: string[]): Promise<number> {
  const json = args.includes('--json');
  const unknown = args.find((a) => a.startsWith('-') && a !== '--json');
  const files = args.filter((a) => !a.startsWith('-'));
  if (unknown || files.length < 2) {
    console.error(unknown ? `parallax: unexpected argument "${unknown}"\n${COMPARE_USAGE}` : `parallax: compare needs at least two files\n${COMPARE_USAGE}`);
    return 2;
  }
  try {
    const reports = await Promise.all(files.map((f, i) => readReport(resolve(f), i)));
    const comparison = compareStory(reports);
    console.log(json ? JSON.stringify(comparison, null, 2) : formatComparison(comparison));
    return 0;
  } catch (err) {
    console.error(`parallax: ${err instanceof Error ? err.message : String(err)}`);
    return 1;
  }
}
