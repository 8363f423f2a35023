import { describe, expect, it } from 'vitest';
import type { CapturedArticle } from '../../src/core/article';
import { getArticle, recentArticles, saveArticle } from '../../src/background/store/articles';
import { addPin, listPins, pinForArticle, removePin } from '../../src/background/store/pins';
import { DB_VERSION, describeStorageError, openParallaxDB } from '../../src/background/store/schema';
import { getSettings, updateSettings } from '../../src/background/store/settings';

const captured = (url: string, title = 'Headline'): CapturedArticle => ({
  url, canonicalUrl: url, title, siteName: 'Outlet', byline: null, publishedAt: null, modifiedAt: null, lang: 'en',
  description: null, text: 'Body text.', wordCount: 2, isArticle: true,
});

describe('article store', () => {
  it('keeps one record per canonical URL, updating it in place', async () => {
    const db = await openParallaxDB();
    const first = await saveArticle(db, captured('https://a.example/1', 'Old'), new Date('2026-01-01T00:00:00Z'));
    const second = await saveArticle(db, captured('https://a.example/1', 'New'), new Date('2026-01-02T00:00:00Z'));
    expect(second.id).toBe(first.id);
    expect(second.capturedAt).toBe('2026-01-01T00:00:00.000Z');
    expect((await getArticle(db, first.id))?.title).toBe('New');
    expect(await db.count('articles')).toBe(1);
  });

  it('lists newest captures first', async () => {
    const db = await openParallaxDB();
    await saveArticle(db, captured('https://a.example/1'), new Date('2026-01-01'));
    await saveArticle(db, captured('https://a.example/2'), new Date('2026-01-03'));
    await saveArticle(db, captured('https://a.example/3'), new Date('2026-01-02'));
    expect((await recentArticles(db)).map((a) => a.url)).toEqual(['https://a.example/2', 'https://a.example/3', 'https://a.example/1']);
  });

  it('persists across connections: a reopened database still holds what was acknowledged', async () => {
    const db = await openParallaxDB('persist-test');
    const saved = await saveArticle(db, captured('https://a.example/1'));
    db.close();
    const reopened = await openParallaxDB('persist-test');
    expect(await getArticle(reopened, saved.id)).toEqual(saved);
  });
});

describe('pins', () => {
  it('pins once per article and unpins', async () => {
    const db = await openParallaxDB();
    const pin = { articleId: 'a1', title: 'T', siteName: 'S', url: 'https://s.example', publishedAt: null, relatedIds: [], pinnedAt: '2026-01-01T00:00:00Z' };
    const first = await addPin(db, pin);
    const again = await addPin(db, { ...pin, pinnedAt: '2026-02-01T00:00:00Z', relatedIds: ['b'] });
    expect(again.id).toBe(first.id);
    expect(again.pinnedAt).toBe(first.pinnedAt);
    expect(await listPins(db)).toHaveLength(1);
    expect((await pinForArticle(db, 'a1'))?.relatedIds).toEqual(['b']);
    expect(await removePin(db, first.id)).toBe(true);
    expect(await removePin(db, first.id)).toBe(false);
    expect(await listPins(db)).toEqual([]);
  });
});

describe('settings', () => {
  it('starts with defaults and merges changes', async () => {
    const db = await openParallaxDB();
    expect(await getSettings(db)).toEqual({ autoCaptureSites: [] });
    await updateSettings(db, { autoCaptureSites: ['https://x.example/*'] });
    expect((await getSettings(db)).autoCaptureSites).toEqual(['https://x.example/*']);
  });
});

describe('schema', () => {
  it('creates every store at the current version', async () => {
    const db = await openParallaxDB();
    expect(db.version).toBe(DB_VERSION);
    expect([...db.objectStoreNames].sort()).toEqual(['articles', 'feedback', 'frequencies', 'meta', 'pins', 'placements', 'signatures', 'stories']);
  });

  it('explains a full disk in plain words', () => {
    const err = describeStorageError(new DOMException('quota', 'QuotaExceededError'));
    expect(err.message).toMatch(/no room left/);
    expect(err.message).toMatch(/Nothing already saved was lost/);
  });
});
