import { describe, expect, it } from 'vitest';
import { captureDocument } from '../../src/core/capture';
import { documentFrom, newsPage } from './dom';

const paragraph = (n: number) =>
  `<p>Paragraph ${n} of the report explains what the council decided on the river crossing, who voted for it, and what it will cost the town over the next decade.</p>`;

function page(head: string, body = [1, 2, 3, 4, 5, 6, 7, 8].map(paragraph).join('')) {
  return newsPage({
    lang: 'en-GB',
    head,
    article: `<h1>Visible headline</h1><p class="byline">By Visible Writer</p>${body}
      <aside class="newsletter"><p>Sign up for our newsletter to get the morning briefing delivered every single day.</p></aside>
    `,
    section: ['/world', 'World'],
    footer: 'Copyright the outlet. All rights reserved, including the right to be annoyed by footers.',
  });
}

describe('captureDocument', () => {
  it('prefers JSON-LD for headline, authors, dates and publisher', () => {
    const ld = {
      '@context': 'https://schema.org',
      '@graph': [
        { '@type': 'WebSite', name: 'Ignored' },
        {
          '@type': 'NewsArticle',
          headline: 'Council approves crossing',
          author: [{ '@type': 'Person', name: 'Ada Brook' }, { '@type': 'Person', name: 'Cy Dale' }],
          datePublished: '2026-03-04T09:30:00+01:00',
          dateModified: '2026-03-04T12:00:00+01:00',
          publisher: { '@type': 'Organization', name: 'Valley Post' },
        },
      ],
    };
    const doc = documentFrom(page(`<title>Tab title</title><script type="application/ld+json">${JSON.stringify(ld)}</script>`));
    const a = captureDocument(doc, 'https://valley.example/news/crossing?utm_source=feed');
    expect(a.title).toBe('Council approves crossing');
    expect(a.byline).toBe('Ada Brook, Cy Dale');
    expect(a.publishedAt).toBe('2026-03-04T09:30:00+01:00');
    expect(a.modifiedAt).toBe('2026-03-04T12:00:00+01:00');
    expect(a.siteName).toBe('Valley Post');
    expect(a.canonicalUrl).toBe('https://valley.example/news/crossing');
    expect(a.lang).toBe('en-GB');
    expect(a.isArticle).toBe(true);
  });

  it('falls back to Open Graph and meta tags when JSON-LD is broken', () => {
    const doc = documentFrom(
      page(`<script type="application/ld+json">{ "headline": broken</script>
        <meta property="og:title" content="OG headline"><meta property="og:site_name" content="OG Outlet">
        <meta property="og:type" content="article"><meta name="author" content="Meta Author">
        <meta property="article:published_time" content="2026-01-02T03:04:05Z">
        <link rel="canonical" href="/canonical-path">`),
    );
    const a = captureDocument(doc, 'https://outlet.example/some/page');
    expect(a).toMatchObject({
      title: 'OG headline',
      siteName: 'OG Outlet',
      byline: 'Meta Author',
      publishedAt: '2026-01-02T03:04:05Z',
      canonicalUrl: 'https://outlet.example/canonical-path',
    });
  });

  it('uses the visible headline, byline and <time> when the page has no metadata', () => {
    const doc = documentFrom(page('', `<time datetime="2025-12-24">Dec 24</time>${[1, 2, 3, 4, 5, 6].map(paragraph).join('')}`));
    const a = captureDocument(doc, 'https://www.plain.example/a');
    expect(a.title).toBe('Visible headline');
    expect(a.byline).toBe('Visible Writer');
    expect(a.publishedAt?.slice(0, 10)).toBe('2025-12-24');
    expect(a.siteName).toBe('plain.example');
  });

  it('keeps body paragraphs and leaves navigation, newsletter boxes and footers out', () => {
    const a = captureDocument(documentFrom(page('<meta property="og:type" content="article">')), 'https://x.example/a');
    expect(a.text).toContain('Paragraph 1 of the report');
    expect(a.text).toContain('Paragraph 8 of the report');
    expect(a.text).not.toMatch(/newsletter|Copyright|Home/);
    expect(a.text.split('\n\n').length).toBeGreaterThanOrEqual(8);
  });

  it('calls a short listing page not an article', () => {
    const doc = documentFrom('<html><body><ul><li><a href="/1">One story</a></li><li><a href="/2">Another story</a></li></ul></body></html>');
    const a = captureDocument(doc, 'https://x.example/');
    expect(a.isArticle).toBe(false);
    expect(a.title).toBe('x.example');
  });

  it('ignores dates outside any plausible publishing range', () => {
    const doc = documentFrom(page('<meta property="article:published_time" content="0001-01-01T00:00:00Z">'));
    expect(captureDocument(doc, 'https://x.example/a').publishedAt).toBeNull();
  });
});
