/** When it was published and last changed, from metadata, <time> elements and dateline text. */
import { findDateInText, toIsoDate } from './dates';
import { all, attr, textOf } from './dom';
import type { LinkedData } from './jsonld';
import { metaValue, type MetaTags } from './meta';

export interface Dates {
  publishedAt: string | null;
  modifiedAt: string | null;
}

const PUBLISHED_META = [
  'article:published_time', 'og:article:published_time', 'datepublished', 'article.published', 'pubdate', 'publishdate',
  'publish-date', 'publish_date', 'published_time', 'sailthru.date', 'parsely-pub-date', 'dc.date.issued', 'dcterms.issued',
  'dc.date', 'dcterms.date', 'dcterms.created', 'citation_publication_date', 'date',
];
const MODIFIED_META = ['article:modified_time', 'og:updated_time', 'datemodified', 'dc.date.modified', 'dcterms.modified', 'last-modified'];

const DATE_ELEMENTS = '[class*="date" i], [class*="time" i], [class*="posted" i], [class*="published" i], [class*="meta" i], [class*="byline" i], [id*="date" i]';

function shownDate(doc: Document, container: Element | null): string | null {
  const times = all(doc, 'time');
  const ordered = container ? [...times.filter((t) => container.contains(t) || (t.compareDocumentPosition(container) & 4) !== 0)] : times;
  for (const t of ordered.slice(0, 10)) {
    const date = toIsoDate(attr(t, 'datetime')) ?? findDateInText(textOf(t));
    if (date) return date;
  }
  for (const el of all(doc, DATE_ELEMENTS).slice(0, 200)) {
    const text = textOf(el);
    if (text.length < 6 || text.length > 160) continue;
    const date = findDateInText(text);
    if (date) return date;
  }
  return null;
}

export function pickDates(doc: Document, ld: LinkedData | null, meta: MetaTags, container: Element | null): Dates {
  const itemprop = (prop: string): string | null => {
    const el = all(doc, `[itemprop="${prop}"]`)[0];
    return el ? (attr(el, 'datetime') ?? attr(el, 'content') ?? textOf(el)) : null;
  };
  // The visible dateline is the last resort: scanning for it costs more than everything above.
  const publishedAt =
    toIsoDate(ld?.datePublished) ?? toIsoDate(metaValue(meta, ...PUBLISHED_META)) ?? toIsoDate(itemprop('datePublished')) ?? shownDate(doc, container);
  const modifiedAt = toIsoDate(ld?.dateModified) ?? toIsoDate(metaValue(meta, ...MODIFIED_META)) ?? toIsoDate(itemprop('dateModified'));
  return { publishedAt, modifiedAt };
}
