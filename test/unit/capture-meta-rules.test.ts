import { describe, expect, it } from 'vitest';
import { captureDocument } from '../../src/core/capture';
import { dropLeadIn, stripSiteName, untruncated } from '../../src/core/capture/title';
import { dayInSlug, sameInstantElsewhere } from '../../src/core/capture/published';
import { documentFrom, newsPage } from './dom';

const UNHURRIED = { timeBudgetMs: 10_000 };

const prose = Array.from(
  { length: 8 },
  (_, n) => `<p>Paragraph ${n} walks through how the allotment society shares its tools, which sheds open when and who keeps the keys.</p>`,
).join('');

function page(head: string, top: string): Document {
  return documentFrom(newsPage({ head, article: top + prose, section: ['/garden', 'Garden'], footer: 'Printed on recycled seed packets by the allotment newsletter.' }));
}

describe('headline wording', () => {
  it('drops a label or a date run into the front of the heading when the metadata gives the headline alone', () => {
    const dated = page(
      '<title>Sharing the shed keys fairly | Plot Notes</title><meta property="og:title" content="Sharing the shed keys fairly">',
      '<h1><span>Mar 3 2026</span> Sharing the shed keys fairly</h1>',
    );
    expect(captureDocument(dated, 'https://plots.example/keys', UNHURRIED).title).toBe('Sharing the shed keys fairly');
    expect(dropLeadIn('Blog: Sharing the shed keys fairly', ['Sharing the shed keys fairly | Plot Notes', 'Sharing the shed keys fairly'])).toBe('Sharing the shed keys fairly');
    expect(dropLeadIn('Analysis: Sharing the shed keys fairly', ['Analysis: Sharing the shed keys fairly'])).toBe('Analysis: Sharing the shed keys fairly');
    expect(dropLeadIn('Why sharing the shed keys fairly', ['sharing the shed keys fairly'])).toBe('Why sharing the shed keys fairly');
  });

  it('drops a site name run into the title with no separator', () => {
    expect(stripSiteName('plotnotes.example Sharing the shed keys', 'plotnotes.example')).toBe('Sharing the shed keys');
    expect(stripSiteName('Sharing the shed keys Plot Notes', 'Plot Notes')).toBe('Sharing the shed keys');
    expect(stripSiteName('Plot Notes Weekly', 'Plot Notes')).toBe('Plot Notes Weekly');
  });

  it('takes the full title over a JSON-LD headline cut short', () => {
    const cut = 'Fix It Friday: Three readers ask how to arrange a narrow plot between two sheds (Including';
    const full = 'Fix It Friday: Three readers ask how to arrange a narrow plot between two sheds (Including one trick that works)';
    expect(untruncated([cut, full, full])).toBe(full);
    expect(untruncated(['Shed rota for spring', 'Plot Notes'])).toBe('Shed rota for spring');
    expect(untruncated(['Shed rota', 'Shed rota Plot Notes'])).toBe('Shed rota');
    const doc = documentFrom(`<html><head><title>${full} - Plot Notes</title>
      <script type="application/ld+json">{"@type":"BlogPosting","headline":"${cut}"}</script></head><body>${prose}</body></html>`);
    expect(captureDocument(doc, 'https://plots.example/fix', UNHURRIED).title).toBe(full);
  });

  it('takes an <h2> worded as the metadata title under a kicker <h1>, or beside an <h1> that cuts or pads it', () => {
    const head = '<title>Who keeps the shed keys over winter | Plot Notes</title><meta property="og:site_name" content="Plot Notes">';
    const kicker = page(head, '<h1>Allotment life this season</h1><h2>Who keeps the shed keys over winter</h2>');
    expect(captureDocument(kicker, 'https://plots.example/keys', UNHURRIED).title).toBe('Who keeps the shed keys over winter');
    const cut = page(head, '<h1>Who keeps the shed keys</h1><h2>Who keeps the shed keys over winter</h2>');
    expect(captureDocument(cut, 'https://plots.example/keys', UNHURRIED).title).toBe('Who keeps the shed keys over winter');
    // A section <h2> that happens to repeat a few of the headline's words does not displace an <h1> that agrees.
    const section = page(head, '<h1>Who keeps the shed keys over winter, and why it matters</h1><h2>Why it matters</h2>');
    expect(captureDocument(section, 'https://plots.example/keys', UNHURRIED).title).toBe('Who keeps the shed keys over winter, and why it matters');
  });

  it('drops a blog name set before a colon when another metadata title gives the headline alone', () => {
    const head = '<title>Plot Notes Diary: Who keeps the shed keys over winter</title><meta property="og:title" content="Who keeps the shed keys over winter">';
    const doc = page(head, '<h1>Plot Notes Diary</h1><h1>Keys and rotas</h1>');
    expect(captureDocument(doc, 'https://plots.example/keys', UNHURRIED).title).toBe('Who keeps the shed keys over winter');
  });

  it('does not take a paragraph set as the page heading for the headline', () => {
    const head = '<meta property="og:title" content="Five shed locks that last the winter">';
    const blurb = 'Wondering which shed locks last the winter? Our volunteers tried five of them on the allotment sheds through frost and rain, and here is what they found about each lock, its keys, and the price you pay for it.';
    const doc = page(head, `<h1>${blurb}</h1>`);
    expect(captureDocument(doc, 'https://plots.example/locks', UNHURRIED).title).toBe('Five shed locks that last the winter');
    // Measured against the metadata title as written: one that names the outlet is not cut to its section label first.
    const named = page(
      '<meta property="og:site_name" content="Plot Notes"><meta property="og:title" content="The Plot Notes view on shed keys: share them fairly | Editorial">',
      '<h1>The Plot Notes view on shed keys: share them fairly</h1>',
    );
    expect(captureDocument(named, 'https://plots.example/view', UNHURRIED).title).toBe('The Plot Notes view on shed keys: share them fairly');
    // Metadata that names only the brand says nothing of how long the headline may be.
    const brand = page('<title>Plot Notes</title><meta property="og:title" content="Plot Notes">', '<h1>Which shed lock suits which size of allotment plot?</h1>');
    expect(captureDocument(brand, 'https://plots.example/locks', UNHURRIED).title).toBe('Which shed lock suits which size of allotment plot?');
    // A <title> alone may be the site's slogan, set by an app shell: a long heading beside it stands.
    const post = 'Committee to members: if you leave the shed unlocked again, we will change the keys. "Three tools went missing in March," the chair says.';
    const shell = page('<title>Plot Notes - Grow together</title>', `<h1>${post}</h1>`);
    expect(captureDocument(shell, 'https://plots.example/post', UNHURRIED).title).toBe(post);
  });
});

const dated = (head: string, line: string): string | null =>
  captureDocument(page(head, `<h1>Sharing the shed keys fairly</h1><p class="meta">${line}</p>`), 'https://plots.example/keys', UNHURRIED).publishedAt;

describe('dates the page prints', () => {
  it('takes the metadata instant when the printed day is that instant in another time zone', () => {
    const late = '<meta property="article:published_time" content="2025-12-02T23:00:55+00:00">';
    expect(dated(late, 'December 3, 2025')?.slice(0, 10)).toBe('2025-12-02');
    const early = '<meta property="article:published_time" content="2021-12-10T02:17:00+00:00">';
    expect(dated(early, 'December 9, 2021')?.slice(0, 10)).toBe('2021-12-10');
  });

  it('keeps the printed day when no time zone could move the instant there', () => {
    expect(sameInstantElsewhere('2025-12-03T00:00:00Z', '2025-12-02T06:00:00Z')).toBe(false);
    expect(sameInstantElsewhere('2025-12-01T00:00:00Z', '2025-12-02T15:00:00Z')).toBe(false);
    expect(sameInstantElsewhere('2025-12-03T00:00:00Z', '2025-12-02T00:00:00Z')).toBe(false);
    expect(sameInstantElsewhere('2026-10-14T00:00:00Z', '2026-10-13T07:40:00-04:00')).toBe(false);
    expect(sameInstantElsewhere('2025-12-03T00:00:00Z', '2025-12-02T23:10:00Z')).toBe(true);
  });

  it('falls back on a day that opens the slug', () => {
    expect(dayInSlug('https://blog.example/articles/2025-12-15+Release+notes')).toBe('2025-12-15T00:00:00Z');
    expect(dayInSlug('https://blog.example/articles/release-2025')).toBeNull();
    const doc = documentFrom(`<html><head><title>Release notes</title></head><body><h1>Release notes</h1>${prose}</body></html>`);
    expect(captureDocument(doc, 'https://blog.example/articles/2025-12-15+Release+notes', UNHURRIED).publishedAt?.slice(0, 10)).toBe('2025-12-15');
  });

  it('takes a revision date printed by the headline over structured data, unless Open Graph names another publication day', () => {
    const ld = (published: string, modified: string): string =>
      `<script type="application/ld+json">{"@type":"Article","headline":"Sharing the shed keys fairly","datePublished":"${published}","dateModified":"${modified}"}</script>`;
    const top = '<h1>Sharing the shed keys fairly</h1><p>Updated March 4, 2026</p>';
    const kept = page(ld('2021-05-10T09:00:00Z', '2026-03-04T08:15:00Z'), top);
    expect(captureDocument(kept, 'https://plots.example/keys', UNHURRIED).publishedAt).toBe('2026-03-04T08:15:00Z');
    const shared = page(`${ld('2021-05-10T09:00:00Z', '2026-03-04T08:15:00Z')}<meta property="article:published_time" content="2021-05-10T09:00:00Z">`, top);
    expect(captureDocument(shared, 'https://plots.example/keys', UNHURRIED).publishedAt?.slice(0, 10)).toBe('2021-05-10');
    const unconfirmed = page(ld('2021-05-10T09:00:00Z', '2025-01-20T08:15:00Z'), top);
    expect(captureDocument(unconfirmed, 'https://plots.example/keys', UNHURRIED).publishedAt?.slice(0, 10)).toBe('2026-03-04');
    const sameDay = page(`${ld('2021-05-10T09:00:00Z', '2026-03-04T08:15:00Z')}<meta property="article:published_time" content="2026-03-04T07:00:00Z">`, top);
    expect(captureDocument(sameDay, 'https://plots.example/keys', UNHURRIED).publishedAt).toBe('2026-03-04T08:15:00Z');
  });

  it('reads past a revision date to the publication date printed beside it', () => {
    const top = '<div class="meta"><span>December 22, 2022</span> <span class="updated">Updated: January 2, 2026</span></div><h1>Sharing the shed keys fairly</h1>';
    expect(captureDocument(page('', top), 'https://plots.example/keys', UNHURRIED).publishedAt?.slice(0, 10)).toBe('2022-12-22');
    const after = '<h1>Sharing the shed keys fairly</h1><p>Updated January 2, 2026</p><p>Published December 22, 2022</p>';
    expect(captureDocument(page('', after), 'https://plots.example/keys', UNHURRIED).publishedAt?.slice(0, 10)).toBe('2022-12-22');
  });
});
