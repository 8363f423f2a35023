import { describe, expect, it } from 'vitest';
import type { CapturedArticle } from '../../src/core/article';
import { articleChanges, getArticle, recentArticles, saveArticle, withoutVersions } from '../../src/background/store/articles';
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
    expect([...db.objectStoreNames].sort()).toEqual(['articles', 'documents', 'feedback', 'frequency-table', 'meta', 'pins', 'placements', 'postings', 'stories']);
  });

  it('explains a full disk in plain words', () => {
    const err = describeStorageError(new DOMException('quota', 'QuotaExceededError'));
    expect(err.message).toMatch(/no room left/);
    expect(err.message).toMatch(/Nothing already saved was lost/);
  });
});

describe('article versions in the store', () => {
  const P1 = 'The council voted on Tuesday to close the Dunmore bridge for repairs after inspectors found cracks in two of its piers.';
  const P2 = 'Engineers said the work would take at least six weeks and cost about two million pounds, paid from the roads budget.';
  const v = (title: string, text: string, visit?: string) => ({ ...captured('https://a.example/1', title), text, ...(visit ? { visit } : {}) });

  it('keeps the earlier version when a revisit changed the headline or text', async () => {
    const db = await openParallaxDB();
    await saveArticle(db, v('Bridge to close', P1, 'visit-1'), new Date('2026-01-01T00:00:00Z'));
    const saved = await saveArticle(db, v('Bridge closes for six weeks', `${P1}\n\n${P2}`, 'visit-2'), new Date('2026-01-02T00:00:00Z'));
    const record = (await getArticle(db, saved.id)) as typeof saved & { versions?: { title: string; text: string; seenAt: string }[] };
    expect(record.title).toBe('Bridge closes for six weeks');
    expect(record.versions).toHaveLength(1);
    expect(record.versions![0]).toMatchObject({ title: 'Bridge to close', text: P1, seenAt: '2026-01-01T00:00:00.000Z' });
    expect(articleChanges(record).map((c) => c.paragraphs.map((p) => p.kind))).toEqual([['added']]);
    expect(withoutVersions(record)).not.toHaveProperty('versions');
  });

  it('makes no version of the page finishing its rendering in the same visit, nor of a cut-short capture', async () => {
    const db = await openParallaxDB();
    await saveArticle(db, v('Bridge to close', P1, 'visit-1'));
    const late = await saveArticle(db, v('Bridge to close', `${P1}\n\n${P2}`, 'visit-1'));
    expect(articleChanges(late)).toEqual([]);
    const cut = await saveArticle(db, { ...v('Bridge', P1, 'visit-2'), truncated: true });
    expect(articleChanges(cut)).toEqual([]);
  });
});

describe('article pins beside story pins', () => {
  it('pins an article and its story separately, and reads old story pins as stories', async () => {
    const db = await openParallaxDB();
    const base = { articleId: 'a1', title: 'T', siteName: 'S', url: 'https://s.example', publishedAt: null, relatedIds: [], pinnedAt: '2026-01-01T00:00:00Z' };
    const story = await addPin(db, base);
    const article = await addPin(db, { ...base, kind: 'article', pinnedAt: '2026-01-02T00:00:00Z' });
    expect(story).toMatchObject({ kind: 'story', articleId: 'a1' });
    expect(article).toMatchObject({ kind: 'article', articleId: 'a1' });
    expect(article.id).not.toBe(story.id);
    expect((await listPins(db)).map((p) => [p.kind, p.articleId])).toEqual([
      ['article', 'a1'],
      ['story', 'a1'],
    ]);
    expect((await pinForArticle(db, 'a1', 'article'))?.id).toBe(article.id);
    expect(await removePin(db, article.id)).toBe(true);
    expect(await pinForArticle(db, 'a1', 'article')).toBeUndefined();
    expect((await pinForArticle(db, 'a1'))?.id).toBe(story.id);
  });
});
