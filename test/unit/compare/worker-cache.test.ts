import { describe, expect, it } from 'vitest';
import type { CapturedArticle } from '../../../src/core/article';
import { compareArticles, forgetComparisonsOf } from '../../../src/background/comparison';
import { saveArticle } from '../../../src/background/store/articles';
import { db } from '../../../src/background/store/schema';

const captured = (url: string, siteName: string, text: string): CapturedArticle => ({
  url, canonicalUrl: url, title: 'Harlow bridge closed', siteName, byline: null, publishedAt: null, modifiedAt: null, lang: 'en',
  description: null, text, wordCount: text.split(' ').length, isArticle: true,
});

const GIRDERS = 'Engineers closed the Harlow river bridge after inspectors found cracked steel girders on Monday.';

describe('the worker\'s comparison of a story', () => {
  it('is shared by every article of the story, listed from the one asked for, and forgets an article captured anew', async () => {
    const database = await db();
    const a = await saveArticle(database, captured('https://one.example/a', 'One', `${GIRDERS}\n\nThe ferry will carry commuters until spring.`));
    const b = await saveArticle(database, captured('https://two.example/b', 'Two', `${GIRDERS}\n\nRepairs could cost the county four million pounds.`));

    const fromA = await compareArticles([a.id, b.id]);
    const fromB = await compareArticles([b.id, a.id]);
    expect(fromA.outlets.map((o) => o.siteName)).toEqual(['One', 'Two']);
    expect(fromB.outlets.map((o) => o.siteName)).toEqual(['Two', 'One']);
    expect(fromB.agreed).toEqual(fromA.agreed);

    // The reader comes back to the article and it says something new.
    await saveArticle(database, captured('https://one.example/a', 'One', `${GIRDERS}\n\nA temporary footbridge opens next week beside the old span.`));
    forgetComparisonsOf(a.id);
    const again = await compareArticles([a.id, b.id]);
    const onlyA = again.onlyHere.find((o) => o.articleId === a.id)?.statements.map((s) => s.text).join(' ');
    expect(onlyA).toMatch(/footbridge/);
    expect(onlyA).not.toMatch(/ferry/);
  });
});
