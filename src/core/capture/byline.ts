/**
 * Who wrote it: structured authors first, then the byline the page shows.
 * Organisations named as "author" in metadata (a common CMS default) rank
 * below a visible byline naming a person.
 */
import type { Around } from './around';
import { findDateInText } from './dates';
import { all, attr, clean, first, inOrBefore, matches, oneLine, textOf } from './dom';
import type { LinkedData } from './jsonld';
import { HAS_LETTER, NOT_WORDS, patternFor } from './letters';
import { metaValue, type MetaTags } from './meta';
import { overlap } from './title';

const BY_PREFIX = /^\s*(?:(?:written|posted|published|reviewed|edited|reported|story|words|text)\s+)?(?:by|von|par|por|door|di|av|af)\s*[:\-–]?\s+/i;
const LABEL_PREFIX = /^\s*(?:authors?|writer|posted by|written by|byline)\s*[:\-–]\s*/i;
const DATE_TAIL = /(?:\s*[|,·•–-]\s*|\s+)(?:(?:updated|published|posted|on|last updated)\b.*|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d{1,2},?\s+\d{4}.*|\d{1,2}\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d{4}.*|\d{4}-\d{2}-\d{2}.*|\d+\s+(?:min|minute)s?\s+read.*)$/i;

/** A label printed on its own line, with the name on the next ("Written by" / "Jane Doe"). */
const LABEL_LINE = /^(?:(?:written|posted|reported|authored|words|story)\s+by|by|authors?|writer|contributors?)\s*:?$/i;

/** A person's name as blogs print it bare: two to four capitalised words ("Jane Doe", "Mary-Ann van Dijk"). */
const BARE_NAME = /^\p{Lu}[\p{Ll}'’-]+(?:\s(?:(?:van|von|de|der|den|da|di|du|la|le)\s)*(?:\p{Lu}\.|\p{Lu}[\p{Ll}'’-]+)){1,3}$/u;

/** A byline reduced to names: no "By", no date or reading time after it. */
export function cleanByline(raw: string | null | undefined): string | null {
  let text = clean(raw);
  if (!text) return null;
  text = text.replace(LABEL_PREFIX, '').replace(BY_PREFIX, '').replace(DATE_TAIL, '').replace(/^[\s,|·•:–-]+|[\s,|·•:–-]+$/g, '');
  if (!text || text.length > 120 || /^(https?:|www\.)/i.test(text) || text.startsWith('@')) return null;
  if (!patternFor(HAS_LETTER, text).test(text) || /^(admin|administrator|author|staff|editor|unknown|null|undefined)$/i.test(text)) return null;
  // A label whose name sits in the next element ("Written by", "Researched by"), or a date where a name should be.
  if (/(?:^|\s)by$/i.test(text) || LABEL_LINE.test(text) || /^(?:more (?:about|from|by)\b|about the author|learn more|read more|view (?:all|profile))/i.test(text)) return null;
  const date = findDateInText(text);
  if (date && text.replace(patternFor(NOT_WORDS, text), '').trim().split(/\s+/).filter(Boolean).length <= 3) return null;
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
  'a[href*="/authors/"]',
  '.author',
];

/**
 * All of VISIBLE in one pass over the page; each selector then ranks only the
 * elements that pass. The selectors that end in a link are folded into one
 * `a:is(…)`, so the engine tests most elements' tag once rather than once per
 * link selector ("X a[F]" matches the same links as "a:is(X [F])").
 */
const ANY_VISIBLE = anyOf(VISIBLE);

function anyOf(selectors: string[]): string {
  const rest: string[] = [];
  const links: string[] = [];
  for (const selector of selectors) {
    const m = /^(.*?)(?:^|(?<=\s))a((?:\[[^\]]*\])*)$/.exec(selector);
    if (m) links.push(`${m[1]}${m[2] || '*'}`);
    else rest.push(selector);
  }
  return [...rest, ...(links.length ? [`a:is(${links.join(', ')})`] : [])].join(', ');
}

function visibleByline(doc: Document, container: Element | null): string | null {
  const candidates = all(doc, ANY_VISIBLE);
  if (!candidates.length) return null;
  for (const selector of VISIBLE) {
    const found = candidates.filter((el) => matches(el, selector));
    // Bylines inside the article beat those in teasers elsewhere on the page.
    const ordered = container ? [...found.filter((el) => container.contains(el)), ...found.filter((el) => !container.contains(el))] : found;
    for (const el of ordered.slice(0, 5)) {
      const name = cleanByline(attr(el, 'content') ?? textOf(el, 400));
      if (name && name.split(/\s+/).length <= 12) return name;
    }
  }
  return null;
}

/** Reads as a person's or a team's name: a few words, capitalised, no digits or sentence. */
export function nameLike(text: string | null): text is string {
  if (!text || text.length > 60 || /\d/.test(text)) return false;
  const words = text.split(/\s+/);
  return words.length <= 8 && /^\p{Lu}/u.test(text) && !/[.!?]$/.test(text.replace(/\b\p{Lu}\.$/u, ''));
}

/** The byline among the lines printed beside the headline (after it first, then before it). */
export function bylineBesideHeadline(around: Around): string | null {
  return bylineAround(around.after.map((l) => l.text)) ?? bylineAround(around.before.map((l) => l.text), true);
}

/**
 * The byline among the lines printed around the headline, nearest first.
 * `nearestFirst` lines run against reading order (those before the headline):
 * the name a label introduces is then the line before the label's.
 */
export function bylineAround(lines: string[], nearestFirst = false): string | null {
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (line.length > 100) continue;
    if (LABEL_LINE.test(line)) {
      const name = cleanByline(lines[nearestFirst ? i - 1 : i + 1]);
      if (nameLike(name)) return name;
    } else if (BY_PREFIX.test(line)) {
      const name = cleanByline(line);
      if (nameLike(name)) return name;
    } else {
      // Blogs print "Jane Doe in Engineering": the writer, then the section.
      const name = / in$/.test(line) ? line.slice(0, -3).trim() : !nearestFirst && lines[i + 1] === 'in' ? line : null;
      if (name && BARE_NAME.test(name)) return name;
    }
  }
  return null;
}

/** Where an author box keeps its pictures, links to profiles and labels: never the name itself. */
const AUTHOR_BOX = '[class*="author" i]:not([class*="image" i]):not([class*="img" i]):not([class*="avatar" i]):not([class*="photo" i]):not([class*="bio" i]):not([class*="description" i])';
const NOT_A_NAME = /^(?:about(?: the)? authors?|authors?|written by|posted by|by|share|follow|view (?:all )?(?:posts|articles)|more from|contributor|editor|staff writer|in|and|on)$/i;

/**
 * A name in an element whose class says "author" ("post-hero__author",
 * "blog_author-text"): the first short line inside it that reads as a name.
 * Boxes inside the article or before it come first; the rest of the page is
 * teasers naming other writers.
 */
function authorBox(doc: Document, container: Element | null): string | null {
  const boxes = all(doc, AUTHOR_BOX, 60);
  const near = (el: Element): boolean => !container || inOrBefore(el, container) || el.contains(container);
  for (const box of [...boxes.filter(near), ...boxes.filter((b) => !near(b))].slice(0, 12)) {
    for (const line of textLines(box, 8)) {
      if (NOT_A_NAME.test(line.replace(/[:\s]+$/, ''))) continue;
      const name = cleanByline(line);
      if (nameLike(name) && !NOT_A_NAME.test(name) && name.split(/\s+/).length <= 5) return name;
    }
  }
  return null;
}

/** The first `max` non-empty text nodes under `el`, collapsed. */
function textLines(el: Element, max: number): string[] {
  const out: string[] = [];
  const stack: Node[] = [el];
  while (stack.length && out.length < max) {
    const n = stack.pop()!;
    if (n.nodeType === 3) {
      const t = oneLine(n.nodeValue ?? '');
      if (t) out.push(t);
    } else if (n.nodeType === 1 && !/^(script|style|svg|noscript|template|time)$/.test((n as Element).localName)) {
      for (let c = n.lastChild; c; c = c.previousSibling) stack.push(c);
    }
  }
  return out;
}

/** Yoast and similar SEO plugins print the author in a Twitter card pair: label "Written by", data "Jane Doe". */
function seoCardAuthor(meta: MetaTags): string | null {
  for (const i of [1, 2, 3]) {
    const label = meta.get(`twitter:label${i}`);
    if (label && /^(?:written by|author|by)\b/i.test(label)) {
      const name = cleanByline(meta.get(`twitter:data${i}`));
      if (name && !isHandle(name)) return name;
    }
  }
  return null;
}

/** A short "By Jane Doe" line at the top of the article body. */
function bylineInText(container: Element | null): string | null {
  if (!container) return null;
  const lead = first(container, 'p, div, span');
  const candidates = lead ? [lead, ...all(container, 'p, span, div', 40)] : [];
  for (const el of candidates) {
    const text = textOf(el, 200);
    if (text.length > 3 && text.length < 80 && BY_PREFIX.test(text)) return cleanByline(text);
  }
  return null;
}

/**
 * Scholarly pages (Highwire/Google Scholar tags) give one citation_author tag per author, in order, each
 * written "Family, Given"; a single-value metadata read would keep the first author only.
 */
export function citationAuthors(doc: Document): string[] {
  const names: string[] = [];
  for (const el of all(doc, 'meta[name="citation_author" i][content]', 50)) {
    const raw = clean(attr(el, 'content'));
    if (!raw) continue;
    const parts = raw.split(',').map((p) => p.trim());
    const name = cleanByline(parts.length === 2 && parts[0] && parts[1] ? `${parts[1]} ${parts[0]}` : raw);
    if (name && !names.includes(name)) names.push(name);
  }
  return names;
}

export function pickByline(
  doc: Document,
  ld: LinkedData | null,
  meta: MetaTags,
  container: Element | null,
  around: Around,
  siteName: string | null,
  scanPage = true,
): { byline: string | null; authors: string[] } {
  // An "author" in metadata that is the outlet itself is a CMS default: a person named on the page ranks above it.
  const isOutlet = (n: string): boolean => Boolean(siteName) && (overlap(n, siteName!) >= 0.5 || overlap(n, ld?.publisher ?? '') >= 0.8);
  const metaAuthorRaw = [metaValue(meta, 'author', 'article:author', 'parsely-author', 'sailthru.author', 'dc.creator', 'dcterms.creator', 'byl', 'citation_author')]
    .map(cleanByline)
    .find((n): n is string => Boolean(n) && !isHandle(n!));
  const metaAuthor = metaAuthorRaw && !isOutlet(metaAuthorRaw) ? metaAuthorRaw : null;
  const ldPeople = ld?.authorsArePeople ? ld.authors.map(cleanByline).filter((n): n is string => Boolean(n) && !isHandle(n!) && !isOutlet(n!)) : [];
  const cited = citationAuthors(doc);
  const orderedChoices = [
    () => (ldPeople.length ? ldPeople : null),
    () => (cited.length ? cited : null),
    () => (metaAuthor ? [metaAuthor] : null),
    () => {
      const v = seoCardAuthor(meta);
      return v && !isOutlet(v) ? [v] : null;
    },
    () => {
      const v = bylineBesideHeadline(around);
      return v ? [v] : null;
    },
    () => {
      const v = scanPage ? visibleByline(doc, container) : null;
      return v ? [v] : null;
    },
    () => {
      const v = scanPage ? bylineInText(container) : null;
      return v ? [v] : null;
    },
    () => {
      const v = scanPage ? authorBox(doc, container) : null;
      return v && !isOutlet(v) ? [v] : null;
    },
    () => (metaAuthorRaw ? [metaAuthorRaw] : null),
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
