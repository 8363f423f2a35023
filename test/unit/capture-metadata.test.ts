import { describe, expect, it } from 'vitest';
import { captureDocument } from '../../src/core/capture';
import { trimHeadingTail } from '../../src/core/capture/title';
import { documentFrom } from './dom';

const prose = Array.from(
  { length: 8 },
  (_, n) => `<p>Paragraph ${n} tells how the ferry timetable changes this winter, which crossings close and what riders should plan for instead.</p>`,
).join('');

function page(head: string, top: string, body = prose): Document {
  return documentFrom(`<!doctype html><html lang="en"><head>${head}</head><body>
    <nav><a href="/">Home</a><a href="/travel">Travel</a></nav>
    <article>${top}${body}</article>
    <footer><p>All rights reserved by the harbour paper and its many footers.</p></footer>
  </body></html>`);
}

describe('headline tail', () => {
  it('drops a tagline after a dash when the metadata titles end their headline there', () => {
    const doc = page(
      '<title>Ferry Timetable Explained - Harbour Paper</title><meta property="og:title" content="Ferry Timetable Explained - Harbour Paper">',
      '<h1>Ferry Timetable Explained – What Changes For Riders This Winter</h1>',
    );
    expect(captureDocument(doc, 'https://harbour.example/ferry').title).toBe('Ferry Timetable Explained');
  });

  it('drops a one-word section label even when the metadata title repeats it', () => {
    expect(trimHeadingTail('Ferries cut winter crossings | Opinion', ['Ferries cut winter crossings | Opinion'])).toBe('Ferries cut winter crossings');
  });

  it('keeps a longer subtitle that the metadata title states word for word', () => {
    const heading = 'Ferry Timetable Explained – What Changes This Winter';
    expect(trimHeadingTail(heading, [`${heading} | Harbour Paper`, heading])).toBe(heading);
  });

  it('keeps the whole heading when no metadata title starts with its first part', () => {
    const heading = 'Winter Crossings – The Ferry Timetable Explained';
    expect(trimHeadingTail(heading, ['Ferry Timetable Explained | Harbour Paper'])).toBe(heading);
  });
});
