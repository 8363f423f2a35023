// Pages that are huge, broken or actively hostile: the capture answers with a
// sensible article or a clear not-article, and never throws or hangs.
import { afterEach, describe, expect, it } from 'vitest';
import { captureDocument } from '../../src/core/capture';
import { capturedArticle } from '../../src/shared/messages';
import { check } from '../../src/core/validate';
import { documentFrom } from './dom';

const para = (i: number) => `<p>Item ${i}: the lighthouse keepers' union said the automation plan leaves three stations without a resident crew this winter.</p>`;
const article = (extra = '', head = '') =>
  `<html><head><title>Lighthouse crews cut</title>${head}</head><body><article><h1>Lighthouse crews cut</h1>${Array.from({ length: 8 }, (_, i) => para(i)).join('')}${extra}</article></body></html>`;
const URL_ = 'https://coast.example/news/lighthouse-crews-cut';

/** Every capture must still pass the background's message validator. */
function valid(a: ReturnType<typeof captureDocument>) {
  const result = check(capturedArticle, a);
  expect(result.ok).toBe(true);
  return a;
}

describe('capture on hostile pages', () => {
  it('walks 100,000 nodes and still finds the article', () => {
    const noise = '<div><span>x</span></div>'.repeat(50_000);
    const a = valid(captureDocument(documentFrom(article(noise)), URL_, { timeBudgetMs: 60_000 }));
    expect(a.text).toContain('lighthouse keepers');
  });

  // Asserted through what the capture reports, not a stopwatch: a spent time box must stop the walk.
  it('stops walking once its time box is spent and says the text is partial', () => {
    const noise = '<div><span>x</span></div>'.repeat(50_000);
    const a = valid(captureDocument(documentFrom(article(noise)), URL_, { timeBudgetMs: 0 }));
    expect(a.truncated).toBe(true);
    expect(a.text).toContain('lighthouse keepers');
  });

  it('caps 5 MB of text and says it did', () => {
    const huge = `<p>${'tide '.repeat(1_000_000)}</p>`;
    const a = valid(captureDocument(documentFrom(article(huge)), URL_));
    expect(a.text.length).toBeLessThanOrEqual(1_000_000);
    expect(a.truncated).toBe(true);
  });

  it('stays linear on one long paragraph', () => {
    // Word segmentation slowed down quadratically on a single run of text: 160,000 characters took seconds.
    const long = `<p>${'the tide came in over the causeway again, '.repeat(10_000)}</p>`;
    const started = performance.now();
    const a = valid(captureDocument(documentFrom(article(long)), URL_));
    expect(performance.now() - started).toBeLessThan(1_500);
    expect(a.wordCount).toBeGreaterThan(80_000);
    expect(a.truncated).toBeFalsy();
  });

  it('past its time box, names author and date from metadata only', () => {
    const head = '<meta name="author" content="Mira Holt"><meta property="article:published_time" content="2026-03-02T08:00:00Z">';
    const a = valid(captureDocument(documentFrom(article('<p class="byline">By Someone Else</p>', head)), URL_, { timeBudgetMs: -1 }));
    expect(a.byline).toBe('Mira Holt');
    expect(a.publishedAt?.slice(0, 10)).toBe('2026-03-02');
  });

  it('stops at absurd nesting depth instead of overflowing the stack', () => {
    const depth = 5_000;
    const nested = `${'<div>'.repeat(depth)}<p>deep text</p>${'</div>'.repeat(depth)}`;
    const a = valid(captureDocument(documentFrom(article(nested)), URL_));
    expect(a.truncated).toBe(true);
    expect(a.text).toContain('lighthouse keepers');
  });

  it('stops walking when the time box is spent', () => {
    const a = valid(captureDocument(documentFrom(article('<div><span>x</span></div>'.repeat(5_000))), URL_, { timeBudgetMs: 0 }));
    expect(a.truncated).toBe(true);
  });

  it('survives broken, empty and oversized JSON-LD and keeps the good block', () => {
    const head = [
      '<script type="application/ld+json">{"@type": "NewsArticle", "headline": </script>',
      '<script type="application/ld+json"></script>',
      '<script type="application/ld+json">null</script>',
      '<script type="application/ld+json">[[[[[[[[[[[[{"@type":"NewsArticle"}]]]]]]]]]]]]</script>',
      '<script type="application/ld+json">{"@type": "NewsArticle", "author": {"name": {"name": {"name": {"name": {"name": {"name": 7}}}}}}, "datePublished": 12}</script>',
      '<script type="application/ld+json">{"@type": "NewsArticle", "author": "Mira Holt"}</script>',
    ].join('');
    const a = valid(captureDocument(documentFrom(article('', head)), URL_));
    expect(a.byline).toBe('Mira Holt');
    expect(a.isArticle).toBe(true);
  });

  it('reads a frameset page as not an article', () => {
    const doc = documentFrom('<html><head><title>Frames</title></head><frameset cols="50%,50%"><frame src="/a"><frame src="/b"></frameset></html>');
    const a = valid(captureDocument(doc, URL_));
    expect(a.isArticle).toBe(false);
    expect(a.notArticleReason).toBeTruthy();
  });

  it('ignores iframes and templates but keeps the light DOM of a shadow host', () => {
    const extra = '<iframe srcdoc="<p>framed ad copy</p>"></iframe><my-card><template shadowrootmode="open"><p>shadow chrome</p></template><p>Light text of the card that the reader sees in the article flow.</p></my-card>';
    const a = valid(captureDocument(documentFrom(article(extra)), URL_));
    expect(a.text).not.toMatch(/framed ad copy|shadow chrome/);
    expect(a.text).toContain('Light text of the card');
  });
});

describe('capture on pages that override built-ins', () => {
  const originals = {
    parse: JSON.parse,
    map: Array.prototype.map,
  };
  afterEach(() => {
    JSON.parse = originals.parse;
    Array.prototype.map = originals.map;
  });

  it('reads JSON-LD and the body when the page replaced JSON.parse and document.querySelectorAll', () => {
    const doc = documentFrom(article('', '<script type="application/ld+json">{"@type": "NewsArticle", "author": "Mira Holt"}</script>'));
    JSON.parse = () => ({ '@type': 'NewsArticle', author: 'Injected Name' });
    Object.defineProperty(doc, 'querySelectorAll', { value: () => [], configurable: true });
    Object.defineProperty(doc, 'querySelector', { value: () => null, configurable: true });
    const a = valid(captureDocument(doc, URL_));
    expect(a.byline).toBe('Mira Holt');
    expect(a.title).toBe('Lighthouse crews cut');
    expect(a.isArticle).toBe(true);
  });

  it('answers with a clear not-article when array methods throw', () => {
    Array.prototype.map = function () {
      throw new Error('page broke map');
    };
    const a = captureDocument(documentFrom(article()), URL_);
    Array.prototype.map = originals.map;
    valid(a);
    if (!a.isArticle) expect(a.notArticleReason).toMatch(/could not be read/);
    else expect(a.text).toContain('lighthouse keepers');
  });
});
