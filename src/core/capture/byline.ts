/**
 * Who wrote it: structured authors first, then the byline the page shows.
 * Organisations named as "author" in metadata (a common CMS default) rank
 * below a visible byline naming a person.
 */
import { all, attr, clean, first, textOf } from './dom';
import type { LinkedData } from './jsonld';
import { metaValue, type MetaTags } from './meta';

const BY_PREFIX = /^\s*(?:(?:written|posted|published|reviewed|edited|reported|story|words|text)\s+)?(?:by|von|par|por|door|di|av|af)\s*[:\-–]?\s+/i;
const LABEL_PREFIX = /^\s*(?:authors?|writer|posted by|written by|byline)\s*[:\-–]\s*/i;
const DATE_TAIL = /(?:\s*[|,·•–-]\s*|\s+)(?:(?:updated|published|posted|on|last updated)\b.*|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d{1,2},?\s+\d{4}.*|\d{1,2}\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d{4}.*|\d{4}-\d{2}-\d{2}.*|\d+\s+(?:min|minute)s?\s+read.*)$/i;

/** A byline reduced to names: no "By", no date or reading time after it. */
export function cleanByline(raw: string | null | undefined): string | null {
  let text = clean(raw);
  if (!text) return null;
  text = text.replace(LABEL_PREFIX, '').replace(BY_PREFIX, '').replace(DATE_TAIL, '').replace(/^[\s,|·•:–-]+|[\s,|·•:–-]+$/g, '');
  if (!text || text.length > 120 || /^(https?:|www\.)/i.test(text) || text.startsWith('@')) return null;
  if (!/\p{L}/u.test(text) || /^(admin|administrator|author|staff|editor|unknown|null|undefined)$/i.test(text)) return null;
  return text;
}

/** A handle or address rather than a name ("jsmith", "j.smith", "jsmith@x"). */
const isHandle = (s: string): boolean => !/\s/.test(s) && (/[._@\d]/.test(s) || s === s.toLowerCase());

const VISIBLE = [
  '[itemprop="author"] [itemprop="name"]',
  '[itemprop="author"]',
  'a[rel~="author"]',
  '[rel="author"]',
  '.byline a[href*="author"]',
  '.byline',
  '[class*="byline"]',
  '.author-name',
  '[class*="author-name"]',
  '[class*="authorName"]',
  '.author a',
  '[class*="author"] a[href*="author"]',
  'a[href*="/author/"]',
  '.author',
];

function visibleByline(doc: Document, container: Element | null): string | null {
  for (const selector of VISIBLE) {
    const found = all(doc, selector);
    // Bylines inside the article beat those in teasers elsewhere on the page.
    const ordered = container ? [...found.filter((el) => container.contains(el)), ...found.filter((el) => !container.contains(el))] : found;
    for (const el of ordered.slice(0, 5)) {
      const name = cleanByline(attr(el, 'content') ?? textOf(el));
      if (name && name.split(/\s+/).length <= 12) return name;
    }
  }
  return null;
}

/** A short "By Jane Doe" line at the top of the article body. */
function bylineInText(container: Element | null): string | null {
  if (!container) return null;
  const lead = first(container, 'p, div, span');
  const candidates = lead ? [lead, ...all(container, 'p, span, div').slice(0, 40)] : [];
  for (const el of candidates) {
    const text = textOf(el);
    if (text.length > 3 && text.length < 80 && BY_PREFIX.test(text)) return cleanByline(text);
  }
  return null;
}

export function pickByline(doc: Document, ld: LinkedData | null, meta: MetaTags, container: Element | null): { byline: string | null; authors: string[] } {
  const metaAuthor = [metaValue(meta, 'author', 'article:author', 'parsely-author', 'sailthru.author', 'dc.creator', 'dcterms.creator', 'byl', 'citation_author')]
    .map(cleanByline)
    .find((n): n is string => Boolean(n) && !isHandle(n!));
  const ldPeople = ld?.authorsArePeople ? ld.authors.map(cleanByline).filter((n): n is string => Boolean(n) && !isHandle(n!)) : [];
  const orderedChoices = [
    () => (ldPeople.length ? ldPeople : null),
    () => (metaAuthor ? [metaAuthor] : null),
    () => {
      const v = visibleByline(doc, container);
      return v ? [v] : null;
    },
    () => {
      const v = bylineInText(container);
      return v ? [v] : null;
    },
    () => {
      const orgs = (ld?.authors ?? []).map(cleanByline).filter((n): n is string => Boolean(n));
      return orgs.length ? orgs : null;
    },
  ];
  for (const choose of orderedChoices) {
    const authors = choose();
    if (authors?.length) {
      const unique = [...new Set(authors)].slice(0, 10);
      return { byline: unique.join(', ').slice(0, 500), authors: unique };
    }
  }
  return { byline: null, authors: [] };
}
