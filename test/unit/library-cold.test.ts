import { describe, expect, it } from 'vitest';
import { documentFrequency, ingest, ingestMany, relatedTo } from '../../src/background/store/library';
import { FREQUENCY_BASE, FREQUENCY_SINGLES, openParallaxDB } from '../../src/background/store/schema';
import { syntheticArticles } from '../../scripts/lib/synthetic';

// A context opening the library afresh reads the frequency table without its keys of count 1:
// whatever it answers must be what a context holding every count answers.
describe('a library opened cold', () => {
  it('answers as the context that filed it, and files with every count, singles included', async () => {
    const library = syntheticArticles(420, { seed: 5 }).map((a) => a.capture);
    // A word only one article has, filed before the table is folded: it is stored among the singles.
    const word = 'zorbulanx';
    library[5] = { ...library[5]!, text: `${library[5]!.text} The ${word} committee met.` };
    const filer = await openParallaxDB();
    const filed = await ingestMany(filer, library.slice(0, 400));
    // A few more one by one: their counts are stored beside the folded table.
    for (const c of library.slice(400, 410)) filed.push(await ingest(filer, c));
    const base = (await filer.get('frequency-table', FREQUENCY_BASE)) as { singlesApart?: true };
    expect(base.singlesApart).toBe(true);
    expect(((await filer.get('frequency-table', FREQUENCY_SINGLES)) as Uint32Array).length).toBeGreaterThan(100);

    const sample = filed.filter((_, i) => i % 41 === 0).map((f) => f.article.id);
    const warm = await Promise.all(sample.map((id) => relatedTo(filer, id, { minScore: -1 })));
    const cold = await openParallaxDB();
    expect(cold).not.toBe(filer);
    for (let i = 0; i < sample.length; i++) expect(await relatedTo(cold, sample[i]!, { minScore: -1 })).toEqual(warm[i]);

    // Counted once, then twice once an article filed by a context opened cold shares it.
    const second = { ...library[411]!, text: `${library[411]!.text} The ${word} committee met again.` };
    const again = await openParallaxDB();
    expect(await documentFrequency(again, word)).toBe(1);
    const late = await openParallaxDB();
    await ingest(late, second);
    expect(await documentFrequency(late, word)).toBe(2);
    expect(await documentFrequency(await openParallaxDB(), word)).toBe(2);
  });
});

describe('a library whose frequency table was stored before 2026-11-27', () => {
  it('is read as it was stored (slot arrays whole, increments as additions) and goes on as one stored now', async () => {
    const library = syntheticArticles(300, { seed: 9 }).map((a) => a.capture);
    // Two libraries of the same articles: one keeps its table as stored now, the other is given the old form.
    const now = await openParallaxDB('now');
    const old = await openParallaxDB('old');
    await ingestMany(now, library.slice(0, 290));
    const filed = await ingestMany(old, library.slice(0, 290));

    // Every key's count, as the table now stores them.
    const records = await old.getAll('frequency-table');
    const counts = new Map<number, number>();
    const singles = records.find((r): r is Uint32Array => r instanceof Uint32Array) ?? new Uint32Array(0);
    for (const h of singles) counts.set(h, 1);
    // A small table: each key's high half, then its low half.
    const base = records.find((r) => 'lows' in r) as { highs: Uint16Array; lows: Uint16Array; counts: Uint8Array; large: Int32Array };
    let k = 0;
    base.lows.forEach((low, j) => counts.set(((base.highs[j]! << 16) | low) >>> 0, base.counts[j] === 255 ? base.large[k++]! : base.counts[j]!));
    for (const r of records) if ('hashes' in r) r.hashes.forEach((h, j) => counts.set(h, r.counts[j]!));
    // The old form: slot arrays by linear probing from each key's home slot, and a record of additions.
    const size = 1 << Math.ceil(Math.log2(counts.size / 0.5));
    const keys = new Uint32Array(size);
    const slotCounts = new Int32Array(size);
    const added = { hashes: [] as number[], counts: [] as number[] };
    for (const [h, c] of counts) {
      const key = h === 0 ? 0x9e3779b9 : h;
      let s = (Math.imul(key, 0x9e3779b1) >>> 0) & (size - 1);
      while (keys[s]) s = (s + 1) & (size - 1);
      keys[s] = key;
      // Part of some counts arrives as an addition on top of the base.
      const later = c > 1 && h % 3 === 0 ? 1 : 0;
      slotCounts[s] = c - later;
      if (later) {
        added.hashes.push(h);
        added.counts.push(later);
      }
    }
    await old.clear('frequency-table');
    await old.put('frequency-table', { keys, counts: slotCounts, used: counts.size }, FREQUENCY_BASE);
    await old.put('frequency-table', { hashes: Uint32Array.from(added.hashes), counts: Int32Array.from(added.counts) }, 290);
    now.close();
    old.close();

    // Opened cold, both file the same articles and answer the same, article for article.
    const urls = filed.filter((_, i) => i % 37 === 0).map((f) => f.article.url);
    const answers = async (name: string) => {
      const db = await openParallaxDB(name);
      for (const c of library.slice(290)) await ingest(db, c);
      const fresh = await openParallaxDB(name);
      const ids = await Promise.all(urls.map(async (u) => (await fresh.getFromIndex('articles', 'by-url', u))!.id));
      const urlOf = async (id: string) => (await fresh.get('articles', id))!.url;
      const listed = await Promise.all(ids.map(async (id) => Promise.all((await relatedTo(fresh, id, { minScore: -1 })).map(async (r) => [await urlOf(r.id), r.score] as const))));
      // Equal scores are ordered by article id, which differs between the two libraries.
      return listed.map((list) => [...list].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)));
    };
    const [fromNow, fromOld] = [await answers('now'), await answers('old')];
    expect(fromOld).toEqual(fromNow);
    expect(fromNow.flat().length).toBeGreaterThan(urls.length);
  });
});
