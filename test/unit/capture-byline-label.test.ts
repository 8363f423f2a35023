import { describe, expect, it } from 'vitest';
import { captureOrchardPage, ORCHARD_PROSE, orchardPage } from './dom';

describe('bylines beside the headline', () => {
  it('takes the name printed after a label that stands above the headline, not the line before the label', () => {
    const doc = orchardPage(
      '<title>Orchards Wait Out A Wet Spring</title>',
      '<div class="intro"><p>Order prints</p><p>By:</p><p>Rosa Lindqvist</p></div><article><h1>Orchards Wait Out A Wet Spring</h1>' + ORCHARD_PROSE + '</article>',
    );
    expect(captureOrchardPage(doc).byline).toBe('Rosa Lindqvist');
  });

  it('takes the name a "Contributors:" label introduces', () => {
    const doc = orchardPage('<title>Orchards Wait Out A Wet Spring</title>', '<article><h1>Orchards Wait Out A Wet Spring</h1><p>Contributors:</p><p>Sanna Berg</p>' + ORCHARD_PROSE + '</article>');
    expect(captureOrchardPage(doc).byline).toBe('Sanna Berg');
  });

  it('takes the writer of a "Jane Doe in Section" line, without the section', () => {
    const doc = orchardPage('<title>Orchards Wait Out A Wet Spring</title>', '<article><h1>Orchards Wait Out A Wet Spring</h1><p>Sanna Berg in <a href="/farming">Farming</a></p>' + ORCHARD_PROSE + '</article>');
    expect(captureOrchardPage(doc).byline).toBe('Sanna Berg');
  });
});
