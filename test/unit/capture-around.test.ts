// Bylines and datelines printed beside the headline, whatever the markup calls them.
import { describe, expect, it } from 'vitest';
import { captureDocument } from '../../src/core/capture';
import { documentFrom } from './dom';

const prose = Array.from(
  { length: 8 },
  (_, i) => `<p>Part ${i + 1}: the orchard cooperative said the late frost cut the apple harvest by a third, and that prices at the farm shop will rise before the autumn fair.</p>`,
).join('');

const capture = (head: string, header: string) =>
  captureDocument(
    documentFrom(`<!doctype html><html><head>${head}</head><body><header><h1>Late frost cuts apple harvest</h1>${header}</header><article>${prose}</article></body></html>`),
    'https://orchard.example/news/late-frost-cuts-apple-harvest',
  );

describe('lines around the headline', () => {
  it('keeps the exact published instant from metadata when the printed dateline names the same day', () => {
    const meta = '<meta property="article:published_time" content="2026-10-13T07:40:00-04:00">';
    expect(capture(meta, '<p>Published Oct. 13, 2026, 7:40 a.m.</p>').publishedAt).toBe('2026-10-13T07:40:00-04:00');
    // A printed day that differs from the metadata is what the reader was told.
    expect(capture(meta, '<p>Published Oct. 14, 2026</p>').publishedAt?.slice(0, 10)).toBe('2026-10-14');
  });

  it('reads a name printed on the line after its label', () => {
    const a = capture('', '<div><p class="label">Written by</p><p class="x1">Tomas Alder</p></div>');
    expect(a.byline).toBe('Tomas Alder');
  });

  it('reads "by" split from the name by markup, and the date beside it', () => {
    const a = capture('', '<p><strong>By <a href="/team/ines">Dr. Ines Ward</a></strong> - Mar 27, 2024</p>');
    expect(a.byline).toBe('Dr. Ines Ward');
    expect(a.publishedAt?.slice(0, 10)).toBe('2024-03-27');
  });

  it('never takes a label or a date for a name', () => {
    const a = capture('', '<div class="author-box"><span class="author">Written by</span></div><span class="byline">Sat, 20 Dec, 2025 - 06:36</span>');
    expect(a.byline).toBeNull();
  });

  it('prefers the printed dateline to metadata, but not when it is labelled as an update', () => {
    const meta = '<meta property="article:published_time" content="2022-01-03T16:52:00Z">';
    expect(capture(meta, '<p>June 4, 2025</p>').publishedAt?.slice(0, 10)).toBe('2025-06-04');
    const updated = capture(meta, '<p>Updated<span>:</span> <span>June 4, 2025</span></p>');
    expect(updated.publishedAt?.slice(0, 10)).toBe('2022-01-03');
    expect(updated.modifiedAt?.slice(0, 10)).toBe('2025-06-04');
    const byClass = capture(meta, '<span class="meta-date updated">2025-11-03</span>');
    expect(byClass.publishedAt?.slice(0, 10)).toBe('2022-01-03');
  });

  it('takes a revision date when it is the only date shown', () => {
    const a = capture('', '<div><span>Last updated:</span> <time>Sep 4, 2025</time></div>');
    expect(a.publishedAt?.slice(0, 10)).toBe('2025-09-04');
    expect(a.modifiedAt?.slice(0, 10)).toBe('2025-09-04');
  });

  it('ranks a person named on the page above the outlet named as author in metadata', () => {
    const a = capture('<meta property="og:site_name" content="Orchard Weekly"><meta name="author" content="Orchard Weekly">', '<p>by Lena Pike</p>');
    expect(a.byline).toBe('Lena Pike');
  });

  it('does not take a logo in an <h1> for the headline', () => {
    const doc = documentFrom(
      `<html><head><title>Late frost cuts apple harvest | Orchard Weekly</title><meta property="og:site_name" content="Orchard Weekly"></head><body><h1>Orchard Weekly</h1><h1>Late frost cuts apple harvest</h1><article>${prose}</article></body></html>`,
    );
    expect(captureDocument(doc, 'https://orchard.example/news/late-frost').title).toBe('Late frost cuts apple harvest');
  });
});
