/**
 * The headline as the reader sees it. Metadata titles are often rewritten for
 * search and social ("Best X of 2026 | Outlet"), so the visible <h1> wins when
 * there is a plausible one, and metadata is the fallback.
 */
import { escapeRegExp } from '../text';
import { findDateInText } from './dates';
import { all, clean, inOrBefore, isHidden, textOf } from './dom';
import { letterPattern, patternFor } from './letters';
import { repairMojibake } from './mojibake';

const TOKEN = letterPattern(/[\p{L}\p{N}]+/gu);
const tokens = (s: string): string[] => {
  const lower = s.toLowerCase();
  return lower.match(patternFor(TOKEN, lower)) ?? [];
};

/** Share of the shorter text's words found in the longer one; a word said twice counts once, so the share never passes 1. */
export function overlap(a: string, b: string): number {
  const ta = [...new Set(tokens(a))];
  const tb = new Set(tokens(b));
  if (!ta.length || !tb.size) return 0;
  let hit = 0;
  for (const t of ta) if (tb.has(t)) hit++;
  return hit / Math.min(ta.length, tb.size);
}

/** "Headline | Outlet" → "Headline": drops the segment that names the site. */
export function stripSiteName(title: string, siteName: string | null): string {
  const parts = title.split(/\s+[|–—·•»:-]\s+|\s+::\s+/);
  if (parts.length < 2) return withoutBareSiteName(title, siteName);
  const site = siteName?.toLowerCase() ?? '';
  const kept = parts.filter((p) => !(site && (overlap(p, site) >= 0.8 || site.includes(p.toLowerCase()))));
  if (kept.length && kept.length < parts.length) return kept.join(' - ');
  // No segment names the site: a short trailing segment after a long one reads as a brand ("Headline | Acme Co").
  const last = parts[parts.length - 1]!;
  const rest = parts.slice(0, -1).join(' - ');
  return last.split(/\s+/).length <= 3 && rest.split(/\s+/).length >= 4 ? rest : title;
}

/** "acme.com Headline" or "Headline Acme Times": the site's name run into the title with no separator. */
function withoutBareSiteName(title: string, siteName: string | null): string {
  const site = siteName?.trim().toLowerCase();
  if (!site) return title;
  const lower = title.toLowerCase();
  let rest = title;
  if (lower.startsWith(site + ' ')) rest = title.slice(site.length + 1);
  else if (lower.endsWith(' ' + site)) rest = title.slice(0, -site.length - 1);
  return rest.trim().split(/\s+/).length >= 2 ? rest.trim() : title;
}

/** A heading sharing less than this with every metadata title is a section label or a logo, not the headline. */
const MIN_OVERLAP = 0.6;

/** `meta`: the structured-data headline, the social title and the <title>, in that order; null where the page sets none. */
export function pickTitle(doc: Document, meta: (string | null)[], siteName: string | null, container: Element | null): string | null {
  const title = chooseTitle(doc, meta, siteName, container);
  return title && repairMojibake(title);
}

function chooseTitle(doc: Document, meta: (string | null)[], siteName: string | null, container: Element | null): string | null {
  // Compared without the outlet's name, so a logo in an <h1> ("Acme Times") does not match "Headline | Acme Times".
  const known = withoutBlogNames(meta.filter((t): t is string => Boolean(t)).map((t) => stripSiteName(t, siteName)));
  const maxWords = longestHeadline(meta);
  const headings = all(doc, 'h1')
    .filter((h) => !isHidden(h))
    .map((h) => ({ el: h, text: textOf(h) }))
    .filter((h) => h.text.length >= 3 && h.text.length <= 300 && (!siteName || h.text.toLowerCase() !== siteName.toLowerCase()))
    .filter((h) => !maxWords || tokens(h.text).length <= maxWords);
  let best: { text: string; score: number } | null = null;
  for (const h of headings) {
    // With no metadata title to compare against, any visible headline is plausible.
    let score = known.length ? Math.max(...known.map((k) => agreement(h.text, k))) : MIN_OVERLAP;
    // Between equally good headings, the one inside or just before the body is the article's own.
    if (container && inOrBefore(h.el, container)) score += 0.01;
    if (!best || score > best.score) best = { text: h.text, score };
  }
  if (best && best.score >= MIN_OVERLAP) {
    const heading = withLostCharacters(trimHeadingTail(dropLeadIn(best.text, known), meta), known);
    return (!matchesExactly(heading, known) && subheadingAsMetadata(doc, known, heading)) || heading;
  }
  const only = headings.length === 1 ? headings[0]! : null;
  // An <h1> that shares little with the metadata title, above an <h2> worded as that title exactly, is a kicker or a hero slogan.
  const subheading = only ? subheadingAsMetadata(doc, known, null) : null;
  if (subheading) return subheading;
  // A page's only headline, worded like one, is what the reader sees even when metadata words it for search.
  if (only && only.text.split(/\s+/).length >= 3 && !(siteName && namesSite(only.text, siteName)) && (!container || inOrBefore(only.el, container))) {
    return only.text;
  }
  const fallback = untruncated(known);
  return fallback ? clean(fallback) : null;
}

/**
 * A heading with this many times the words of the longest metadata title is a
 * paragraph set as a heading, not a headline: headlines that reword their
 * metadata title stay within twice its length.
 */
const MAX_HEADING_RATIO = 2.5;

/**
 * Most words a headline runs to, judged from the metadata titles as written
 * (a site name stripped wrongly must not make a headline look long); no limit
 * when only the <title> is set, which app shells fill with the site's slogan.
 */
function longestHeadline(meta: (string | null)[]): number {
  const [ld, social] = meta;
  if (!ld && !social) return 0;
  const words = Math.max(0, ...meta.map((t) => (t ? tokens(t).length : 0)));
  return Math.max(MIN_PARAGRAPH_WORDS, MAX_HEADING_RATIO * words);
}

/** Fewer words than this are never a paragraph set as a heading, however short the metadata titles ("Acme", "Pricing"). */
const MIN_PARAGRAPH_WORDS = 25;

/** Most <h2>s looked at for one worded as the metadata title: the headline sits near the top. */
const MAX_SUBHEADINGS = 40;

function matchesExactly(heading: string, known: string[]): boolean {
  const words = normal(heading);
  return known.some((k) => normal(k) === words);
}

/**
 * An <h2> worded exactly as a metadata title, where the <h1> either agrees
 * with no metadata title (`heading` null) or is that same headline with words
 * added or cut ("Best Tents" over "Best Tents of 2026"): the page shows the
 * headline the metadata names, under a kicker or beside a shortened banner.
 */
function subheadingAsMetadata(doc: Document, known: string[], heading: string | null): string | null {
  if (!known.length) return null;
  const titles = new Set(known.map(normal).filter(Boolean));
  const words = heading === null ? null : ` ${normal(heading)} `;
  for (const h of all(doc, 'h2', MAX_SUBHEADINGS)) {
    const text = textOf(h);
    const own = normal(text);
    if (!titles.has(own) || isHidden(h)) continue;
    if (words === null || words.includes(` ${own} `) || ` ${own} `.includes(words)) return clean(text);
  }
  return null;
}

/**
 * "Acme Blog: Headline" beside a metadata title "Headline": the blog's name
 * set before a colon, which the separators stripSiteName knows do not catch.
 */
export function withoutBlogNames(known: string[]): string[] {
  const titles = new Set(known.map(normal));
  return known.map((k) => {
    const colon = k.indexOf(': ');
    if (colon <= 0 || colon > MAX_BLOG_NAME) return k;
    const rest = k.slice(colon + 2);
    return titles.has(normal(rest)) ? rest : k;
  });
}

/** Longest blog name set before a colon. */
const MAX_BLOG_NAME = 40;

/** Characters a page served in a charset without them prints as "?" or U+FFFD. */
const LOST = /[?\uFFFD]/;

/**
 * "Beginner? Guide" where a metadata title says "Beginner's Guide": the page
 * lost a character to its charset while the metadata, written as entities,
 * kept it. The metadata title that matches the heading at every other
 * character is the heading's intact wording.
 */
export function withLostCharacters(heading: string, known: string[]): string {
  if (!LOST.test(heading)) return heading;
  const escaped = heading.split(LOST).map(escapeRegExp);
  const intact = new RegExp(`^${escaped.join('.{1,3}')}$`, 'iu');
  // A title that differs only in case kept the same characters: the heading's own wording stands.
  return known.find((k) => k.toLowerCase() !== heading.toLowerCase() && intact.test(k)) ?? heading;
}

/**
 * A heading most of whose words are the outlet's name is a logo or a banner
 * ("Acme Times Blog"); one that merely mentions the outlet ("Making Acme Sans")
 * is a headline.
 */
function namesSite(heading: string, siteName: string): boolean {
  const own = [...new Set(tokens(heading))];
  const site = new Set(tokens(siteName));
  return own.length > 0 && own.filter((t) => site.has(t)).length / own.length >= 0.5;
}

/**
 * The first metadata title, unless another one continues it word for word:
 * JSON-LD headlines are cut to a length limit ("… Solutions (Including") and
 * the full headline is then the longer title.
 */
export function untruncated(titles: string[]): string | undefined {
  const first = titles[0];
  // A short headline that another title continues is more likely that title without its outlet's name.
  if (!first || first.length < CUT_LENGTH) return first;
  const head = normal(first);
  const longer = titles.find((t) => normal(t).startsWith(head + ' '));
  return longer ?? first;
}

/** Below this many characters a headline has not met the limits that cut them (Google's 110). */
const CUT_LENGTH = 80;

/**
 * "Blog: Headline", "Dec 18 2025 Headline": a label or the date run into the
 * front of the <h1>, where a metadata title gives the headline alone.
 */
const LABEL_LEAD = letterPattern(/^[\p{L}]+:$/u);

export function dropLeadIn(heading: string, known: string[]): string {
  const titles = new Set(known.map(normal).filter(Boolean));
  for (const space of heading.matchAll(/\s+/g)) {
    const lead = heading.slice(0, space.index);
    if (lead.length > MAX_LEAD_IN) break;
    const rest = heading.slice(space.index + space[0].length);
    if (titles.has(normal(rest)) && (patternFor(LABEL_LEAD, lead).test(lead) || findDateInText(lead))) return rest;
  }
  return heading;
}

/** Longest label or date that runs into a heading's front. */
const MAX_LEAD_IN = 24;

/** Spaced dashes and bars that set a tagline, section or outlet apart from a headline; a colon belongs to headlines. */
const TAIL_SEPARATOR = /\s+[|–—·•»-]\s+|\s+::\s+/;
const normal = (s: string): string => tokens(s).join(' ');
const BAR = /\s+\|\s+/;
/** Longest section or outlet name set off by a bar. */
const MAX_LABEL_WORDS = 4;

/**
 * "Headline – Tagline" in the <h1>, where the metadata titles give "Headline"
 * before their own separator: the part they agree on is the headline, the rest
 * a tagline, section label or outlet name. A heading that is word for word a
 * metadata title keeps its tail, unless the tail is a label of a word or two.
 */
export function trimHeadingTail(heading: string, meta: (string | null)[]): string {
  const titles = meta.filter((t): t is string => Boolean(t));
  // Labels set off by bars ("| Patient Education | Acme Hospital") are the template's section and outlet names,
  // even when a metadata title repeats them; a long clause after a bar is the editor's own subtitle.
  const barred = heading.split(BAR);
  const labels = barred.slice(1).every((p) => p.split(/\s+/).length <= MAX_LABEL_WORDS);
  if (barred.length > 1 && labels && titles.some((t) => normal(t.split(BAR)[0]!) === normal(barred[0]!))) heading = barred[0]!.trim();
  const parts = heading.split(TAIL_SEPARATOR);
  if (parts.length < 2) return heading;
  const head = normal(parts[0]!);
  if (!head || !titles.some((t) => normal(t.split(TAIL_SEPARATOR)[0]!) === head)) return heading;
  const tailWords = parts.slice(1).join(' ').split(/\s+/).filter(Boolean).length;
  const whole = normal(heading);
  if (titles.some((t) => normal(t) === whole) && tailWords > 2) return heading;
  return parts[0]!.trim();
}

/** A heading this much shorter than the metadata headline is a label from inside it ("Planning", "Discord"). */
const MIN_COVERAGE = 0.25;

/** How well a heading matches a metadata title: word overlap, unless the heading covers only a sliver of it. */
function agreement(heading: string, title: string): number {
  const words = tokens(heading).length;
  if (words < MIN_COVERAGE * tokens(title).length) return 0;
  return overlap(heading, title) + 0.001 * lengthRatio(heading, title);
}

/** Between headings that match equally, the one closest in length to the metadata title (no subtitle run into it). */
function lengthRatio(a: string, b: string): number {
  return Math.min(a.length, b.length) / Math.max(a.length, b.length, 1);
}
