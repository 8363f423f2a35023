// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import type { CapturedArticle } from '../../src/core/article';
import { isNewArticle, LivePage } from '../../src/content/live';

const PARAGRAPHS = [
  'Ferry crews on the Kell Sound routes went back to work on Thursday morning after union members voted to accept a new pay offer, ending a strike that lasted nine days.',
  'The operator said the first sailings from Harl Quay left on time and that the full timetable would run again from Friday, with extra boats at the weekend.',
  'Under the agreement, deckhands and engineers will receive a pay rise of 6 percent this year and a further 4 percent next spring, the union said.',
  'Islanders had been forced to rely on a single chartered boat for supplies, and two village schools closed for part of the week during the dispute.',
  'Union organiser Maeve Cottar said the crews were glad to be back and thanked passengers for their patience during the long and difficult dispute.',
  'The regional council said it would review how the islands are supplied during future disruptions, including keeping a reserve vessel on standby.',
  'Passenger numbers on the first crossings were higher than usual, as islanders who had postponed hospital visits travelled to the mainland.',
];

function renderArticle(headline: string): void {
  document.title = headline;
  const article = document.createElement('article');
  const h1 = document.createElement('h1');
  h1.textContent = headline;
  const by = document.createElement('p');
  by.textContent = 'By Tamsin Rook';
  const time = document.createElement('time');
  time.dateTime = '2026-03-05T07:30:00+00:00';
  time.textContent = '5 March 2026';
  article.append(h1, by, time, ...PARAGRAPHS.map((text) => Object.assign(document.createElement('p'), { textContent: text })));
  document.getElementById('app')!.replaceChildren(article);
}

const until = async (ok: () => boolean, ms = 5_000) => {
  const deadline = Date.now() + ms;
  while (!ok()) {
    if (Date.now() > deadline) throw new Error('condition not met');
    await new Promise((r) => setTimeout(r, 20));
  }
};

describe('LivePage', () => {
  let live: LivePage | null = null;
  afterEach(() => live?.stop());

  it('captures again when the article arrives late, and once the page is quiet stops watching', async () => {
    document.head.innerHTML = '<meta property="og:type" content="article"><meta property="og:site_name" content="Riverside Live">';
    document.body.innerHTML = '<main id="app"><p>Loading…</p></main>';
    const sent: { article: CapturedArticle; visit: string }[] = [];
    live = new LivePage({ submit: async (article, visit) => void sent.push({ article, visit }), debounceMs: 30, maxWaitMs: 200, quietMs: 400 });
    await live.captureNow();
    expect(sent.map((s) => s.article.isArticle)).toEqual([false]);
    expect(live.watching).toBe(true);

    renderArticle('Ferry crews return to work as Kell Sound pay dispute ends');
    await until(() => sent.length === 2);
    expect(sent[1]!.article.isArticle).toBe(true);
    expect(sent[1]!.article.title).toBe('Ferry crews return to work as Kell Sound pay dispute ends');
    // The same page view: the background must not take its own rendering for a new version.
    expect(sent[1]!.visit).toBe(sent[0]!.visit);

    // Page furniture ticking does not make another capture.
    const clock = document.createElement('span');
    document.body.append(clock);
    for (let i = 0; i < 5; i++) clock.textContent = `12:0${i}`;
    await new Promise((r) => setTimeout(r, 150));
    expect(sent).toHaveLength(2);
    await until(() => !live!.watching, 2_000);
  });

  it('follows the address to the next article as a new page view', async () => {
    document.head.innerHTML = '<meta property="og:type" content="article"><meta property="og:site_name" content="Riverside Live">';
    document.body.innerHTML = '<main id="app"></main>';
    renderArticle('Ferry crews return to work as Kell Sound pay dispute ends');
    const sent: { article: CapturedArticle; visit: string }[] = [];
    live = new LivePage({ submit: async (article, visit) => void sent.push({ article, visit }), debounceMs: 30, maxWaitMs: 200 });
    await live.captureNow();
    history.pushState({}, '', '/news/second-story');
    renderArticle('Islands council orders a reserve ferry after the Kell Sound strike');
    await until(() => sent.length === 2);
    expect(sent[1]!.article.title).toBe('Islands council orders a reserve ferry after the Kell Sound strike');
    expect(sent[1]!.article.canonicalUrl).toMatch(/\/news\/second-story$/);
    expect(sent[1]!.visit).not.toBe(sent[0]!.visit);
  });
});

describe('isNewArticle', () => {
  const base = { url: 'https://x.example/a', canonicalUrl: 'https://x.example/a', title: 'T', siteName: 'X', byline: null, publishedAt: null, modifiedAt: null, lang: 'en', description: null, text: PARAGRAPHS.join('\n\n'), wordCount: 150, isArticle: true };
  it('sends another article or a changed one, never the same one again or a capture cut short', () => {
    expect(isNewArticle(null, base)).toBe(true);
    expect(isNewArticle(base, { ...base, text: `${base.text}\n\n` })).toBe(false);
    expect(isNewArticle(base, { ...base, canonicalUrl: 'https://x.example/b' })).toBe(true);
    expect(isNewArticle(base, { ...base, title: 'Another headline' })).toBe(true);
    expect(isNewArticle(base, { ...base, title: 'Another headline', truncated: true })).toBe(false);
    expect(isNewArticle({ ...base, isArticle: false }, { ...base, isArticle: false, text: 'x' })).toBe(false);
  });
});
