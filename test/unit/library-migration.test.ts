/**
 * A library written by v2 (signatures filed under a multi-entry index, one
 * record per document frequency) reaches v3 with nothing lost: every article,
 * story, placement and correction, and an index that ranks as before.
 */
import { openDB } from 'idb';
import { describe, expect, it } from 'vitest';
import type { StoredArticle } from '../../src/core/article';
import { buildSignature, countedKeys, featuresOf } from '../../src/core/matching/signature';
import { documentFrequency, ingest, placementOf, relatedTo } from '../../src/background/store/library';
import { DB_VERSION, openParallaxDB } from '../../src/background/store/schema';

const flood = (town: string, homes: string, mayor: string) =>
  `The Marrow River broke through the ${town} levee on Tuesday night. Mayor ${mayor} ordered ${homes} homes evacuated as water rose in ${town}. ` +
  `Engineers said the levee, built in 1962, had been weakened by weeks of rain. "We got everyone out before midnight," ${mayor} said. ` +
  `Shelters opened at the ${town} high school and the county fairground, and the state sent two hundred guardsmen to fill sandbags along the river.`;
const fire =
  `Fire crews fought a blaze at the Halden Polymers plant in Brackenmoor for six hours on Friday. Plant manager Orla Finch said 40 workers were evacuated and no one was hurt. ` +
  `Smoke drifted over farms east of Brackenmoor, and the council told residents to keep windows shut. Inspectors cited the plant for storage violations in 2024.`;

function article(i: number, title: string, text: string): StoredArticle {
  const url = `https://outlet${i}.example/story`;
  const at = `2026-01-0${i + 1}T00:00:00.000Z`;
  return {
    id: `old-${i}`, url, canonicalUrl: url, title, siteName: `Outlet ${i}`, byline: null, publishedAt: '2026-03-01T10:00:00Z', modifiedAt: null,
    lang: 'en', description: null, text, wordCount: text.split(/\s+/).length, isArticle: true, capturedAt: at, updatedAt: at,
  };
}

/** A v2 database as v2's code left it: the articles filed in capture order, two of them one story. */
async function writeV2(name: string, articles: StoredArticle[]): Promise<void> {
  const v2 = await openDB(name, 2, {
    upgrade(db) {
      const a = db.createObjectStore('articles', { keyPath: 'id' });
      a.createIndex('by-url', 'canonicalUrl', { unique: true });
      a.createIndex('by-captured', 'capturedAt');
      db.createObjectStore('pins', { keyPath: 'id' }).createIndex('by-article', 'articleId', { unique: true });
      db.createObjectStore('meta');
      db.createObjectStore('signatures', { keyPath: 'id' }).createIndex('by-key', 'keys', { multiEntry: true });
      db.createObjectStore('frequencies');
      const p = db.createObjectStore('placements', { keyPath: 'articleId' });
      p.createIndex('by-story', 'storyId');
      p.createIndex('by-report', 'reportId');
      db.createObjectStore('stories', { keyPath: 'id' });
      db.createObjectStore('feedback', { keyPath: 'id' }).createIndex('by-article', 'pair', { multiEntry: true });
    },
  });
  const df = new Map<string, number>();
  // Stored out of capture order: the upgrade must number them by capture time, not by id or insertion.
  for (const a of [...articles].reverse()) await v2.put('articles', a);
  for (const [n, a] of articles.entries()) {
    const features = featuresOf(a);
    const sig = buildSignature(a.id, features, a.publishedAt, df, n);
    for (const k of countedKeys(features)) df.set(k, (df.get(k) ?? 0) + 1);
    await v2.put('signatures', { ...sig, summary: { title: a.title, siteName: a.siteName, url: a.url, publishedAt: a.publishedAt, wordCount: a.wordCount } });
  }
  for (const [k, v] of df) await v2.put('frequencies', v, k);
  await v2.put('meta', articles.length, 'index-size');
  await v2.put('meta', { autoCaptureSites: ['https://x.example/*'] }, 'settings');
  await v2.put('stories', { id: 'flood', members: ['old-0', 'old-1'], createdAt: 'x', updatedAt: 'x' });
  await v2.put('stories', { id: 'fire', members: ['old-2'], createdAt: 'x', updatedAt: 'x' });
  await v2.put('placements', { articleId: 'old-0', storyId: 'flood', reportId: 'old-0' });
  await v2.put('placements', { articleId: 'old-1', storyId: 'flood', reportId: 'old-1' });
  await v2.put('placements', { articleId: 'old-2', storyId: 'fire', reportId: 'old-2' });
  await v2.put('feedback', { id: 'split:old-1:old-2', kind: 'split', pair: ['old-1', 'old-2'], at: 'x' });
  await v2.put('pins', { id: 'old-0', articleId: 'old-0', title: 'T', siteName: 'S', url: 'u', publishedAt: null, relatedIds: [], pinnedAt: 'x' });
  v2.close();
}

describe('migration from v2', () => {
  it('carries the index, stories, corrections, pins and settings over, and ranks as before', async () => {
    const old = [
      article(0, 'Marrow River floods Dunmore as levee fails', flood('Dunmore', '1,200', 'Ilse Quarry')),
      article(1, 'Dunmore evacuates homes after Marrow levee breach', flood('Dunmore', '1,450', 'Ilse Quarry')),
      article(2, 'Fire at Halden Polymers plant', fire),
    ];
    await writeV2('parallax-v2', old);
    const db = await openParallaxDB('parallax-v2');
    expect(db.version).toBe(DB_VERSION);
    expect(db.objectStoreNames.contains('signatures')).toBe(false);
    expect(db.objectStoreNames.contains('frequencies')).toBe(false);
    expect(await db.count('documents')).toBe(3);
    expect(await db.count('vectors')).toBe(3);
    // Numbered in capture order.
    expect((await db.getAll('documents')).map((d) => d.id)).toEqual(['old-0', 'old-1', 'old-2']);
    expect(await documentFrequency(db, 'dunmore')).toBe(2);
    expect(await documentFrequency(db, 'brackenmoor')).toBe(1);
    expect(await db.getAll('articles')).toHaveLength(3);
    expect(await db.count('pins')).toBe(1);
    expect(await db.get('meta', 'settings')).toEqual({ autoCaptureSites: ['https://x.example/*'] });
    expect(await db.count('feedback')).toBe(1);

    const related = await relatedTo(db, 'old-0');
    expect(related.map((r) => r.id)).toEqual(['old-1']);
    expect(related[0]).toMatchObject({ sameStory: true });
    expect(related[0]!.explanation!.people).toContain('Ilse Quarry');
    expect((await relatedTo(db, 'old-1')).map((r) => r.id)).not.toContain('old-2');

    // Filing goes on where v2 stopped: the fourth article is number 3 and joins the flood story.
    const next = await ingest(db, { ...article(3, 'Floodwater in Dunmore', flood('Dunmore', '1,300', 'Ilse Quarry')) });
    expect(next.storyId).toBe('flood');
    expect((await db.getFromIndex('documents', 'by-id', next.article.id))!.n).toBe(3);
    expect(await documentFrequency(db, 'dunmore')).toBe(3);
    expect((await placementOf(db, 'old-2'))!.storyId).toBe('fire');
    db.close();
  });

  it('upgrades an empty v2 database', async () => {
    await writeV2('parallax-v2-empty', []);
    const db = await openParallaxDB('parallax-v2-empty');
    expect(await db.count('documents')).toBe(0);
    const first = await ingest(db, article(0, 'Fire at Halden Polymers plant', fire));
    expect((await relatedTo(db, first.article.id))).toEqual([]);
    db.close();
  });
});
