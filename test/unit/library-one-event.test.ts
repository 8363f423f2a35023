/**
 * Bad input from the matching issue: a library that is nothing but one event
 * (10,000 reports of it). The store must stay correct (every article placed
 * in a story that lists it) and bounded: one query's answer, one story
 * record's size and the index's lists do not grow with the flood.
 */
import { describe, expect, it } from 'vitest';
import type { CapturedArticle } from '../../src/core/article';
import { ingestMany, relatedTo } from '../../src/background/store/library';
import { MAX_POSTINGS } from '../../src/core/matching/packed-index';
import { openParallaxDB } from '../../src/background/store/schema';
import { mulberry32 } from '../../scripts/lib/synthetic';

const REPORTS = Number(process.env.ONE_EVENT_REPORTS ?? 10_000);
const towns = ['Dunmore', 'Ashby', 'Kellen', 'Orrin', 'Tamsk'];
const verbs = ['broke through', 'gave way at', 'failed near', 'burst beside', 'overtopped'];

/** One flood reported again and again: the same names and figures, worded a little differently each time. */
function report(i: number, random: () => number): CapturedArticle {
  const pick = <T>(xs: T[]) => xs[Math.floor(random() * xs.length)]!;
  const homes = 1200 + Math.floor(random() * 5) * 50;
  const text =
    `The Marrow River ${pick(verbs)} the Dunmore levee on Tuesday night. Mayor Ilse Quarry ordered ${homes} homes evacuated as water rose in Dunmore and ${pick(towns)}. ` +
    `Engineers said the levee, built in 1962, had been weakened by weeks of rain. "We got everyone out before midnight," Quarry said. ` +
    `Shelters opened at the ${pick(towns)} high school, and the state sent ${100 + Math.floor(random() * 4) * 50} guardsmen to fill sandbags. Report ${i}.`;
  const url = `https://outlet${i % 400}.example/flood-${i}`;
  return {
    url, canonicalUrl: url, title: `Marrow River floods Dunmore as levee fails (${pick(towns)})`, siteName: `Outlet ${i % 400}`, byline: null,
    publishedAt: new Date(Date.UTC(2026, 2, 1, 10) + i * 60_000).toISOString(), modifiedAt: null,
    lang: 'en', description: null, text, wordCount: text.split(/\s+/).length, isArticle: true,
  };
}

describe('one event reported 10,000 times', () => {
  it('places every report in a story that lists it and keeps records and answers bounded', { timeout: 1_200_000 }, async () => {
    const db = await openParallaxDB();
    const random = mulberry32(5);
    const captures = Array.from({ length: REPORTS }, (_, i) => report(i, random));
    const filed = await ingestMany(db, captures);
    expect(filed).toHaveLength(REPORTS);
    expect(await db.count('articles')).toBe(REPORTS);

    // Every article is placed, and its story's record lists it exactly once.
    const stories = await db.getAll('stories');
    const listed = new Map<string, string>();
    for (const s of stories) for (const m of s.members) {
      expect(listed.has(m)).toBe(false);
      listed.set(m, s.id);
    }
    expect(listed.size).toBe(REPORTS);
    for (const p of await db.getAll('placements')) expect(listed.get(p.articleId)).toBe(p.storyId);
    // One event: the reports end up in a handful of stories, not thousands of singletons.
    expect(stories.length).toBeLessThan(REPORTS / 100);

    // The index's lists stop growing at the length a search would skip anyway.
    const longest = Math.max(...(await db.getAll('postings')).map((page) => page.length));
    expect(longest).toBeLessThanOrEqual(MAX_POSTINGS);

    // A query answers a bounded list, whose first matches are reports of the same flood.
    const last = filed.at(-1)!;
    const related = await relatedTo(db, last.article.id);
    expect(related.length).toBeGreaterThan(0);
    expect(related.length).toBeLessThanOrEqual(30);
    expect(related[0]!.title).toMatch(/Marrow River floods Dunmore/);
  });
});
