// Each metadata source the capture reads, on its own, and what wins when they disagree.
import { describe, expect, it } from 'vitest';
import { captureDocument } from '../../src/core/capture';
import { toIsoDate } from '../../src/core/capture/dates';
import { documentFrom } from './dom';

const prose = Array.from(
  { length: 8 },
  (_, i) => `<p>Part ${i + 1}: the ferry operator told the harbour board that the winter timetable would keep two crossings a day, and that repairs to the slipway start in spring.</p>`,
).join('');

const page = (head: string, before = '', url = 'https://harbour.example/news/2026/03/ferry-timetable-kept') =>
  captureDocument(documentFrom(`<!doctype html><html><head>${head}</head><body><article>${before}${prose}</article></body></html>`), url);

const ld = (value: unknown) => `<script type="application/ld+json">${JSON.stringify(value)}</script>`;

describe('capture metadata sources', () => {
  it('resolves JSON-LD authors given by @id inside a @graph', () => {
    const a = page(
      ld({
        '@context': 'https://schema.org',
        '@graph': [
          { '@type': 'Person', '@id': '#p1', name: 'Orla Finch' },
          { '@type': 'ReportageNewsArticle', headline: 'Ferry timetable kept', author: { '@id': '#p1' }, datePublished: '2026-03-02T23:30:00-05:00', isAccessibleForFree: false, articleSection: 'Transport' },
        ],
      }),
    );
    expect(a.byline).toBe('Orla Finch');
    expect(a.authors).toEqual(['Orla Finch']);
    // The page's own calendar day and offset survive.
    expect(a.publishedAt).toBe('2026-03-02T23:30:00-05:00');
    expect(a.section).toBe('Transport');
    expect(a.paywalled).toBe(true);
  });

  it('reads a top-level JSON-LD array and full-IRI types', () => {
    const a = page(ld([{ '@type': 'WebSite', name: 'Harbour Times' }, { '@type': 'http://schema.org/NewsArticle', headline: 'Ferry timetable kept', author: ['Ann Reed', 'Bo Lund'] }]));
    expect(a.byline).toBe('Ann Reed, Bo Lund');
  });

  it('prefers a visible person byline over an organisation named as author', () => {
    const a = page(
      ld({ '@type': 'NewsArticle', headline: 'Ferry timetable kept', author: { '@type': 'Organization', name: 'Harbour Times' } }),
      '<div class="byline">By <a href="/author/tess-moor">Tess Moor</a></div>',
    );
    expect(a.byline).toBe('Tess Moor');
  });

  it('reads microdata authors and dates', () => {
    const a = page(
      '',
      '<span itemprop="author" itemscope><span itemprop="name">Ivo Grant</span></span><time itemprop="datePublished" datetime="2026-02-11">11 Feb</time>',
    );
    expect(a.byline).toBe('Ivo Grant');
    expect(a.publishedAt?.slice(0, 10)).toBe('2026-02-11');
  });

  it('reads rel=author links and dateline text', () => {
    const a = page('', '<p class="meta"><a rel="author" href="/people/kay">Kay Olsen</a></p><div class="post-date">Published 4 March 2026</div>');
    expect(a.byline).toBe('Kay Olsen');
    expect(a.publishedAt?.slice(0, 10)).toBe('2026-03-04');
  });

  it('reads Open Graph, Twitter cards and meta conventions', () => {
    const a = page(`<meta name="twitter:title" content="Ferry timetable kept &#8211; two crossings a day">
      <meta property="og:image" content="/img/ferry.jpg"><meta name="description" content="Winter timetable">
      <meta name="parsely-author" content="Lena Park"><meta name="dc.date" content="2026-01-05">
      <meta property="article:section" content="Local"><link rel="canonical" href="https://harbour.example/ferry?utm_source=x&id=7">`);
    expect(a.title).toBe('Ferry timetable kept – two crossings a day');
    expect(a.byline).toBe('Lena Park');
    expect(a.publishedAt?.slice(0, 10)).toBe('2026-01-05');
    expect(a.image).toBe('https://harbour.example/img/ferry.jpg');
    expect(a.description).toBe('Winter timetable');
    expect(a.section).toBe('Local');
    expect(a.canonicalUrl).toBe('https://harbour.example/ferry?id=7');
  });

  it('settles conflicts: JSON-LD dates over meta, visible headline over a rewritten social title', () => {
    const a = page(
      `${ld({ '@type': 'NewsArticle', headline: 'Winter ferry timetable keeps two crossings', datePublished: '2026-03-01T08:00:00Z' })}
       <meta property="article:published_time" content="2025-12-31T08:00:00Z">
       <meta property="og:title" content="Winter ferry timetable keeps two crossings | Harbour Times">`,
      '<h1>Winter ferry timetable keeps two crossings a day</h1>',
    );
    expect(a.publishedAt).toBe('2026-03-01T08:00:00Z');
    expect(a.title).toBe('Winter ferry timetable keeps two crossings a day');
  });

  it('falls back to the host when the page has no <title>, no heading and no metadata', () => {
    const a = page('');
    expect(a.title).toBe('harbour.example');
    expect(a.siteName).toBe('harbour.example');
  });

  it('parses the date spellings pages use, keeping their offset', () => {
    expect(toIsoDate('2026-03-04T09:30:00.123+0100')).toBe('2026-03-04T09:30:00+01:00');
    expect(toIsoDate('Tue, 03 Mar 2026 22:15:00 -0800')).toBe('2026-03-03T22:15:00-08:00');
    expect(toIsoDate('March 4, 2026 at 3:05 pm')).toBe('2026-03-04T15:05:00Z');
    expect(toIsoDate('4. März 2026')).toBe('2026-03-04T00:00:00Z');
    expect(toIsoDate('2026/03/04')).toBe('2026-03-04T00:00:00Z');
    expect(toIsoDate('31.12.2025')).toBe('2025-12-31T00:00:00Z');
    expect(toIsoDate('2026-02-30')).toBeNull();
    expect(toIsoDate('soon')).toBeNull();
  });
});
