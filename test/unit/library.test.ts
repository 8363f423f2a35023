import { openDB } from 'idb';
import { describe, expect, it, vi } from 'vitest';
import type { CapturedArticle } from '../../src/core/article';
import { documentFrequency, indexPending, ingest, ingestMany, mergeStory, placementOf, relatedTo, splitStory } from '../../src/background/store/library';
import { addPin, listPins } from '../../src/background/store/pins';
import { INDEX_PENDING, INDEX_SIZE, openParallaxDB } from '../../src/background/store/schema';
import { getSettings, updateSettings } from '../../src/background/store/settings';

let n = 0;
function capture(title: string, text: string, extra: Partial<CapturedArticle> = {}): CapturedArticle {
  n++;
  const url = `https://outlet${n}.example/story-${n}`;
  return {
    url, canonicalUrl: url, title, siteName: `Outlet ${n}`, byline: null, publishedAt: '2026-03-01T10:00:00Z', modifiedAt: null,
    lang: 'en', description: null, text, wordCount: text.split(/\s+/).length, isArticle: true, ...extra,
  };
}

const flood = (town: string, homes: string, mayor: string) =>
  `The Marrow River broke through the ${town} levee on Tuesday night. Mayor ${mayor} ordered ${homes} homes evacuated as water rose in ${town}. ` +
  `Engineers said the levee, built in 1962, had been weakened by weeks of rain. "We got everyone out before midnight," ${mayor} said. ` +
  `Shelters opened at the ${town} high school and the county fairground, and the state sent two hundred guardsmen to fill sandbags along the river.`;
const fire = `Fire crews fought a blaze at the Halden Polymers plant in Brackenmoor for six hours on Friday. Plant manager Orla Finch said 40 workers were evacuated and no one was hurt. ` +
  `Smoke drifted over farms east of Brackenmoor, and the council told residents to keep windows shut. Inspectors cited the plant for storage violations in 2024.`;

/** Makes every put into `store` (or only its `nth`) throw as a full disk does, until restored. */
function failPutsInto(store: string, nth?: number) {
  const put = IDBObjectStore.prototype.put;
  let seen = 0;
  return vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(function (this: IDBObjectStore, ...args) {
    if (this.name === store && (nth === undefined || ++seen === nth)) throw new DOMException('full', 'QuotaExceededError');
    return put.apply(this, args as Parameters<typeof put>);
  });
}

describe('ingest', () => {
  it('stores, indexes and groups reports of one event; keeps another event apart', async () => {
    const db = await openParallaxDB();
    const a = await ingest(db, capture('Marrow River floods Dunmore as levee fails', flood('Dunmore', '1,200', 'Ilse Quarry')));
    const b = await ingest(db, capture('Dunmore evacuates homes after Marrow levee breach', flood('Dunmore', '1,450', 'Ilse Quarry').split('. ').reverse().join('. ')));
    const c = await ingest(db, capture('Fire at Halden Polymers plant', fire));
    expect(b.storyId).toBe(a.storyId);
    expect(c.storyId).not.toBe(a.storyId);
    const related = await relatedTo(db, a.article.id);
    expect(related.map((r) => r.id)).toEqual([b.article.id]);
    expect(related[0]).toMatchObject({ sameStory: true, siteName: b.article.siteName, title: b.article.title });
    expect(related[0]!.explanation!.people).toContain('Ilse Quarry');
    expect(related[0]!.explanation!.places).toEqual(expect.arrayContaining(['Dunmore']));
    expect(await db.get('meta', INDEX_SIZE)).toBe(3);
  });

  it('answers with what another context filed since this one last ranked', async () => {
    const worker = await openParallaxDB();
    const a = await ingest(worker, capture('Marrow River floods Dunmore as levee fails', flood('Dunmore', '1,200', 'Ilse Quarry')));
    await ingest(worker, capture('Fire at Halden Polymers plant', fire));
    // This context now holds the index and the vector of `a`, and ranks from them at once.
    expect(await relatedTo(worker, a.article.id)).toEqual([]);
    const other = await openParallaxDB();
    const b = await ingest(other, capture('Dunmore evacuates homes after Marrow levee breach', flood('Dunmore', '1,450', 'Ilse Quarry')));
    expect((await relatedTo(worker, a.article.id)).map((r) => r.id)).toEqual([b.article.id]);
    await splitStory(other, a.article.id, b.article.id);
    expect(await relatedTo(worker, a.article.id)).toEqual([]);
    other.close();
  });

  it('keeps one record per canonical URL and does not count a re-capture twice', async () => {
    const db = await openParallaxDB();
    const first = capture('Fire at plant', fire);
    const a = await ingest(db, first);
    const again = await ingest(db, { ...first, title: 'Fire at plant (updated)' });
    expect(again.article.id).toBe(a.article.id);
    expect(again.storyId).toBe(a.storyId);
    expect(await db.count('articles')).toBe(1);
    expect(await db.get('meta', INDEX_SIZE)).toBe(1);
    expect(await documentFrequency(db, 'brackenmoor')).toBe(1);
  });

  it('recognises wire copy published under another address as the same report', async () => {
    const db = await openParallaxDB();
    const text = flood('Dunmore', '1,200', 'Ilse Quarry') + ' ' + fire;
    const a = await ingest(db, capture('Levee fails', text));
    const b = await ingest(db, capture('Levee gives way in Dunmore', `${text} Additional reporting by staff.`));
    expect(b.copyOf).toBe(a.article.id);
    expect((await relatedTo(db, b.article.id))[0]).toMatchObject({ id: a.article.id, sameReport: true });
  });

  it('takes empty, one-word, other-script and 1 MB articles without failing', async () => {
    const db = await openParallaxDB();
    for (const text of ['', 'Flood', '中国正在评估美国的贸易谈判提议，美国关税为145%。', 'Сильное землетрясение произошло в Японии.', 'levee '.repeat(170_000)]) {
      const r = await ingest(db, capture('', text));
      expect(await placementOf(db, r.article.id)).toBeDefined();
      expect(Array.isArray(await relatedTo(db, r.article.id))).toBe(true);
    }
    expect(await db.count('articles')).toBe(5);
  });

  it('explains a full disk and leaves the library exactly as it was', async () => {
    const db = await openParallaxDB();
    await ingest(db, capture('Fire at plant', fire));
    const spy = failPutsInto('documents');
    await expect(ingest(db, capture('Flood', flood('Dunmore', '1,200', 'Ilse Quarry')))).rejects.toThrow(/no room left.*Nothing already saved was lost/);
    spy.mockRestore();
    expect(await db.count('articles')).toBe(1);
    expect(await db.count('documents')).toBe(1);
    expect(await documentFrequency(db, 'dunmore')).toBe(0);
    expect(await documentFrequency(db, 'brackenmoor')).toBe(1);
    expect(await db.get('meta', INDEX_SIZE)).toBe(1);
  });

  it('leaves the library as it was when the index writes at the end of a filing fail', async () => {
    const db = await openParallaxDB();
    await ingest(db, capture('Fire at plant', fire));
    // Lists are written last, once every article of the transaction is filed.
    const spy = failPutsInto('postings');
    await expect(ingest(db, capture('Flood', flood('Dunmore', '1,200', 'Ilse Quarry')))).rejects.toThrow(/no room left/);
    spy.mockRestore();
    expect(await db.count('articles')).toBe(1);
    expect(await db.count('placements')).toBe(1);
    expect(await documentFrequency(db, 'dunmore')).toBe(0);
    expect(await db.get('meta', INDEX_SIZE)).toBe(1);
    const again = await ingest(db, capture('Flood', flood('Dunmore', '1,200', 'Ilse Quarry')));
    expect(await placementOf(db, again.article.id)).toBeDefined();
    expect(await documentFrequency(db, 'dunmore')).toBe(1);
  });
});

describe('ingestMany', () => {
  it('files a batch as one transaction: a failure half-way leaves nothing of it, and the next batch files as if it never ran', async () => {
    const db = await openParallaxDB();
    await ingest(db, capture('Fire at plant', fire));
    const batch = [capture('Marrow River floods Dunmore', flood('Dunmore', '1,200', 'Ilse Quarry')), capture('Dunmore levee breach', flood('Dunmore', '1,450', 'Ilse Quarry'))];
    // The second article's vector: the first is already written in the same transaction.
    const spy = failPutsInto('vectors', 2);
    await expect(ingestMany(db, batch)).rejects.toThrow(/no room left/);
    spy.mockRestore();
    expect(await db.count('articles')).toBe(1);
    expect(await db.count('documents')).toBe(1);
    expect(await db.count('placements')).toBe(1);
    expect(await documentFrequency(db, 'dunmore')).toBe(0);
    expect(await db.get('meta', INDEX_SIZE)).toBe(1);

    const [a, b] = await ingestMany(db, batch);
    expect(b!.storyId).toBe(a!.storyId);
    expect(await documentFrequency(db, 'dunmore')).toBe(2);
    expect((await relatedTo(db, a!.article.id)).map((r) => r.id)).toEqual([b!.article.id]);
    // A fresh connection (a worker woken cold) reads the same index back.
    db.close();
    const again = await openParallaxDB();
    expect(await documentFrequency(again, 'dunmore')).toBe(2);
    expect((await relatedTo(again, b!.article.id)).map((r) => r.id)).toEqual([a!.article.id]);
  });

  it('groups a batch into the same stories as filing its captures one by one', async () => {
    const { syntheticArticles } = await import('../../scripts/lib/synthetic');
    const captures = syntheticArticles(150, { seed: 5 }).map((a) => a.capture);
    const partition = async (name: string, file: (db: Awaited<ReturnType<typeof openParallaxDB>>) => Promise<{ article: { id: string } }[]>) => {
      const db = await openParallaxDB(name);
      const filed = await file(db);
      // Where each article ends up, merges included.
      const stories = await Promise.all(filed.map(async (r) => (await placementOf(db, r.article.id))!));
      db.close();
      // Stories as sets of positions in the stream (their ids are random).
      const groups = new Map<string, number[]>();
      stories.forEach((r, i) => groups.set(r.storyId, [...(groups.get(r.storyId) ?? []), i]));
      return [...groups.values()].map((g) => g.join(',')).sort();
    };
    const oneByOne = await partition('one-by-one', async (db) => {
      const out = [];
      for (const c of captures) out.push(await ingest(db, c));
      return out;
    });
    const batched = await partition('batched', (db) => ingestMany(db, captures));
    expect(batched).toEqual(oneByOne);
    // Not trivially equal: the stream has events of several reports.
    expect(oneByOne.length).toBeLessThan(120);
  }, 60_000);

  it('files two captures of one address in one batch as one article', async () => {
    const db = await openParallaxDB();
    const first = capture('Fire at plant', fire);
    const [a, b] = await ingestMany(db, [first, { ...first, title: 'Fire at plant (updated)' }]);
    expect(b!.article.id).toBe(a!.article.id);
    expect(await db.count('articles')).toBe(1);
    expect(await db.count('documents')).toBe(1);
    expect(await documentFrequency(db, 'brackenmoor')).toBe(1);
  });
});

describe('reader corrections', () => {
  it('splits an article out of a story for good and merges stories back on request', async () => {
    const db = await openParallaxDB();
    const a = await ingest(db, capture('Marrow River floods Dunmore', flood('Dunmore', '1,200', 'Ilse Quarry')));
    const b = await ingest(db, capture('Dunmore levee breach', flood('Dunmore', '1,450', 'Ilse Quarry')));
    expect(b.storyId).toBe(a.storyId);

    await splitStory(db, b.article.id, a.article.id);
    expect((await placementOf(db, b.article.id))!.storyId).not.toBe((await placementOf(db, a.article.id))!.storyId);
    expect((await relatedTo(db, a.article.id)).map((r) => r.id)).not.toContain(b.article.id);

    // A third report like both must not glue the split stories together again.
    const c = await ingest(db, capture('Floodwater in Dunmore', flood('Dunmore', '1,300', 'Ilse Quarry')));
    const stories = new Set([a, b, c].map((x) => x.article.id)).size;
    expect(stories).toBe(3);
    const pa = (await placementOf(db, a.article.id))!.storyId;
    const pb = (await placementOf(db, b.article.id))!.storyId;
    expect(pa).not.toBe(pb);

    await expect(mergeStory(db, b.article.id, b.article.id)).rejects.toThrow(/its own story/);
    await mergeStory(db, b.article.id, a.article.id);
    expect((await placementOf(db, b.article.id))!.storyId).toBe((await placementOf(db, a.article.id))!.storyId);
    expect((await relatedTo(db, a.article.id))[0]).toMatchObject({ id: expect.any(String), confirmed: expect.any(Boolean) });
    expect((await relatedTo(db, a.article.id)).find((r) => r.id === b.article.id)?.confirmed).toBe(true);
  });

  it('files after a correction from the stories as corrected, not as this worker last filed them', async () => {
    const db = await openParallaxDB();
    const [a, b] = await ingestMany(db, [
      capture('Marrow River floods Dunmore', flood('Dunmore', '1,200', 'Ilse Quarry')),
      capture('Dunmore levee breach', flood('Dunmore', '1,450', 'Ilse Quarry')),
    ]);
    expect(b!.storyId).toBe(a!.storyId);
    await splitStory(db, b!.article.id, a!.article.id);
    await ingestMany(db, [capture('Floodwater in Dunmore', flood('Dunmore', '1,300', 'Ilse Quarry')), capture('Dunmore shelters fill', flood('Dunmore', '1,350', 'Ilse Quarry'))]);
    // Every story lists exactly the articles placed in it.
    const stories = await db.getAll('stories');
    const placements = await db.getAll('placements');
    expect(placements).toHaveLength(4);
    for (const p of placements) expect(stories.find((s) => s.id === p.storyId)?.members).toContain(p.articleId);
    expect(stories.reduce((sum, s) => sum + s.members.length, 0)).toBe(4);
  });

  it('refuses a merge that contradicts an earlier "not the same story" between other members', async () => {
    const db = await openParallaxDB();
    const a = await ingest(db, capture('Marrow River floods Dunmore', flood('Dunmore', '1,200', 'Ilse Quarry')));
    const b = await ingest(db, capture('Dunmore levee breach', flood('Dunmore', '1,450', 'Ilse Quarry')));
    const c = await ingest(db, capture('Fire at Halden Polymers plant', fire));
    await splitStory(db, b.article.id, a.article.id);
    await mergeStory(db, c.article.id, a.article.id);
    await expect(mergeStory(db, b.article.id, c.article.id)).rejects.toThrow(/not the same story/);
  });
});

describe('migration from v1', () => {
  it('keeps every article, pin and setting and indexes the old articles, resuming after a stop', async () => {
    const v1 = await openDB('parallax-v1', 1, {
      upgrade(db) {
        const articles = db.createObjectStore('articles', { keyPath: 'id' });
        articles.createIndex('by-url', 'canonicalUrl', { unique: true });
        articles.createIndex('by-captured', 'capturedAt');
        const pins = db.createObjectStore('pins', { keyPath: 'id' });
        pins.createIndex('by-article', 'articleId', { unique: true });
        db.createObjectStore('meta');
      },
    });
    const old = [
      capture('Marrow River floods Dunmore', flood('Dunmore', '1,200', 'Ilse Quarry')),
      capture('Dunmore levee breach', flood('Dunmore', '1,450', 'Ilse Quarry')),
      capture('Fire at Halden Polymers plant', fire),
    ].map((c, i) => ({ ...c, id: `old-${i}`, capturedAt: `2026-01-0${i + 1}T00:00:00.000Z`, updatedAt: `2026-01-0${i + 1}T00:00:00.000Z` }));
    for (const a of old) await v1.put('articles', a);
    await v1.put('pins', { id: 'old-0', articleId: 'old-0', title: 'T', siteName: 'S', url: old[0]!.url, publishedAt: null, relatedIds: [], pinnedAt: '2026-01-05T00:00:00Z' });
    await v1.put('meta', { autoCaptureSites: ['https://x.example/*'] }, 'settings');
    v1.close();

    const db = await openParallaxDB('parallax-v1');
    expect(await db.get('meta', INDEX_PENDING)).toBe(true);
    expect(await db.getAll('articles')).toEqual(old);
    expect(await listPins(db)).toHaveLength(1);
    expect((await getSettings(db)).autoCaptureSites).toEqual(['https://x.example/*']);

    // A worker stopped after one article: the next start finishes the rest, counting nobody twice.
    expect(await indexPending(db, { max: 1 })).toBe(1);
    expect(await db.get('meta', INDEX_PENDING)).toBe(true);
    expect(await indexPending(db)).toBe(2);
    expect(await indexPending(db)).toBe(0);
    expect(await db.get('meta', INDEX_SIZE)).toBe(3);
    expect(await db.get('meta', INDEX_PENDING)).toBeUndefined();
    expect((await placementOf(db, 'old-1'))!.storyId).toBe((await placementOf(db, 'old-0'))!.storyId);
    expect(await documentFrequency(db, 'dunmore')).toBe(2);
    await addPin(db, { articleId: 'old-2', title: 'T', siteName: 'S', url: 'u', publishedAt: null, relatedIds: [], pinnedAt: '2026-02-01T00:00:00Z' });
    await updateSettings(db, { autoCaptureSites: [] });
    expect(await listPins(db)).toHaveLength(2);
  });
});
