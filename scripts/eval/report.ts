/**
 * What the extraction eval and the reference extractors' eval share: the
 * pages they read, how a limited run picks them, and the table they print,
 * so the two print figures that can be set side by side.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { scoreArticles, type GoldPage, type Prediction } from './score';

export function readGoldPages(dir: string): GoldPage[] {
  return readFileSync(resolve(dir, 'pages.jsonl'), 'utf8')
    .split('\n')
    .filter((line) => line.trim())
    .map((line) => JSON.parse(line) as GoldPage);
}

/** Every k-th page, so a limited run still spans both sets and every page type. */
export function sample<T>(items: T[], limit: number | null): T[] {
  if (!limit || limit >= items.length) return items;
  const step = items.length / limit;
  return Array.from({ length: limit }, (_, i) => items[Math.floor(i * step)]!);
}

export const f3 = (x: number | null): string => (x === null ? '  -  ' : x.toFixed(3));

/** Body, title, author and date figures per set and overall. */
export function printArticleTable(articles: GoldPage[], preds: Record<string, Prediction | undefined>): void {
  console.log('set      n     body P  body R  body F1  title   author  date');
  const sets = [...new Set(articles.map((p) => p.set))].sort();
  for (const set of [...sets, 'all']) {
    const s = scoreArticles(set === 'all' ? articles : articles.filter((p) => p.set === set), preds);
    console.log(`${set.padEnd(7)} ${String(s.n).padStart(4)}   ${f3(s.bodyP)}   ${f3(s.bodyR)}   ${f3(s.bodyF1)}   ${f3(s.title)}   ${f3(s.author)}   ${f3(s.date)}`);
  }
}
