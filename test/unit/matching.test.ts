import { describe, expect, it } from 'vitest';
import { rank } from '../../src/core/matching/engine';
import { MemoryIndex } from '../../src/core/matching/memory-index';
import { DEFAULT_WEIGHTS, timeFactor, yearOf } from '../../src/core/matching/score';
import { buildSignature, countedKeys, dayOf, featuresOf } from '../../src/core/matching/signature';
import { fnv1a, hammingDistance, isNearDuplicate, simhash } from '../../src/core/matching/simhash';
import { decideStory } from '../../src/core/matching/stories';

async function indexOf(docs: { id: string; title: string; text: string; date?: string }[]) {
  const index = new MemoryIndex();
  for (const d of docs) {
    const f = featuresOf({ title: d.title, text: d.text, lang: 'en' });
    index.add(buildSignature(d.id, f, d.date ?? null, await index.frequencies(countedKeys(f)), await index.size()), f);
  }
  return index;
}

const quake = (place: string, mag: string, dead: number, year: number) =>
  `A magnitude ${mag} earthquake struck ${place} early on Sunday, killing at least ${dead} people and flattening homes. Rescue teams in ${place} searched the rubble, officials said. It was the strongest quake to hit ${place} since ${year - 10}. The quake of ${year} was felt across the region.`;

describe('rank', () => {
  it('tells two incidents of the same kind apart by where, how strong and when', async () => {
    const index = await indexOf([
      { id: 'a1', title: 'Quake kills dozens in Sulawesi', text: quake('Sulawesi', '6.1', 34, 2008) },
      { id: 'b1', title: 'Earthquake hits Peru coast', text: quake('Ica', '7.9', 510, 2007) },
      { id: 'a2', title: 'Sulawesi earthquake toll rises', text: quake('Sulawesi', '6.1', 40, 2008) },
      { id: 'c1', title: 'Council approves new bridge', text: 'The town council approved the bridge over the river after a long debate about its cost.' },
    ]);
    const [sig] = (await index.signatures(['a1'])).values();
    const ranked = await rank(index, sig!, { explain: true });
    expect(ranked[0]!.id).toBe('a2');
    expect(ranked[0]!.comparison.score).toBeGreaterThan(ranked[1]?.comparison.score ?? 0);
    expect(ranked[0]!.comparison.sharedEntities.map((e) => e.label)).toContain('Sulawesi');
    expect(ranked.find((r) => r.id === 'c1')?.comparison.score ?? 0).toBeLessThan(0.05);
  });
});

describe('time', () => {
  const sig = (id: string, date: string | null, text = 'The council approved the bridge over the river.') => buildSignature(id, featuresOf({ title: '', text, lang: 'en' }), date, new Map(), 0);

  it('weighs two reports of the same day above a pair whose dates are unknown, and reports weeks apart below it', () => {
    const a = sig('a', '2024-05-02T10:00:00Z');
    const sameDay = timeFactor(a, sig('b', '2024-05-02T18:00:00Z'), DEFAULT_WEIGHTS).factor;
    const unknown = timeFactor(a, sig('c', null), DEFAULT_WEIGHTS).factor;
    const weeksApart = timeFactor(a, sig('d', '2024-06-12T10:00:00Z'), DEFAULT_WEIGHTS).factor;
    expect(unknown).toBe(1);
    expect(sameDay).toBeGreaterThan(unknown);
    expect(weeksApart).toBeLessThan(unknown);
  });

  it('reads the year an undated report is about as the year it names most, not every year it names', () => {
    const text = 'The panel was formed after the 2012 attack. In 2013 the panel met again, and in 2013 it asked for the emails.';
    expect(yearOf(sig('a', null, text))).toBe(2013);
    expect(yearOf(sig('b', '2014-01-03T10:00:00Z', text))).toBe(2014);
    expect(yearOf(sig('c', null))).toBeNull();
  });

  it('weighs a dated report down against an undated one about another year, but not two undated ones for their years', () => {
    const dated = sig('a', '2013-05-02T10:00:00Z');
    const sameYear = sig('b', null, 'The panel was formed after the 2012 attack. In 2013 the panel met again, and in 2013 it asked for the emails.');
    const otherYear = sig('c', null, 'The river flooded in 2009, and again in 2009 after the storm.');
    expect(timeFactor(dated, sameYear, DEFAULT_WEIGHTS).factor).toBe(1);
    expect(timeFactor(dated, otherYear, DEFAULT_WEIGHTS).factor).toBeLessThan(1);
    expect(timeFactor(sameYear, otherYear, DEFAULT_WEIGHTS).factor).toBe(1);
  });

  it('takes the date printed with the headline when the page gave none, and the page\'s own date first', () => {
    const text = 'Published: August 7, 2012\nArson is suspected in the fire that destroyed the dairy.';
    expect(sig('a', null, text).day).toBe(dayOf('2012-08-07'));
    expect(sig('b', '2012-08-09T08:00:00Z', text).day).toBe(dayOf('2012-08-09T08:00:00Z'));
    expect(sig('c', null, 'Arson is suspected in the fire that destroyed the dairy.').day).toBeNull();
  });
});

describe('simhash', () => {
  const words = (s: string) => s.toLowerCase().split(/\W+/).filter(Boolean);
  const wire =
    'The central bank raised its main interest rate by a quarter of a percentage point on Wednesday, the third increase this year, citing stubborn inflation in services and a tight labour market that has kept wages rising faster than expected across most sectors of the economy. ' +
    'Policymakers voted seven to two for the move, with the two dissenters arguing that earlier increases had yet to work their way through mortgages and business loans. ' +
    'The governor told reporters that the bank stood ready to act again if price pressures did not ease over the summer, while stressing that no decision had been taken about the next meeting. ' +
    'Markets had largely expected the increase, and the currency barely moved after the announcement, although yields on two-year government bonds rose slightly as traders priced in a further rise before the end of the year. ' +
    'Business groups warned that higher borrowing costs would hold back investment, and unions said households already squeezed by food and energy bills would bear the brunt.';
  it('finds copies of a wire story a few words apart, and not different texts', () => {
    const copy = simhash(words(`${wire} Reporting by staff.`));
    expect(hammingDistance(simhash(words(wire)), copy)).toBeLessThanOrEqual(3);
    expect(isNearDuplicate(simhash(words(wire)), copy)).toBe(true);
    expect(isNearDuplicate(simhash(words(wire)), simhash(words(quake('Ica', '7.9', 510, 2007))))).toBe(false);
    expect(simhash(['too', 'short'])).toEqual([0, 0]);
  });
  it('is the majority vote of every bit of every shingle, however long the text', () => {
    // The definition spelled out slowly: each three-word shingle, as a string, hashed with two
    // seeds, and each of the 64 bits set when more than half the shingles set it.
    const slowly = (tokens: string[]): [number, number] => {
      const shingles = tokens.slice(2).map((_, i) => tokens.slice(i, i + 3).join(' '));
      const vote = (seed: number) => {
        let out = 0;
        for (let bit = 0; bit < 32; bit++) if (2 * shingles.filter((s) => (fnv1a(s, seed) >>> bit) & 1).length > shingles.length) out |= 1 << bit;
        return out >>> 0;
      };
      return [vote(0x811c9dc5), vote(0x050c5d1f)];
    };
    let seed = 11;
    const next = () => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0);
    // A small vocabulary repeats shingles, so some bits are won by a few votes: a miscounted vote shows.
    const vocabulary = words(wire).slice(0, 12);
    for (const length of [25, 100, 257, 258, 600, 1_400]) {
      const tokens = Array.from({ length }, () => vocabulary[next() % vocabulary.length]!);
      expect(simhash(tokens)).toEqual(slowly(tokens));
    }
    expect(simhash(words(wire))).toEqual(slowly(words(wire)));
  });
  it('counts the differing bits of any two 64-bit hashes, high bits included', () => {
    expect(hammingDistance([0xffffffff, 0], [0, 0xffffffff])).toBe(64);
    expect(hammingDistance([0x80000000, 1], [0, 0])).toBe(2);
    expect(hammingDistance([0xdeadbeef, 0x12345678], [0xdeadbeef, 0x12345678])).toBe(0);
    let seed = 3;
    const next = () => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0);
    for (let i = 0; i < 200; i++) {
      const a: [number, number] = [next(), next()];
      const b: [number, number] = [next(), next()];
      const bits = (x: number) => [...(x >>> 0).toString(2)].filter((d) => d === '1').length;
      expect(hammingDistance(a, b)).toBe(bits(a[0] ^ b[0]) + bits(a[1] ^ b[1]));
    }
  });
});

describe('decideStory', () => {
  const link = (articleId: string, storyId: string, score: number) => ({ articleId, storyId, score, nearDuplicate: false });
  const size = () => 1;
  it('joins the most strongly linked story and bridges another strongly linked one', () => {
    expect(decideStory([link('a', 's1', 0.5), link('b', 's2', 0.4)], size, () => true, () => true)).toEqual({ join: 's1', absorb: ['s2'] });
  });
  it('starts a new story when nothing is close, and never bridges stories the reader split', () => {
    expect(decideStory([link('a', 's1', 0.05)], size, () => true, () => true)).toEqual({ join: null, absorb: [] });
    expect(decideStory([link('a', 's1', 0.5), link('b', 's2', 0.4)], size, () => true, () => false)).toEqual({ join: 's1', absorb: [] });
    expect(decideStory([link('a', 's1', 0.5), link('b', 's2', 0.4)], size, (s) => s !== 's1', () => true)).toEqual({ join: 's2', absorb: [] });
  });
  it('asks a newcomer to resemble a large story as a whole, not one member', () => {
    expect(decideStory([link('a', 's1', 0.25)], () => 12, () => true, () => true).join).toBeNull();
  });
});

describe('the store matcher on numbers (packed-index.ts)', () => {
  it('finds and scores what the reference ranking (engine.ts) does', async () => {
    const { syntheticArticles } = await import('../../scripts/lib/synthetic');
    const { PackedIndex, rankPacked } = await import('../../src/core/matching/packed-index');
    const { FrequencyTable } = await import('../../src/core/matching/frequency-table');
    const { vectorOf } = await import('../../src/core/matching/vector');
    const { keyHash } = await import('../../src/core/matching/simhash');
    const reference = new MemoryIndex();
    const packed = new PackedIndex(0, new FrequencyTable(), true);
    const sigs = [];
    for (const [n, { capture }] of syntheticArticles(400, { seed: 3 }).entries()) {
      const f = featuresOf({ title: capture.title, text: capture.text, lang: 'en' });
      const sig = buildSignature(`a${n}`, f, capture.publishedAt, await reference.frequencies(countedKeys(f)), await reference.size());
      reference.add(sig, f);
      packed.file(vectorOf(n, sig), Uint32Array.from(countedKeys(f), keyHash));
      sigs.push(sig);
    }
    let compared = 0;
    for (let n = 0; n < sigs.length; n += 13) {
      const expected = (await rank(reference, sigs[n]!, { exclude: new Set([sigs[n]!.id]), limit: 10 })).map((r) => [r.id, r.comparison.score] as const);
      const got = (await rankPacked(packed, packed.vectors.get(n)!, { limit: 10 })).map((r) => [r.id, r.score] as const);
      expect(got.map(([id]) => id), `query ${n}`).toEqual(expected.map(([id]) => id));
      // Weights kept as 32-bit floats, and a rare 32-bit key hash collision (one in this library), move a score by less than this.
      got.forEach(([, score], i) => expect(score).toBeCloseTo(expected[i]![1], 3));
      compared += got.length;
    }
    expect(compared).toBeGreaterThan(200);
  }, 60_000);
});

describe('a signature as stored (packed-signature.ts)', () => {
  it('comes back exactly as it was packed, through a structured clone as IndexedDB stores it', async () => {
    const { syntheticArticles } = await import('../../scripts/lib/synthetic');
    const { packSignature, unpackSignature } = await import('../../src/core/matching/packed-signature');
    for (const [n, { capture }] of syntheticArticles(30, { seed: 9 }).entries()) {
      const f = featuresOf({ title: capture.title, text: capture.text, lang: 'en' });
      const sig = buildSignature(`a${n}`, f, capture.publishedAt, new Map(), 10);
      expect(sig.entityWeights.length + sig.figureWeights.length).toBeGreaterThan(0);
      expect(unpackSignature(structuredClone(packSignature(sig)))).toEqual(sig);
    }
  });
});

describe('the shortlist of the most voted (packed-index.ts topByVotes)', () => {
  it('picks what sorting every vote picks, ties and all, however long the list', async () => {
    const { topByVotes } = await import('../../src/core/matching/packed-index');
    let seed = 7;
    const random = () => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32);
    for (const [docs, k, levels] of [[50, 100, 5], [1_000, 100, 7], [20_000, 100, 40], [20_000, 100, 100_000], [5_000, 1, 3]] as const) {
      const votes = new Float64Array(docs * 2);
      const ids = Array.from({ length: docs }, (_, i) => i * 2 + (i % 2));
      // Few levels: many equal votes at the cut; many levels: almost none.
      for (const d of ids) votes[d] = Math.floor(random() * levels) / 4;
      const expected = [...ids].sort((a, b) => votes[b]! - votes[a]! || a - b).slice(0, k);
      expect(topByVotes(ids, votes, k), `${docs} docs, ${levels} levels`).toEqual(expected);
    }
  });
});


describe('the frequency table as stored (frequency-table.ts)', () => {
  it('comes back from its stored form, or the form stored before it, with every count, small or large', async () => {
    const { FrequencyTable } = await import('../../src/core/matching/frequency-table');
    let seed = 11;
    const random = () => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32);
    const table = new FrequencyTable();
    const counts = new Map<number, number>();
    // Enough keys to grow the table several times; hash 0 and counts past one byte included.
    for (let i = 0; i < 5_000; i++) {
      const h = i === 0 ? 0 : Math.floor(random() * 2 ** 32);
      const c = i % 97 === 0 ? 255 + Math.floor(random() * 100_000) : 1 + Math.floor(random() * 254);
      table.add(h, c);
      counts.set(h, (counts.get(h) ?? 0) + c);
    }
    const stored = table.image();
    expect(stored.large.length).toBeGreaterThan(40);
    const increments = { hashes: Uint32Array.of(0, 12345), counts: Int32Array.of(3, 1) };
    const back = FrequencyTable.from(structuredClone(stored), [increments]);
    for (const [h, c] of counts) expect(back.get(h)).toBe(c + (h === 0 ? 3 : h === 12345 ? 1 : 0));
    expect(back.size).toBe(counts.size + (counts.has(12345) ? 0 : 1));
    expect(back.get(98765)).toBe(counts.get(98765) ?? 0);
    for (const [h, c] of counts) expect(back.idf(h, 10_000)).toBeCloseTo(Math.log(10_001 / (c + (h === 0 ? 3 : h === 12345 ? 1 : 0) + 1)) + 1, 9);
    // A change spreads it back into slots, keeping everything read and added so far.
    const fresh = counts.has(777) ? 778 : 777;
    back.add(fresh, 2);
    back.add(0, 1);
    expect(back.get(fresh)).toBe((counts.get(fresh) ?? 0) + 2);
    expect(back.get(0)).toBe(counts.get(0)! + 4);
    expect(back.size).toBe(counts.size + (counts.has(12345) ? 0 : 1) + (counts.has(fresh) ? 0 : 1));
    for (const [h, c] of counts) if (h !== 0 && h !== fresh) expect(back.get(h)).toBe(c + (h === 12345 ? 1 : 0));

    // The form stored before 2026-11-27: the slot arrays whole, each key at its home slot when free.
    const keys = new Uint32Array(1024);
    const slotCounts = new Int32Array(1024);
    const written = new Map<number, number>();
    for (let h = 1; written.size < 300; h += 7919) {
      const slot = (Math.imul(h, 0x9e3779b1) >>> 0) & 1023;
      if (keys[slot]) continue;
      keys[slot] = h;
      slotCounts[slot] = (h % 1000) + 1;
      written.set(h, (h % 1000) + 1);
    }
    const before = FrequencyTable.from({ keys, counts: slotCounts, used: written.size }, [{ hashes: Uint32Array.of(1), counts: Int32Array.of(5) }]);
    for (const [h, c] of written) expect(before.get(h)).toBe(c + (h === 1 ? 5 : 0));
    // Stored again, it takes the new form and keeps every count.
    const again = FrequencyTable.from(structuredClone(before.image()), []);
    for (const [h, c] of written) expect(again.get(h)).toBe(c + (h === 1 ? 5 : 0));

    // The form stored next: the used slots only, with a bitmap of where they sit, and large counts apart.
    const occupied = new Uint32Array(1024 / 32);
    const usedKeys: number[] = [];
    const smallCounts: number[] = [];
    const large: number[] = [];
    keys.forEach((key, slot) => {
      if (!key) return;
      occupied[slot >>> 5]! |= 1 << (slot & 31);
      usedKeys.push(key);
      const c = slot % 5 === 0 ? 300 + slot : slotCounts[slot]!;
      smallCounts.push(Math.min(c, 255));
      if (c >= 255) large.push(c);
    });
    const slotsOnly = FrequencyTable.from({ occupied, keys: Uint32Array.from(usedKeys), counts: Uint8Array.from(smallCounts), large: Int32Array.from(large) }, []);
    keys.forEach((key, slot) => {
      if (key) expect(slotsOnly.get(key)).toBe(slot % 5 === 0 ? 300 + slot : slotCounts[slot]);
    });
    expect(slotsOnly.get(2)).toBe(0);
    slotsOnly.add(2, 1);
    keys.forEach((key, slot) => {
      if (key) expect(slotsOnly.get(key)).toBe(slot % 5 === 0 ? 300 + slot : slotCounts[slot]);
    });
    expect(slotsOnly.get(2)).toBe(1);
  });

  it('is stored as its keys in order, by their high and low halves, never larger than the used slots', async () => {
    const { FrequencyTable } = await import('../../src/core/matching/frequency-table');
    // Hashes sharing high halves and low halves, and the extremes; then many keys, then few.
    const edges = [0, 1, 0xffff, 0x10000, 0x10001, 0xffff0000, 0xffffffff, 0x12345678, 0x12340000, 0x1234ffff];
    for (const n of [150_000, 3_000]) {
      const table = new FrequencyTable();
      const hashes = [...edges];
      for (let i = 0; i < n; i++) hashes.push((Math.imul(i + 1, 0x9e3779b1) ^ (i << 7)) >>> 0);
      hashes.forEach((h, i) => table.add(h, 2 + (i % 300)));
      const image = table.image();
      expect(image.lows.length).toBe(table.size);
      // Sizes per group for many keys, a key's high half for fewer keys than groups.
      expect(image.groups !== undefined).toBe(n > 65_536);
      const back = FrequencyTable.from(structuredClone(image), []);
      hashes.forEach((h, i) => expect(back.get(h)).toBe(2 + (i % 300)));
      for (const absent of [2, 0x10002, 0xfffffffe, 0x12345679]) expect(back.get(absent)).toBe(0);
      expect(back.size).toBe(table.size);
      // The form before it stored each key whole and a bit per slot (at most three quarters used).
      const keyBytes = (image.groups?.byteLength ?? 0) + (image.highs?.byteLength ?? 0) + image.lows.byteLength;
      expect(keyBytes).toBeLessThanOrEqual((4 + 1 / 6) * table.size);
      if (n > 65_536) expect(keyBytes).toBeLessThan(0.75 * 4 * table.size);
    }
  });
});

describe('band bits as stored (packed-index.ts bandBitsOf)', () => {
  it('puts the totals recorded since the table was stored in front of it, the latest record of a key winning', async () => {
    const { FrequencyTable, packTotals } = await import('../../src/core/matching/frequency-table');
    let seed = 5;
    const random = () => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32);
    const live = new FrequencyTable();
    for (let i = 0; i < 3_000; i++) live.add(i === 0 ? 0 : Math.floor(random() * 2 ** 32), 1 + Math.floor(random() * 300));
    const stored = structuredClone(live.image());
    // Batches filed since: new keys, keys of the stored table and keys of an earlier batch, hash 0 among them.
    const known = [...Array(200)].map(() => Math.floor(random() * 2 ** 32));
    const records = [...Array(12)].map((_, b) => {
      const keys = new Set<number>(b % 4 === 0 ? [0] : []);
      for (let i = 0; i < 150; i++) keys.add(i % 3 === 0 ? known[Math.floor(random() * known.length)]! : Math.floor(random() * 2 ** 32));
      for (const k of keys) live.add(k, 1 + (b % 2));
      return packTotals(keys, live);
    });
    const back = FrequencyTable.from(stored, structuredClone(records));
    for (const p of records) for (const h of p.hashes) expect(back.get(h)).toBe(live.get(h));
    expect(back.get(0)).toBe(live.get(0));
    expect(back.size).toBe(live.size);
    expect(back.idf(known[0]!, 50_000)).toBe(live.idf(known[0]!, 50_000));
    // Changed afterwards, it spreads into slots with every count it had.
    back.add(known[1]!, 1);
    live.add(known[1]!, 1);
    for (const p of records) for (const h of p.hashes) expect(back.get(h)).toBe(live.get(h));
  });

  it('folds a larger stored set onto the current size, every bit set staying set', async () => {
    const { bandBitsOf, PackedIndex } = await import('../../src/core/matching/packed-index');
    const { FrequencyTable } = await import('../../src/core/matching/frequency-table');
    const current = new PackedIndex(0, new FrequencyTable()).bands.length;
    const hashes = [0, 1, 0x3ffff, 0x40000, 0x7ffff, 0x12345678, 0xfffffff3];
    // Written with twice as many bits, as libraries stored before 2026-11-27 were.
    const old = new Uint8Array(current * 2);
    for (const h of hashes) {
      const bit = h & (current * 16 - 1);
      old[bit >>> 3]! |= 1 << (bit & 7);
    }
    const folded = bandBitsOf(old);
    expect(folded.length).toBe(current);
    const index = new PackedIndex(0, new FrequencyTable());
    for (const h of hashes) index.markBand(h);
    expect(folded).toEqual(index.bands);
    expect(bandBitsOf(index.bands)).toBe(index.bands);
  });
});
