/**
 * The benchmark's reference: the same synthetic library and queries through
 * MiniSearch, a well-kept full-text library, with its index serialised to
 * JSON and loaded back for the cold queries (`loadJSON`, as a worker woken
 * cold would). A query is the article's headline and its first 30 words,
 * any term matching, best 40 kept: about the work of the matcher's candidate
 * search, without its re-scoring. Reference queries are capped (50 warm, 10
 * cold): at 100,000 articles each takes seconds.
 */
import MiniSearch from 'minisearch';
import { mulberry32, syntheticStream } from './synthetic';

export interface MiniSearchRun {
  size: number;
  ingestPerSecond: number;
  warm: number[];
  cold: number[];
  /** Size of the serialised index. */
  jsonBytes: number;
}

const OPTIONS = { fields: ['title', 'text'], storeFields: ['title'], idField: 'id' };

function queryOf(a: { title: string; text: string }): string {
  return `${a.title} ${a.text.split(/\s+/, 30).join(' ')}`;
}

/**
 * `persist` stores the serialised index and returns a function reading it
 * back (IndexedDB in the page, a string in node), so cold loads pay what a
 * real reload pays.
 */
export async function runMiniSearch(
  size: number,
  options: { seed?: number; warm?: number; cold?: number; persist: (json: string) => Promise<() => Promise<string>> },
): Promise<MiniSearchRun> {
  const seed = options.seed ?? 1;
  const warmCount = Math.min(options.warm ?? 200, 50);
  const coldCount = Math.min(options.cold ?? 30, 10);
  const ms = new MiniSearch(OPTIONS);
  const queries: string[] = [];
  const random = mulberry32(seed + 7);
  const wanted = new Set(Array.from({ length: warmCount + coldCount + 20 }, () => Math.floor(random() * size)));
  let n = 0;
  const t0 = performance.now();
  for (const { capture } of syntheticStream(size, { seed })) {
    ms.add({ id: n, title: capture.title, text: capture.text });
    if (wanted.has(n)) queries.push(queryOf(capture));
    n++;
  }
  const ingestMs = performance.now() - t0;
  const search = (index: MiniSearch, q: string) => index.search(q, { combineWith: 'OR' }).slice(0, 40);
  for (let i = 0; i < 5; i++) search(ms, queries[i % queries.length]!);
  const warm: number[] = [];
  for (let i = 0; i < warmCount; i++) {
    const t = performance.now();
    search(ms, queries[i % queries.length]!);
    warm.push(performance.now() - t);
  }
  const json = JSON.stringify(ms);
  const read = await options.persist(json);
  const cold: number[] = [];
  for (let i = 0; i < coldCount; i++) {
    const t = performance.now();
    const loaded = MiniSearch.loadJSON(await read(), OPTIONS);
    search(loaded, queries[(i * 7) % queries.length]!);
    cold.push(performance.now() - t);
  }
  return { size, ingestPerSecond: (size * 1000) / ingestMs, warm, cold, jsonBytes: json.length };
}
