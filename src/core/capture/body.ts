/**
 * Picks the article's text out of the page's blocks: the element whose
 * prose most outweighs its clutter, then the blocks inside it that read as
 * text rather than as links and labels.
 */
import { escapeRegExp } from '../text';
import type { Block, Walk } from './blocks';
import { findDateInText } from './dates';
import { attr } from './dom';
import { HAS_LETTER, letterPattern, NOT_WORDS, patternFor } from './letters';

export interface Body {
  /** Blocks kept, in reading order. */
  blocks: Block[];
  /** Element holding the body, or null when the page has no prose at all. */
  container: Element | null;
  /** Characters of prose on the whole page and inside the container. */
  pageProse: number;
  containerProse: number;
  /** Characters of link-heavy or label-like text inside the container. */
  containerClutter: number;
}

/** How much a character of clutter costs against a character of prose when choosing the container. */
const CLUTTER_WEIGHT = 0.6;

const linkShare = (b: Block): number => (b.text.length ? b.linkChars / b.text.length : 0);

/** Prose: sentence-length text that is mostly not links. */
function isProse(b: Block): boolean {
  if (b.kind === 'title' || b.kind === 'heading') return false;
  if (linkShare(b) > 0.4) return false;
  // Full-width stops count too: a Chinese or Japanese sentence says in 30 characters what English says in 80.
  return b.text.length >= 80 || (b.text.length >= 30 && /[.!?:;…"”')。！？：；」』）]$/.test(b.text));
}

const HAS_NUMBER = letterPattern(/[\p{N}]/u);
const NOT_LETTERS_DIGITS = letterPattern(/[^\p{L}\p{N} ]+/gu);

/** Short labels and calls to action that sit inside article containers. */
const LABEL = /^(advertisement|advertising|sponsored|share( this)?( article| story)?|read more|continue reading|related( articles| stories)?|see also|sign up|subscribe|follow us|comments?|tags?|print|email|copy link|listen|loading\W*)$/i;
/**
 * The first words of LABEL, as the text itself may open with them: only
 * characters that are neither letters nor digits can stand before a label,
 * and a label's first word has no such character inside it. Most blocks fail
 * this, and are spared rewriting their whole text to try LABEL.
 */
const LABEL_START = /^[^a-z0-9]*(?:advertis|sponsored|share|read|continue|related|see|sign|subscribe|follow|comment|tag|print|email|copy|listen|loading)/i;

/** A dateline ("Last updated: April 21, 2025") is metadata, not text. */
function isDateline(b: Block): boolean {
  if (b.text.length > 80) return false;
  const date = findDateInText(b.text);
  return date !== null && b.text.replace(patternFor(NOT_WORDS, b.text), '').trim().split(/\s+/).length <= 5;
}

/**
 * A line asking the reader to sign up for the outlet's newsletter, to follow
 * it or its author elsewhere, to rate the article, to sign in or subscribe
 * to read on, or thanking them for reading: the page's prompt, wherever it
 * stands. A newsletter the text calls "this newsletter" is the article
 * itself, which may well invite sign-ups.
 */
const SIGN_UP =
  /\b(?:sign up|subscribe)\b.{0,40}\b(?:our|my)\b.{0,30}\bnewsletter\b|\b(?:our|my)\b.{0,30}\bnewsletter\b.*\b(?:sign up|subscribe|inbox)\b|\bfollow (?:me|us)\b.{0,30}\b(?:on|at)\b.{0,20}\b(?:instagram|facebook|twitter|youtube|pinterest|tiktok|linkedin|social media|x)\b|^thanks? (?:you )?for (?:reading|visiting|signing up|subscribing|stopping by)\b|^(?:rate this (?:article|post|story|page)|was this (?:article|page|post) (?:helpful|useful)|how useful was this)|^(?:you need to (?:log ?in|sign in)\b|you are signed out|to (?:read|continue reading) the rest of this|unlock this (?:article|story)|subscribe to (?:continue|keep) reading)/i;
/** Longer than this, a block that mentions a newsletter or a follow is the article's own text about them. */
const MAX_SIGN_UP = 300;

/**
 * Lines of the page's machinery left among the paragraphs: a like button
 * still loading, a reading time, a credit line ("Reviewed by …"), the
 * instructions of an image viewer, slideshow or comment box, the label of a
 * table of contents, the tags or categories filed, a copyright line.
 */
const MACHINERY =
  /^(?:like loading|loading paragraph|(?:table of contents|contents|in this article|on this page)\W*$|(?:tags?|filed under|categories|category|posted in|topics?)\s*:|(?:©|copyright (?:©|\(c\)|\d{4}))|\d+ min(?:ute)?s? read$|(?:edited|reviewed|fact[- ]checked|written|updated|posted) by\b.{0,60}$|press enter or click to view image|this slideshow requires javascript|to view or add a comment|summarize this article with)/i;

/** Blocks left out wherever they stand: the title, captions, datelines, counters, labels and sign-up prompts. */
function isNoise(b: Block): boolean {
  // Captions and photo credits describe pictures the text does not include.
  if (b.kind === 'title' || b.kind === 'caption') return true;
  // A table cell of figures is the table's content; elsewhere text without letters is a counter, a price tag or an icon.
  if (!patternFor(HAS_LETTER, b.text).test(b.text) && !(b.kind === 'cell' && patternFor(HAS_NUMBER, b.text).test(b.text))) return true;
  if (LABEL_START.test(b.text) && LABEL.test(b.text.replace(patternFor(NOT_LETTERS_DIGITS, b.text), ' ').trim())) return true;
  if (b.text.length < MAX_SIGN_UP && (SIGN_UP.test(b.text) || MACHINERY.test(b.text))) return true;
  // The costly test last: each rules a block out on its own, so their order does not change the outcome.
  return isDateline(b);
}

/** Mostly links: a menu, a tag list or a teaser, unless it stands among the article's paragraphs (see keptBlocks). */
function isLinkText(b: Block): boolean {
  const share = linkShare(b);
  return share > 0.6 || (share > 0.35 && b.text.length < 120);
}

/** Most of a paragraph that may be link text when it stands among the article's paragraphs. */
const MAX_PARAGRAPH_LINK_SHARE = 0.9;

/** A line that sends the reader to another page ("Related: …", "Also read: …") even where it stands among the paragraphs. */
const POINTER = /^[^:]{0,25}\b(?:related|read|see|more|also|recommended|like|miss|check|watch|listen)\b[^:]{0,25}:/i;

/**
 * A heading, list item or paragraph made mostly of links is the article's own
 * text when it stands among the article's paragraphs: a child of an element
 * that holds one of them, or an item of a list that is (a linked section
 * heading, the list of tools a guide recommends, a sentence citing its source).
 * Menus, tag lists and teaser boxes sit in wrappers of their own.
 */
function standsAmongParagraphs(b: Block, paragraphParents: Set<Element>): boolean {
  if (b.kind !== 'heading' && b.kind !== 'item' && b.kind !== 'paragraph') return false;
  // A paragraph that is one link and nothing else is a pointer to another story ("CLICK HERE FOR…"), not a sentence citing one.
  if (b.kind === 'paragraph' && linkShare(b) > MAX_PARAGRAPH_LINK_SHARE) return false;
  const unit = b.el.localName === 'li' ? b.el.parentElement : b.el;
  const parent = unit?.parentElement;
  return parent != null && paragraphParents.has(parent) && !POINTER.test(b.text);
}

/** The container's blocks that are the article's text. */
function keptBlocks(blocks: Block[]): Block[] {
  // Each block is judged once, and link text only if it may stand among the paragraphs: the date search behind isNoise is the costly part.
  const linkText = blocks.map(isLinkText);
  const noise = blocks.map((b, i) => !linkText[i] && isNoise(b));
  const paragraphParents = new Set<Element>();
  blocks.forEach((b, i) => {
    if (b.kind === 'paragraph' && b.el.parentElement && !noise[i] && !linkText[i] && isProse(b)) paragraphParents.add(b.el.parentElement);
  });
  return blocks.filter((b, i) => (linkText[i] ? standsAmongParagraphs(b, paragraphParents) && !isNoise(b) : !noise[i]));
}

/**
 * Share of the container's prose that one child must hold for the body to be
 * that child alone: what the rest holds is then teasers, reviews, author boxes
 * or promotions written in sentences, which clutter weights cannot tell apart.
 */
const NARROW_SHARE = 0.8;

/**
 * One paragraph is never the whole body, however long it is next to the rest;
 * nor is one list: a listicle's items hold most of its prose, and the
 * paragraphs that introduce them stand beside the list.
 */
const LEAF_BLOCKS = new Set(['p', 'li', 'ul', 'ol', 'dl', 'blockquote', 'pre', 'td', 'th', 'dd', 'dt', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6']);

function narrow(container: Element, prose: Map<Element, number>): Element {
  for (let depth = 0; depth < 50; depth++) {
    const total = prose.get(container) ?? 0;
    let best: Element | null = null;
    let bestProse = 0;
    for (let c = container.firstElementChild; c; c = c.nextElementSibling) {
      const p = prose.get(c) ?? 0;
      if (p > bestProse && !LEAF_BLOCKS.has(c.localName)) {
        best = c;
        bestProse = p;
      }
    }
    if (!best || bestProse < NARROW_SHARE * total) return container;
    container = best;
  }
  return container;
}

/** The page's own statement of where the article's text is (schema.org microdata). */
const ARTICLE_BODY = /(?:^|\s)articleBody(?:\s|$)/i;
/** A class naming the article's text outright ("article-body", "entry-content", "post_text"): CMS templates put it on the body itself. */
const BODY_CLASS = /(?:^|\s)(?:article|entry|post|story)[-_]?(?:body|content|text)(?:\s|$)/i;

function isMarked(el: Element): boolean {
  const itemprop = attr(el, 'itemprop');
  if (itemprop && ARTICLE_BODY.test(itemprop)) return true;
  const cls = attr(el, 'class');
  return cls !== null && BODY_CLASS.test(cls);
}

/**
 * Of the elements the page marks as the article's body, the one holding the
 * most prose, when it holds enough to be more than a lead or a stub.
 */
function markedBody(prose: Map<Element, number>): Element | null {
  let best: Element | null = null;
  let bestProse = 0;
  for (const [el, p] of prose) {
    // Below the least it may hold the marker is never read: most elements with prose hold only a sentence or two.
    if (p <= bestProse || p < MIN_MARKED_PROSE) continue;
    if (isMarked(el)) {
      best = el;
      bestProse = p;
    }
  }
  return bestProse >= MIN_MARKED_PROSE ? best : null;
}

const MIN_MARKED_PROSE = 200;
/**
 * The marked body replaces the chosen container when it holds at least this
 * share of the container's prose: a container that also holds the marked body
 * took in a sidebar or service block beside it, and one apart from it is the
 * wrong block altogether. Below the share the marker wraps only a lead.
 */
const MARKED_SHARE = 0.35;
/** A container inside the marked body is kept unless it holds less than this share of the marked prose (one paragraph, one list item). */
const INNER_SHARE = 0.5;

/** Where the page's marker and the prose-weighted choice disagree, which one to trust. */
function preferMarked(container: Element, marked: Element | null, prose: Map<Element, number>): Element {
  if (!marked || marked === container) return container;
  const inContainer = prose.get(container) ?? 0;
  const inMarked = prose.get(marked) ?? 0;
  if (marked.contains(container)) return inContainer < INNER_SHARE * inMarked ? marked : container;
  return inMarked >= MARKED_SHARE * inContainer ? marked : container;
}

/** A sibling joins the body when it holds at least this much prose… */
const MIN_SIBLING_PROSE = 200;
/** …and at most this much clutter per character of prose. */
const SIBLING_CLUTTER = 0.3;
/** Text without prose (a section heading) between two joined siblings joins with them when it is this short. */
const MAX_BRIDGE = 200;

/**
 * The container and the siblings that continue its text. Page builders cut
 * one article into sections side by side; the container scored highest is
 * then one section, and its neighbours, as dense in prose as it is, are the
 * rest. A neighbour with links or labels in it (a card grid, a form) ends the run.
 */
function withSiblings(container: Element, prose: Map<Element, number>, clutter: Map<Element, number>): Element[] {
  // Climb past wrappers that add only headings or labels, so that the siblings are whole sections.
  let el = container;
  const own = prose.get(container) ?? 0;
  for (let up = el.parentElement; up && up.parentElement && (prose.get(up) ?? 0) === own; up = up.parentElement) {
    if ((clutter.get(up) ?? 0) - (clutter.get(container) ?? 0) > MAX_BRIDGE) break;
    el = up;
  }
  const parts = [el];
  for (const step of ['previousElementSibling', 'nextElementSibling'] as const) {
    let pending: Element[] = [];
    for (let s = el[step]; s; s = s[step]) {
      const p = prose.get(s) ?? 0;
      const c = clutter.get(s) ?? 0;
      if (p === 0 && c <= MAX_BRIDGE) {
        pending.push(s);
        continue;
      }
      if (p < MIN_SIBLING_PROSE || c > SIBLING_CLUTTER * p) break;
      parts.push(...pending, s);
      pending = [];
    }
  }
  return parts;
}

/** A section is a copy when at least this share of its prose repeats paragraphs of an earlier section. */
const REPEAT_SHARE = 0.8;
/** Sections with less prose than this are left alone: a repeated pull quote or call to action is the gold's business. */
const MIN_REPEAT_PROSE = 300;

/**
 * Drops a section that repeats an earlier one. Responsive and gated layouts
 * print the same article twice (one copy for small screens, one behind a
 * sign-in) and hide one with style sheets the capture does not read.
 * Sections are the children of each part; text outside them is a section of its own.
 */
function dropRepeatedSections(parts: Element[], blocks: Block[]): Block[] {
  const sectionOf = (b: Block): Element | null => {
    const part = parts.find((p) => p === b.el || p.contains(b.el));
    if (!part) return null;
    let el: Element | null = b.el;
    while (el && el.parentElement !== part) el = el.parentElement;
    return el;
  };
  const groups: Block[][] = [];
  let last: Element | null = null;
  for (const b of blocks) {
    const section = sectionOf(b);
    if (groups.length === 0 || section === null || section !== last) groups.push([]);
    groups[groups.length - 1]!.push(b);
    last = section;
  }
  if (groups.length < 2) return blocks;
  const seen = new Set<string>();
  const out: Block[] = [];
  for (const group of groups) {
    let total = 0;
    let repeated = 0;
    for (const b of group) {
      if (!isProse(b)) continue;
      total += b.text.length;
      if (seen.has(b.text)) repeated += b.text.length;
    }
    if (total >= MIN_REPEAT_PROSE && repeated >= REPEAT_SHARE * total) continue;
    for (const b of group) if (isProse(b)) seen.add(b.text);
    out.push(...group);
  }
  return out;
}

/**
 * A short heading that names a box rather than a part of the article:
 * related posts, author boxes, comment and contact forms, newsletter sign-ups,
 * source lists. Pages put such boxes inside the article's container, at its
 * end or between its sections.
 */
const BOX_HEADING =
  /^(?:related|(?:if you (?:liked|enjoyed) this \w+,? )?you (?:may|might|will) (?:also )?(?:like|enjoy|be interested in)|you may also|read (?:this|these) next|more (?:from|stories|articles|news|posts|like this)|(?:latest|recent) (?:news|posts|articles|stories)|popular (?:posts|articles|stories|news)|most (?:read|popular)|(?:what to )?read next|keep reading|in case you missed|don.t miss|editor.s picks|also in the news|trending|recommended|further reading|explore more|more resources|(?:article )?sources?|references|citations|about the author|leave a (?:reply|comment)|comments?|testimonials?|contact us|have any questions|share (?:this|the)|follow us|subscribe|sign up|newsletter|(?:join|sign up for|subscribe to) (?:our|the) (?:free )?(?:\w+ )?(?:newsletter|mailing list))\b/i;
/** The box headings that name the article's sources. */
const SOURCES_HEADING = /^(?:(?:article )?sources?|references|citations)\b/i;
/** Longer than this, a line that opens with those words is a heading of the article's own ("Popular posts on frugal living, ranked"). */
const MAX_BOX_HEADING = 60;

/**
 * A box heading may also be a paragraph of its own ("<p><strong>You might also
 * like:</strong></p>"): short as it must be, it is a label, not a sentence.
 */
function isBoxHeading(b: Block): boolean {
  return (b.kind === 'heading' || b.kind === 'title' || b.kind === 'text' || b.kind === 'paragraph') && b.text.length < MAX_BOX_HEADING && BOX_HEADING.test(b.text);
}

/**
 * Leaves out the boxes inside the body: the largest element that a box
 * heading opens (all of whose text comes from the heading on), and any form,
 * call to action or small print (see inBox). A heading that opens no element
 * of its own (it stands among the paragraphs) goes with only the links
 * right after it, since what follows them may be the article again.
 * `roots` are the elements the body was read from; they are never dropped whole.
 */
function dropBoxes(blocks: Block[], roots: Element[]): Block[] {
  const out: Block[] = [];
  const verdicts = new Map<Element, boolean>();
  for (let i = 0; i < blocks.length; i++) {
    const b = blocks[i]!;
    const root = roots.find((r) => r === b.el || r.contains(b.el));
    if (root && inBox(b.el, root, verdicts)) continue;
    if (!root || b.el === root || !isBoxHeading(b)) {
      out.push(b);
      continue;
    }
    // Blocks inside one element are consecutive, so the box is what the heading opens up to the first element that also holds the block before it.
    const before = i > 0 ? blocks[i - 1]!.el : null;
    let box = b.el;
    for (let up = box.parentElement; up && up !== root && !(before && up.contains(before)); up = up.parentElement) box = up;
    while (i + 1 < blocks.length && box.contains(blocks[i + 1]!.el)) i++;
    // A heading among the paragraphs takes with it the links it introduces (the related posts listed under "Related:"),
    // unless it heads the article's sources: a list of cited works is the article's own.
    if (box === b.el && !SOURCES_HEADING.test(b.text)) while (i + 1 < blocks.length && isLinkText(blocks[i + 1]!)) i++;
  }
  return out;
}

/**
 * Class or id words of boxes that stand among the article's paragraphs and
 * are written in sentences: calls to action ("cta") and the banners that
 * carry them (a course, a demo, a sign-up printed across the text), legal
 * small print, and picture galleries and overlays, whose slides carry
 * captions, counters ("1 of 6") and close buttons.
 */
const BOX_WORDS = new Set(['cta', 'disclaimer', 'gallery', 'overlay', 'banner']);

/**
 * Each word of a name is a run of its letters, so a list without one of the
 * words as letters in a row names none of them: that test spares most lists
 * the splitting below.
 */
const ANY_WORD_OF = new Map<Set<string>, RegExp>();

/** Whether `e`'s class or id holds one of `words` as a word of one of its names ("post-cta", "ctaBanner", "disclaimer_text"). */
function namedWith(e: Element, words: Set<string>): boolean {
  const names = `${attr(e, 'class') ?? ''} ${attr(e, 'id') ?? ''}`;
  if (names.length < 2) return false;
  let any = ANY_WORD_OF.get(words);
  if (!any) ANY_WORD_OF.set(words, (any = new RegExp([...words].join('|'), 'i')));
  if (!any.test(names)) return false;
  for (const name of names.split(/\s+/)) {
    if (!name) continue;
    for (const word of name.replace(/([a-z])([A-Z])/g, '$1-$2').toLowerCase().split(/[-_]+/)) if (words.has(word)) return true;
  }
  return false;
}

/**
 * A form (contact, comment and sign-up forms carry labels and prompts written
 * as sentences) or an element named by BOX_WORDS between `el` and `root`.
 */
function inBox(el: Element, root: Element, verdicts: Map<Element, boolean>): boolean {
  const chain: Element[] = [];
  let found = false;
  for (let e: Element | null = el; e && e !== root; e = e.parentElement) {
    const known = verdicts.get(e);
    if (known !== undefined) {
      found = known;
      break;
    }
    chain.push(e);
    if (e.localName === 'form' || namedWith(e, BOX_WORDS)) {
      found = true;
      break;
    }
  }
  // Neighbouring blocks share their ancestors: each is judged once.
  for (const e of chain) verdicts.set(e, found);
  return found;
}

/** Most characters of non-prose (a byline, a date, a table of contents, buttons) the lead may be separated from the body by. */
const MAX_LEAD_GAP = 400;

/**
 * Class or id words of what sits between a headline and the body without
 * being its opening: the line pages print under the headline to sum it up
 * (a dek, lead or subtitle, which both benchmarks' readers mostly leave out,
 * unlike an intro), a picture's caption, an author's blurb, a disclosure.
 */
const NOT_LEAD_WORDS = new Set([
  'subtitle', 'subhead', 'subhed', 'subheading', 'dek', 'standfirst', 'lead', 'lede', 'teaser', 'excerpt',
  'image', 'img', 'photo', 'figure', 'caption', 'credit', 'disclosure', 'disclaimer', 'affiliate', 'tooltip', 'cta',
]);

/** Whether `el`, or an ancestor of it below `top`, is named as something other than the lead, is a form, or is folded away in a <details>. */
function outsideLead(el: Element, top: Element | null): boolean {
  for (let e: Element | null = el; e && e !== top; e = e.parentElement) {
    if (e.localName === 'details' || e.localName === 'form' || namedWith(e, NOT_LEAD_WORDS)) return true;
  }
  return false;
}

/**
 * The article's opening text that sits outside the body's element: an intro
 * in the header block beside it, between the headline and the body. Read back
 * from the body's first block over prose, and over short non-prose, up to the
 * headline; without a headline within reach nothing is taken, since text
 * above the body is then menus and teasers.
 */
function leadBlocks(all: Block[], first: number, body: Block[]): Block[] {
  if (first <= 0) return [];
  const start = all[first]!.el;
  const inBody = new Set(body.map((b) => b.text));
  const lead: Block[] = [];
  let gap = 0;
  for (let i = first - 1; i >= 0; i--) {
    const b = all[i]!;
    // A breadcrumb or a heading's second copy repeats the headline: that is not the opening.
    if (b.kind === 'title') return lead.filter((l) => l.text !== b.text).reverse();
    // List items above the body are key points or a table of contents: a summary, not the opening.
    if (b.kind !== 'item' && isProse(b) && !isNoise(b) && !isLinkText(b)) {
      // Names are read only up to the element the lead shares with the body: the page's outer wrappers name nothing of it.
      let top: Element | null = b.el.parentElement;
      while (top && !top.contains(start)) top = top.parentElement;
      if (!outsideLead(b.el, top)) {
        if (!inBody.has(b.text)) lead.push(b);
        continue;
      }
    }
    gap += b.text.length;
    if (gap > MAX_LEAD_GAP) return [];
  }
  return [];
}

/** Most prose the text past either end of the body's main run may hold, per character of the run's own prose, for it to go. */
const MAX_STRAY_PROSE = 0.05;

/** The element whose paragraphs, as its own children, hold the most prose: where the article's main run of text stands. */
function mainParagraphParent(blocks: Block[]): Element | null {
  const prose = new Map<Element, number>();
  let best: Element | null = null;
  let bestProse = 0;
  for (const b of blocks) {
    const parent = b.el.parentElement;
    if (b.kind !== 'paragraph' || !parent || !isProse(b)) continue;
    const p = (prose.get(parent) ?? 0) + b.text.length;
    prose.set(parent, p);
    if (p > bestProse) {
      best = parent;
      bestProse = p;
    }
  }
  return best;
}

/**
 * Leaves out what stands before the first or after the last block of the
 * main run of paragraphs when that side holds next to no prose: the headings,
 * labels and one-liners there are the page's furniture (a comment count, a
 * share prompt, tags, a copyright line, "Posted by", a teaser sentence), not
 * the article's. A side with prose of its own (an intro, a closing section)
 * is kept whole.
 */
function trimStrayEnds(blocks: Block[]): Block[] {
  const main = mainParagraphParent(blocks);
  if (!main) return blocks;
  let first = -1;
  let last = -1;
  let mainProse = 0;
  blocks.forEach((b, i) => {
    if (!main.contains(b.el)) return;
    if (first < 0) first = i;
    last = i;
    if (isProse(b)) mainProse += b.text.length;
  });
  const stray = (side: Block[]): boolean => side.reduce((sum, b) => sum + (isProse(b) ? b.text.length : 0), 0) <= MAX_STRAY_PROSE * mainProse;
  const start = stray(blocks.slice(0, first)) ? first : 0;
  const end = stray(blocks.slice(last + 1)) ? last + 1 : blocks.length;
  return start === 0 && end === blocks.length ? blocks : blocks.slice(start, end);
}

/** How many blocks from the end of the body an author's bio may start. */
const BIO_REACH = 4;
/** Longer than this, a block that opens with the author's name is the article's own text about them. */
const MAX_BIO = 800;
/** What a bio says of its subject right after the name ("Jane Doe is a…", "Jane holds…", "Jane Q. Doe has written…"). */
const BIO_VERBS = 'is|was|has|holds|writes|covers|joined|started|lives|serves|received|earned|brings|specializes|works|leads|founded';

/**
 * The words of the authors' names that a bio may open with: the first two of
 * each name, capitalised, three letters or more. A name of one word is a
 * brand or an outlet ("Acme"), whose closing blurb the gold keeps as text.
 */
function bioNames(authors: string[]): string[] {
  const names = new Set<string>();
  for (const author of authors) {
    const words = author.match(/\p{Lu}[\p{L}'’-]{2,}/gu) ?? [];
    if (words.length >= 2) for (const w of words.slice(0, 2)) names.add(w);
  }
  return [...names];
}

/**
 * Leaves out the author's bio that pages print at the end of the article
 * ("Jane Doe is a freelance writer who…"), and what follows it: a block among
 * the last few that opens with the byline's name and a verb saying who the
 * author is. Bios sit in boxes named as anything from "author" to a plugin's
 * name; the byline names them better than the markup does.
 */
export function dropAuthorBio(blocks: Block[], authors: string[]): Block[] {
  const names = bioNames(authors);
  if (!names.length) return blocks;
  const bio = new RegExp(`^\\(?(?:Dr\\.? )?(?:${names.map(escapeRegExp).join('|')})(?: \\p{Lu}[\\p{L}'’.-]*){0,3} (?:${BIO_VERBS})\\b`, 'u');
  for (let i = Math.max(1, blocks.length - BIO_REACH); i < blocks.length; i++) {
    const text = blocks[i]!.text;
    if (text.length < MAX_BIO && bio.test(text)) return blocks.slice(0, i);
  }
  return blocks;
}

export function selectBody(walk: Walk): Body {
  const prose = new Map<Element, number>();
  const clutter = new Map<Element, number>();
  let pageProse = 0;
  for (const b of walk.blocks) {
    const good = isProse(b);
    const map = good ? prose : clutter;
    const weight = b.text.length;
    if (good) pageProse += weight;
    for (let el: Element | null = b.el; el; el = el.parentElement) map.set(el, (map.get(el) ?? 0) + weight);
  }
  let container: Element | null = null;
  let best = 0;
  for (const [el, good] of prose) {
    const score = good - CLUTTER_WEIGHT * (clutter.get(el) ?? 0);
    if (score > best) {
      best = score;
      container = el;
    }
  }
  if (!container) return { blocks: [], container: null, pageProse, containerProse: 0, containerClutter: 0 };
  const scored = container;
  container = narrow(preferMarked(container, markedBody(prose), prose), prose);
  // Only the prose-weighted choice, left as it was, may be part of a split body; a marked or narrowed one was chosen over its siblings.
  const parts = container === scored ? withSiblings(container, prose, clutter) : [container];
  const inside = walk.blocks.filter((b) => parts.some((part) => part === b.el || part.contains(b.el)));
  // Repeats and boxes are looked for among the container's own children, not the wrapper it was lifted to.
  const roots = parts.map((part) => (part.contains(container) ? container : part));
  const kept = dropBoxes(keptBlocks(dropRepeatedSections(roots, inside)), roots);
  return {
    blocks: trimStrayEnds([...leadBlocks(walk.blocks, inside.length ? walk.blocks.indexOf(inside[0]!) : -1, kept), ...kept]),
    container,
    pageProse,
    containerProse: prose.get(container) ?? 0,
    containerClutter: clutter.get(container) ?? 0,
  };
}
