/**
 * The sample newsstand (src/demo/site: 11 reports of 3 events, two of them
 * look-alike plant fires) captured as the content script would and filed
 * through the real store in several orders. What a reader is shown must not
 * depend on the order the articles were read in.
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { IDBFactory } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { ingest, relatedTo } from '../../src/background/store/library';
import { openParallaxDB } from '../../src/background/store/schema';
import { captureDocument } from '../../src/core/capture';
import type { CapturedArticle } from '../../src/core/article';
import { documentFrom } from './dom';

const SITE = resolve(import.meta.dirname, '../../src/demo/site');
const listed = JSON.parse(readFileSync(join(SITE, 'articles.json'), 'utf8')) as { path: string; event: string }[];
const origin = 'http://127.0.0.1:8000';
const samples = listed.map((a) => ({ ...a, capture: captureDocument(documentFrom(readFileSync(join(SITE, a.path), 'utf8')), origin + a.path) }));

/** A seeded shuffle (mulberry32), so a failing order can be replayed. */
function shuffled<T>(items: T[], seed: number): T[] {
  let s = seed >>> 0;
  const random = () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

/** Files the samples in `order` and returns, per article path, what its sidebar lists (path → score). */
async function related(order: typeof samples): Promise<Map<string, Map<string, number>>> {
  globalThis.indexedDB = new IDBFactory();
  const db = await openParallaxDB();
  const pathOf = new Map<string, string>();
  for (const s of order) pathOf.set((await ingest(db, s.capture as CapturedArticle)).article.id, s.path);
  const out = new Map<string, Map<string, number>>();
  for (const [id, path] of pathOf) out.set(path, new Map((await relatedTo(db, id)).map((r) => [pathOf.get(r.id)!, Number(r.score.toFixed(6))])));
  db.close();
  return out;
}

const orders: [string, typeof samples][] = [
  ['as listed', samples],
  ['reversed', [...samples].reverse()],
  ...[1, 2, 3, 4, 5].map((seed): [string, typeof samples] => [`shuffled (seed ${seed})`, shuffled(samples, seed)]),
];

describe('the sample newsstand filed in different orders', () => {
  it('captures every sample as an article', () => {
    for (const s of samples) expect(s.capture.isArticle, s.path).toBe(true);
  });

  it.each(orders)('relates every report to all reports of its own event and to no other (%s)', async (_name, order) => {
    const lists = await related(order);
    const eventOf = new Map(samples.map((s) => [s.path, s.event]));
    for (const s of samples) {
      const expected = samples.filter((o) => o.event === s.event && o !== s).map((o) => o.path).sort();
      expect([...lists.get(s.path)!.keys()].sort(), s.path).toEqual(expected);
      for (const other of lists.get(s.path)!.keys()) expect(eventOf.get(other), `${s.path} → ${other}`).toBe(s.event);
    }
  });

  it('scores every pair the same whatever the order', async () => {
    const first = await related(orders[0]![1]);
    for (const [name, order] of orders.slice(1, 4)) {
      const other = await related(order);
      for (const [path, list] of first) expect(Object.fromEntries(other.get(path)!), `${name}: ${path}`).toEqual(Object.fromEntries(list));
    }
  });
});
