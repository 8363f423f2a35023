import { describe, expect, it } from 'vitest';
import { captureDocument } from '../../src/core/capture';
import { documentFrom } from './dom';

// A loaded test machine must not push the capture past its time box, where it skips the scans of visible text.
const UNHURRIED = { timeBudgetMs: 10_000 };

const prose = Array.from(
  { length: 8 },
  (_, n) => `<p>Paragraph ${n} follows the orchard cooperative through a wet spring, the late blossom and what the pickers expect of the harvest.</p>`,
).join('');

function page(head: string, body: string): Document {
  return documentFrom(`<!doctype html><html lang="en"><head>${head}</head><body>
    <nav><a href="/">Home</a><a href="/farming">Farming</a></nav>
    ${body}
    <footer><p>The valley gazette, printed weekly since long ago.</p></footer>
  </body></html>`);
}

const capture = (doc: Document) => captureDocument(doc, 'https://valley.example/orchards/spring', UNHURRIED);

describe('publication dates', () => {
  it('reads an all-number dateline the other way round when that is the metadata\'s day', () => {
    const doc = page(
      '<title>Orchards Wait Out A Wet Spring</title><script type="application/ld+json">{"@type":"NewsArticle","headline":"Orchards Wait Out A Wet Spring","datePublished":"2024-09-10T16:00:00Z"}</script>',
      '<article><h1>Orchards Wait Out A Wet Spring</h1><p>09.10.2024</p>' + prose + '</article>',
    );
    expect(capture(doc).publishedAt?.slice(0, 10)).toBe('2024-09-10');
  });

  it('finds the date printed inside the box that names the author', () => {
    const doc = page(
      '<title>Orchards Wait Out A Wet Spring</title>',
      '<article><div class="post-author-card"><p>Rosa Lindqvist</p><small>December 17, 2025</small></div>' + prose + '</article>',
    );
    expect(capture(doc).publishedAt?.slice(0, 10)).toBe('2025-12-17');
  });

  it('falls back to the metadata\'s last edit when the page states no other date', () => {
    const doc = page(
      '<title>Orchards Wait Out A Wet Spring</title><meta property="article:modified_time" content="2023-06-12T10:00:00+00:00">',
      '<article><h1>Orchards Wait Out A Wet Spring</h1>' + prose + '</article>',
    );
    expect(capture(doc).publishedAt?.slice(0, 10)).toBe('2023-06-12');
  });
});
