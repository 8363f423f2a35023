import { describe, expect, it } from 'vitest';
import { captureDocument } from '../../src/core/capture';
import { findDateInText } from '../../src/core/capture/dates';
import { trimHeadingTail } from '../../src/core/capture/title';
import { documentFrom, newsPage } from './dom';

// A loaded test machine must not push the capture past its time box, where it skips the scans of visible text.
const UNHURRIED = { timeBudgetMs: 10_000 };

const prose = Array.from(
  { length: 8 },
  (_, n) => `<p>Paragraph ${n} tells how the ferry timetable changes this winter, which crossings close and what riders should plan for instead.</p>`,
).join('');

function page(head: string, top: string, body = prose): Document {
  return documentFrom(newsPage({ head, article: top + body, section: ['/travel', 'Travel'], footer: 'All rights reserved by the harbour paper and its many footers.' }));
}

describe('headline tail', () => {
  it('drops a tagline after a dash when the metadata titles end their headline there', () => {
    const doc = page(
      '<title>Ferry Timetable Explained - Harbour Paper</title><meta property="og:title" content="Ferry Timetable Explained - Harbour Paper">',
      '<h1>Ferry Timetable Explained – What Changes For Riders This Winter</h1>',
    );
    expect(captureDocument(doc, 'https://harbour.example/ferry', UNHURRIED).title).toBe('Ferry Timetable Explained');
  });

  it('drops a one-word section label even when the metadata title repeats it', () => {
    expect(trimHeadingTail('Ferries cut winter crossings | Opinion', ['Ferries cut winter crossings | Opinion'])).toBe('Ferries cut winter crossings');
  });

  it('keeps a longer subtitle that the metadata title states word for word', () => {
    const heading = 'Ferry Timetable Explained – What Changes This Winter';
    expect(trimHeadingTail(heading, [`${heading} | Harbour Paper`, heading])).toBe(heading);
  });

  it('drops what follows a bar in the heading even when the metadata title repeats it', () => {
    const heading = 'Ferry Timetable Explained | Rider Guides | Harbour Paper Travel';
    expect(trimHeadingTail(heading, [heading])).toBe('Ferry Timetable Explained');
  });

  it('keeps a long clause after a bar, which is the editor\'s subtitle rather than a label', () => {
    const heading = 'Ferry Timetable Explained | What Changes For Riders Crossing This Winter';
    expect(trimHeadingTail(heading, [heading])).toBe(heading);
  });

  it('prefers the heading that is the metadata title over one that repeats its words in a subtitle', () => {
    const doc = page(
      '<meta property="og:title" content="Ferry Timetable Explained">',
      '<h1>Ferry Timetable Explained</h1><h1>Ferry Timetable Explained <small>the ferry timetable for winter riders</small></h1>',
    );
    expect(captureDocument(doc, 'https://harbour.example/ferry', UNHURRIED).title).toBe('Ferry Timetable Explained');
  });

  it('reads a headline whose UTF-8 was decoded twice as its author wrote it', () => {
    const garbled = 'A Rider\u00e2\u0080\u0099s Guide to the Ferry Timetable';
    const doc = page(`<title>${garbled}</title>`, `<h1>${garbled}</h1>`);
    expect(captureDocument(doc, 'https://harbour.example/ferry', UNHURRIED).title).toBe('A Rider\u2019s Guide to the Ferry Timetable');
  });

  it('keeps the whole heading when no metadata title starts with its first part', () => {
    const heading = 'Winter Crossings – The Ferry Timetable Explained';
    expect(trimHeadingTail(heading, ['Ferry Timetable Explained | Harbour Paper'])).toBe(heading);
  });
});

describe('all-number datelines', () => {
  it('reads year-first and day-first dates written with dots or dashes', () => {
    expect(findDateInText('Essay - Published: 2025.12.17 |')?.slice(0, 10)).toBe('2025-12-17');
    expect(findDateInText('Elliot Raba 23.07.2025 · 6 min read')?.slice(0, 10)).toBe('2025-07-23');
    expect(findDateInText('02-12-2025')?.slice(0, 10)).toBe('2025-12-02');
  });

  it('reads slashed dates month first unless the month would be impossible', () => {
    expect(findDateInText('Updated: 10/31/2024')?.slice(0, 10)).toBe('2024-10-31');
    expect(findDateInText('8/1/2025')?.slice(0, 10)).toBe('2025-08-01');
    expect(findDateInText('Posted 25/03/2024')?.slice(0, 10)).toBe('2024-03-25');
  });

  it('takes the dateline printed under the headline when the page has no date metadata', () => {
    const doc = page('<title>Ferry timetable changes</title>', '<h1>Ferry timetable changes</h1><p>Jo Marsh</p><p>23.07.2025</p>');
    expect(captureDocument(doc, 'https://harbour.example/ferry', UNHURRIED).publishedAt?.slice(0, 10)).toBe('2025-07-23');
  });

  it('finds no date in version numbers or phone numbers', () => {
    expect(findDateInText('Call +1.408.886.7177 or upgrade to 2.10.4')).toBeNull();
  });
});

describe('citation authors', () => {
  it('names every author of a paper, given name first, in page order', () => {
    const doc = page(
      `<title>Tidal models of ferry delays</title><meta name="citation_title" content="Tidal models of ferry delays">
       <meta name="citation_author" content="Marsh, Jo"><meta name="citation_author" content="Okafor, Ben"><meta name="citation_author" content="Lind, Ada">`,
      '<h1>Tidal models of ferry delays</h1>',
    );
    const a = captureDocument(doc, 'https://papers.example/abs/123', UNHURRIED);
    expect(a.authors).toEqual(['Jo Marsh', 'Ben Okafor', 'Ada Lind']);
    expect(a.byline).toBe('Jo Marsh, Ben Okafor, Ada Lind');
  });
});

describe('headline choice', () => {
  it('passes over a one-word heading that only names a part of the metadata headline', () => {
    const doc = page(
      '<title>How the harbour board rebuilt its winter ferry timetable from scratch</title>',
      '<h1>Timetable</h1>',
    );
    expect(captureDocument(doc, 'https://harbour.example/ferry', UNHURRIED).title).toBe('How the harbour board rebuilt its winter ferry timetable from scratch');
  });

  it('restores characters the heading lost to its charset from the metadata title that matches it otherwise', () => {
    const doc = page(
      '<meta property="og:title" content="Ferry Timetable Explained: A Rider&#8217;s Guide">',
      '<h1>Ferry Timetable Explained? A Rider? Guide</h1>',
    );
    expect(captureDocument(doc, 'https://harbour.example/ferry', UNHURRIED).title).toBe('Ferry Timetable Explained: A Rider\u2019s Guide');
    const asked = page('<meta property="og:title" content="Is the Winter Ferry Timetable Worth It? Our Verdict">', '<h1>Is the Winter Ferry Timetable Worth It?</h1>');
    expect(captureDocument(asked, 'https://harbour.example/ferry', UNHURRIED).title).toBe('Is the Winter Ferry Timetable Worth It?');
  });

  it('takes a page\'s only heading that mentions the outlet, but not one that is mostly its name', () => {
    const head = '<title>Crossing Times: Rethinking the Timetable - Harbour Paper</title><meta property="og:site_name" content="Harbour Paper">';
    const mentions = page(head, '<h1>Drawing the Harbour Ferry Map</h1>');
    expect(captureDocument(mentions, 'https://harbour.example/ferry', UNHURRIED).title).toBe('Drawing the Harbour Ferry Map');
    const banner = page(head, '<h1>The Harbour Paper Blog</h1>');
    expect(captureDocument(banner, 'https://harbour.example/ferry', UNHURRIED).title).toBe('Crossing Times: Rethinking the Timetable');
  });
});
