/** When it was published and last changed, from metadata, <time> elements and dateline text. */
import { findDateInText, toIsoDate } from './dates';
import { all, attr, first, inOrBefore, textOf } from './dom';
import { linesWithin, type Around, type Line } from './around';
import type { LinkedData } from './jsonld';
import { metaValue, type MetaTags } from './meta';

export interface Dates {
  publishedAt: string | null;
  modifiedAt: string | null;
  /** Whether a date is printed beside the headline (a signal of the article detector). */
  dateline: boolean;
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
  const ordered = container ? times.filter((t) => inOrBefore(t, container)) : times;
  for (const t of ordered.slice(0, 10)) {
    const date = toIsoDate(attr(t, 'datetime')) ?? findDateInText(textOf(t));
    if (date) return date;
  }
  for (const el of all(doc, DATE_ELEMENTS, 200)) {
    const text = textOf(el, 400);
    if (text.length < 6 || text.length > 160) continue;
    const date = findDateInText(text);
    if (date) return date;
  }
  return null;
}

/** Links and boxes that name the author; the date is often printed just after them. */
const AUTHOR_MARKS = 'a[href*="/author/"], a[rel~="author"], [class*="author" i]';

/** A short line just after the author's name, or beside it inside the author's box, that is a date ("April 8, 2024", "23.07.2025"). */
function dateBesideAuthor(doc: Document, container: Element | null): string | null {
  const marks = all(doc, AUTHOR_MARKS, 40);
  const near = (el: Element): boolean => !container || inOrBefore(el, container);
  for (const mark of marks.filter(near).slice(0, 6)) {
    for (const line of linesWithin(mark, 6, 40)) {
      if (line.text.length > 40) continue;
      const date = toIsoDate(line.text) ?? findDateInText(line.text);
      if (date) return date;
    }
  }
  return null;
}

/** Words that mark a date as a revision rather than the first publication. */
const REVISED = /updat|modif|revis|refresh|reviewed|edited|aktualisiert|mis à jour|actualizad/i;

/**
 * The first dateline among the lines printed around the headline: after it,
 * then before it. `revised` when it is labelled as a revision ("Updated",
 * "Last modified") in its text, in the two lines before it, or in the class
 * of the element holding it.
 */
export function datelineAround(around: Around): { date: string; revised: boolean; numeric?: boolean } | null {
  for (const lines of [around.after.slice(0, 20), around.before]) {
    const dated = (i: number): string | null => (lines[i]!.text.length > 100 ? null : findDateInText(lines[i]!.text));
    // Reading order: the lines before it are earlier in `after` and later in `before` (nearest first).
    const revisedAt = (i: number): boolean => {
      const labels = lines === around.before ? lines.slice(i + 1, i + 3) : lines.slice(Math.max(0, i - 2), i);
      // A label that carries its own date ("Updated May 3, 2025") labels that date, not the next one.
      const label = (l: Line): boolean => l.text.length < 40 && REVISED.test(l.text) && !findDateInText(l.text);
      return REVISED.test(lines[i]!.text) || REVISED.test(lines[i]!.hint) || labels.some(label);
    };
    for (let i = 0; i < lines.length; i++) {
      const date = dated(i);
      if (!date) continue;
      if (!revisedAt(i)) return { date, revised: false, numeric: ALL_NUMBERS.test(lines[i]!.text) };
      // "Published …" often sits just past "Updated …" (walking up from the headline): the next date within a few lines.
      for (let j = i + 1; j < Math.min(lines.length, i + 1 + BESIDE); j++) {
        const next = dated(j);
        if (next) return revisedAt(j) ? { date, revised: true } : { date: next, revised: false };
      }
      return { date, revised: true };
    }
  }
  return null;
}

const sameDay = (a: string, b: string): boolean => a.slice(0, 10) === b.slice(0, 10);

/** "09.10.2024" read day first when the page meant month first (or the reverse): the same day as `exact` once swapped. */
export function sameDayReadOtherWay(printed: string, exact: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(printed);
  return Boolean(m) && Number(m![2]) <= 12 && Number(m![3]) <= 12 && `${m![1]}-${m![3]}-${m![2]}` === exact.slice(0, 10);
}

/** A day written in numbers only, either way round ("09.10.2024", "10/9/2024"). */
const ALL_NUMBERS = /\b\d{1,2}[./-]\d{1,2}[./-]\d{4}\b/;

/** Lines past a revision date where the publication date may still be printed. */
const BESIDE = 3;

/**
 * A printed day with no clock one day off the metadata's timed instant is that
 * instant's day where the outlet sits (filed 23:00 UTC, printed the next day in
 * Berlin): the same fact, and the metadata states it exactly. Only when the
 * instant is close enough to midnight for some time zone to move it that way.
 */
export function sameInstantElsewhere(printed: string, declared: string): boolean {
  // Midnight UTC on both sides is a bare day, not an instant.
  if (!printed.endsWith('T00:00:00Z') || declared.endsWith('T00:00:00Z')) return false;
  const at = Date.parse(declared);
  if (Number.isNaN(at)) return false;
  const instant = new Date(at);
  const utcDay = Date.UTC(instant.getUTCFullYear(), instant.getUTCMonth(), instant.getUTCDate());
  const hours = instant.getUTCHours() + instant.getUTCMinutes() / 60;
  const shift = (Date.parse(printed) - utcDay) / 86_400_000;
  if (shift === 1) return hours + OUTLET_ZONE >= 24;
  if (shift === -1) return hours - OUTLET_ZONE < 0;
  return false;
}

/** Hours from UTC that outlets' home zones span (Hawaii to eastern Australia); farther zones are too rare to trust. */
const OUTLET_ZONE = 10;

/** Metadata names that say "published" and "date" in some order ("w-published-date", "published"). */
const PUBLISHED_NAME = /publish|^date$|[-_.:]date$/;

function anyPublishedMeta(meta: MetaTags): string | null {
  for (const [name, value] of meta) {
    if (!PUBLISHED_NAME.test(name) || /modif|updat/.test(name)) continue;
    const date = toIsoDate(value);
    if (date) return date;
  }
  return null;
}

/** The path of a page address; null when the address does not parse. */
function pathOf(url: string): string | null {
  try {
    return new URL(url).pathname;
  } catch {
    return null;
  }
}

const PATH_MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];

/**
 * The day a CMS filed the story under ("/2025/11/24/slug", "/2023/october/03/"):
 * set once at publication and never moved by later edits.
 */
export function dateInPath(url: string): string | null {
  const path = pathOf(url)?.toLowerCase();
  if (!path) return null;
  const m = /\/((?:19|20)\d{2})\/(\d{1,2}|[a-z]{3,9})\/(\d{1,2})\//.exec(path);
  if (!m) return null;
  const month = /^\d+$/.test(m[2]!) ? Number(m[2]) : PATH_MONTHS.findIndex((name) => name.startsWith(m[2]!)) + 1;
  if (!month) return null;
  return toIsoDate(`${m[1]}-${String(month).padStart(2, '0')}-${m[3]!.padStart(2, '0')}`);
}

/**
 * A slug that opens with its day ("/articles/2025-12-15+Release-notes"): a
 * blog engine's filing date, kept as a last resort because a slug's day may
 * also be an event's.
 */
export function dayInSlug(url: string): string | null {
  const path = pathOf(url);
  if (!path) return null;
  const m = /\/((?:19|20)\d{2})-(\d{2})-(\d{2})(?!\d)/.exec(path);
  return m ? toIsoDate(`${m[1]}-${m[2]}-${m[3]}`) : null;
}

const OPEN_GRAPH_PUBLISHED = ['article:published_time', 'og:article:published_time'];

/**
 * A revision date printed by the headline ("Updated May 3, 2025") is the date
 * the page presents as its own: guides and explainers kept current show only
 * that one, whatever their structured data says of the first draft. Not when
 * the Open Graph publication time, which outlets set for the story's first
 * appearance in feeds and social cards, names another day. The metadata's
 * exact instant when its modified date is the same day.
 */
export function presentedRevision(printed: string, modified: string | null, meta: MetaTags): string | null {
  const firstShared = toIsoDate(metaValue(meta, ...OPEN_GRAPH_PUBLISHED));
  if (firstShared && !sameDay(firstShared, printed)) return null;
  return modified && sameDay(modified, printed) ? modified : printed;
}

export function pickDates(
  doc: Document,
  ld: LinkedData | null,
  meta: MetaTags,
  container: Element | null,
  around: Around,
  scanPage = true,
  pageUrl = '',
): Dates {
  const itemprop = (prop: string): string | null => {
    const el = first(doc, `[itemprop="${prop}"]`);
    return el ? (attr(el, 'datetime') ?? attr(el, 'content') ?? textOf(el, 200)) : null;
  };
  // The dateline printed by the headline is what the reader is told, so it leads; a printed revision leads
  // too unless Open Graph dates the first publication (presentedRevision); metadata follows; a scan of the
  // whole page for any date is the last resort.
  const shown = datelineAround(around);
  const declared =
    toIsoDate(ld?.datePublished) ?? toIsoDate(metaValue(meta, ...PUBLISHED_META)) ?? toIsoDate(itemprop('datePublished')) ?? anyPublishedMeta(meta);
  const declaredModified = toIsoDate(ld?.dateModified) ?? toIsoDate(metaValue(meta, ...MODIFIED_META)) ?? toIsoDate(itemprop('dateModified'));
  // A printed dateline rarely gives a time zone and often no time; when it names the same day as the
  // metadata, the metadata's exact instant is the better record of the same fact.
  // So is a day one time zone away from the metadata's instant, and an all-number day the page wrote the other way round.
  const sameFact = (printed: string, exact: string): boolean =>
    sameDay(printed, exact) || sameInstantElsewhere(printed, exact) || (Boolean(shown?.numeric) && sameDayReadOtherWay(printed, exact));
  const shownFirst = shown && !shown.revised ? (declared && sameFact(shown.date, declared) ? declared : shown.date) : null;
  const revision = shown?.revised ? presentedRevision(shown.date, declaredModified, meta) : null;
  let publishedAt =
    shownFirst ??
    revision ??
    declared ??
    shown?.date ??
    (scanPage ? (shownDate(doc, container) ?? dateBesideAuthor(doc, container)) : null) ??
    dayInSlug(pageUrl) ??
    // A page that dates only its last edit is best dated by that edit.
    declaredModified;
  // A day in the address outranks any other day: the others are often the last edit's.
  const filed = dateInPath(pageUrl);
  if (filed && !(publishedAt && sameDay(publishedAt, filed))) publishedAt = filed;
  const modifiedAt = declaredModified ?? (shown?.revised ? shown.date : null);
  return { publishedAt, modifiedAt, dateline: shown !== null };
}
