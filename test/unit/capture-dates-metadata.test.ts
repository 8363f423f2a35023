import { describe, expect, it } from 'vitest';
import { captureOrchardPage, ORCHARD_PROSE, orchardPage } from './dom';

describe('publication dates', () => {
  it('reads an all-number dateline the other way round when that is the metadata\'s day', () => {
    const doc = orchardPage(
      '<title>Orchards Wait Out A Wet Spring</title><script type="application/ld+json">{"@type":"NewsArticle","headline":"Orchards Wait Out A Wet Spring","datePublished":"2024-09-10T16:00:00Z"}</script>',
      '<article><h1>Orchards Wait Out A Wet Spring</h1><p>09.10.2024</p>' + ORCHARD_PROSE + '</article>',
    );
    expect(captureOrchardPage(doc).publishedAt?.slice(0, 10)).toBe('2024-09-10');
  });

  it('finds the date printed inside the box that names the author', () => {
    const doc = orchardPage(
      '<title>Orchards Wait Out A Wet Spring</title>',
      '<article><div class="post-author-card"><p>Rosa Lindqvist</p><small>December 17, 2025</small></div>' + ORCHARD_PROSE + '</article>',
    );
    expect(captureOrchardPage(doc).publishedAt?.slice(0, 10)).toBe('2025-12-17');
  });

  it('falls back to the metadata\'s last edit when the page states no other date', () => {
    const doc = orchardPage(
      '<title>Orchards Wait Out A Wet Spring</title><meta property="article:modified_time" content="2023-06-12T10:00:00+00:00">',
      '<article><h1>Orchards Wait Out A Wet Spring</h1>' + ORCHARD_PROSE + '</article>',
    );
    expect(captureOrchardPage(doc).publishedAt?.slice(0, 10)).toBe('2023-06-12');
  });
});
