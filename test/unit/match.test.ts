import { describe, expect, it } from 'vitest';
import type { StoredArticle } from '../../src/core/article';
import { rankRelated } from '../../src/core/match';

let n = 0;
function article(title: string, text: string, siteName = 'Outlet'): StoredArticle {
  n++;
  return {
    id: `a${n}`, url: `https://o${n}.example/a`, canonicalUrl: `https://o${n}.example/a`, title, siteName, byline: null,
    publishedAt: '2026-03-01T10:00:00Z', modifiedAt: null, lang: 'en', description: null, text,
    wordCount: text.split(/\s+/).length, isArticle: true, capturedAt: '2026-03-01T10:00:00Z', updatedAt: '2026-03-01T10:00:00Z',
  };
}

describe('rankRelated', () => {
  const flood1 = article('Marrow River floods Dunmore as levee fails', 'The Marrow River broke through the Dunmore levee on Tuesday. Mayor Ilse Quarry ordered 1,200 homes evacuated in Dunmore. Engineers blamed the levee.');
  const flood2 = article('Dunmore evacuates 1,450 homes after Marrow levee breach', 'Mayor Ilse Quarry said the Marrow River levee gave way and Dunmore residents left their homes. Engineers inspected the breach.', 'Other');
  const unrelated = article('Comet Vell brightens for stargazers', 'Astronomers say comet Vell will be visible to the naked eye next month from dark sites.', 'Third');

  it('ranks the report of the same event first and leaves unrelated stories out', () => {
    const ranked = rankRelated(flood1, [flood1, flood2, unrelated]);
    expect(ranked.map((r) => r.id)).toEqual([flood2.id]);
    expect(ranked[0]!.score).toBeGreaterThan(0.18);
    expect(ranked[0]!.sharedTerms).toEqual(expect.arrayContaining(['dunmore', 'marrow']));
  });

  it('never lists the article itself or another capture of its address', () => {
    const copy = { ...flood1, id: 'copy' };
    expect(rankRelated(flood1, [flood1, copy])).toEqual([]);
  });

  it('returns nothing for an empty article', () => {
    expect(rankRelated(article('', ''), [flood1, flood2])).toEqual([]);
  });
});
