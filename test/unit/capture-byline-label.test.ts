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

describe('bylines beside the headline', () => {
  it('takes the name printed after a label that stands above the headline, not the line before the label', () => {
    const doc = page(
      '<title>Orchards Wait Out A Wet Spring</title>',
      '<div class="intro"><p>Order prints</p><p>By:</p><p>Rosa Lindqvist</p></div><article><h1>Orchards Wait Out A Wet Spring</h1>' + prose + '</article>',
    );
    expect(capture(doc).byline).toBe('Rosa Lindqvist');
  });

  it('takes the name a "Contributors:" label introduces', () => {
    const doc = page('<title>Orchards Wait Out A Wet Spring</title>', '<article><h1>Orchards Wait Out A Wet Spring</h1><p>Contributors:</p><p>Sanna Berg</p>' + prose + '</article>');
    expect(capture(doc).byline).toBe('Sanna Berg');
  });

  it('takes the writer of a "Jane Doe in Section" line, without the section', () => {
    const doc = page('<title>Orchards Wait Out A Wet Spring</title>', '<article><h1>Orchards Wait Out A Wet Spring</h1><p>Sanna Berg in <a href="/farming">Farming</a></p>' + prose + '</article>');
    expect(capture(doc).byline).toBe('Sanna Berg');
  });
});
