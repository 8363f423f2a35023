import { describe, expect, it } from 'vitest';
import { parseEvent, parseRequest } from '../../src/shared/messages';

const article = {
  url: 'https://x.example/a', canonicalUrl: 'https://x.example/a', title: 'T', siteName: 'X', byline: null, publishedAt: null,
  modifiedAt: null, lang: 'en', description: null, text: 'body', wordCount: 1, isArticle: true,
};

describe('parseRequest', () => {
  it('accepts a capture from a content script', () => {
    const r = parseRequest({ type: 'capture/submit', article }, 'content');
    expect(r.ok && r.value.type).toBe('capture/submit');
  });
  it('takes a failed capture from the page it ran in, with a bounded reason', () => {
    expect(parseRequest({ type: 'capture/failed', reason: 'TypeError: x is null' }, 'content')).toEqual({
      ok: true,
      value: { type: 'capture/failed', reason: 'TypeError: x is null' },
    });
    expect(parseRequest({ type: 'capture/failed', reason: 'x'.repeat(501) }, 'content').ok).toBe(false);
    expect(parseRequest({ type: 'capture/failed', reason: 'x' }, 'extension').ok).toBe(false);
  });
  it('refuses requests a web page must not make', () => {
    expect(parseRequest({ type: 'pins/list' }, 'content')).toEqual({ ok: false, error: 'pins/list is not accepted from content' });
  });
  it.each([null, 42, 'capture/submit', { type: 'nope' }, { type: '__proto__' }, { type: 'toString' }])('gives an error for %j', (raw) => {
    const r = parseRequest(raw, 'extension');
    expect(r.ok).toBe(false);
  });
  it('names the bad field of a malformed payload', () => {
    const r = parseRequest({ type: 'capture/submit', article: { ...article, wordCount: 'many' } }, 'content');
    expect(r).toEqual({ ok: false, error: 'article.wordCount: expected a finite number, got string' });
  });
  it('caps oversize payloads', () => {
    const r = parseRequest({ type: 'capture/submit', article: { ...article, text: 'x'.repeat(2_000_001) } }, 'content');
    expect(r.ok).toBe(false);
  });
});

describe('story corrections', () => {
  it('accepts split and merge from extension pages only, with both ids', () => {
    const split = parseRequest({ type: 'story/split', articleId: 'a', otherId: 'b' }, 'extension');
    expect(split).toEqual({ ok: true, value: { type: 'story/split', articleId: 'a', otherId: 'b' } });
    expect(parseRequest({ type: 'story/merge', articleId: 'a', otherId: 'b' }, 'extension').ok).toBe(true);
    expect(parseRequest({ type: 'story/split', articleId: 'a', otherId: 'b' }, 'content').ok).toBe(false);
    expect(parseRequest({ type: 'story/merge', articleId: 'a' }, 'extension')).toEqual({ ok: false, error: 'otherId: expected a string, got undefined' });
    expect(parseRequest({ type: 'story/split', articleId: '', otherId: 'b' }, 'extension').ok).toBe(false);
  });
});

describe('parseEvent', () => {
  it('accepts known events and ignores requests', () => {
    expect(parseEvent({ event: 'tab/changed', tabId: 3 })).toEqual({ ok: true, value: { event: 'tab/changed', tabId: 3 } });
    expect(parseEvent({ type: 'tab/get', tabId: 3 }).ok).toBe(false);
  });
});

describe('live captures and pins in the contract', () => {
  it('accepts a capture with its visit and a pin of either kind, and refuses other kinds', () => {
    const r = parseRequest({ type: 'capture/submit', article, visit: 'v-1' }, 'content');
    expect(r.ok && r.value).toMatchObject({ visit: 'v-1' });
    expect(parseRequest({ type: 'pin/add', articleId: 'a', kind: 'article' }, 'extension').ok).toBe(true);
    expect(parseRequest({ type: 'pin/add', articleId: 'a' }, 'extension').ok).toBe(true);
    expect(parseRequest({ type: 'pin/add', articleId: 'a', kind: 'everything' }, 'extension')).toEqual({ ok: false, error: 'kind: expected "story" or "article"' });
    expect(parseRequest({ type: 'story/history', articleIds: ['a', 'b'] }, 'content').ok).toBe(false);
    expect(parseRequest({ type: 'story/history', articleIds: ['a', 'b'] }, 'extension').ok).toBe(true);
  });
});
