/**
 * How a page is built, as opposed to what it says: the structure that gives
 * away a forum thread (many posts, each with its author and reply controls),
 * documentation (a table of contents, code, version pickers), a listing (many
 * teaser headlines that are links, few paragraphs) or a shop. Counts only;
 * the detector weighs them. Every probe is a tag count or a single selector
 * query, so the cost stays small on large pages.
 */
import type { Block } from './blocks';
import { all, attr, readAttributes } from './dom';

export interface PageShape {
  /** Blocks of text on the page. */
  blocks: number;
  /** `<article>` elements: one for a story, many for a list of teasers or posts. */
  articleTags: number;
  /** `<h1>` elements. */
  h1s: number;
  /** Headings and titles in the walk whose text is mostly link text. */
  linkedHeadingBlocks: number;
  /** `<time>` elements: a story has one or two, a listing one per teaser. */
  times: number;
  /** Paragraphs of 80 characters or more on the whole page, and their mean length. */
  longParagraphs: number;
  meanParagraph: number;
  /** Characters of all text on the whole page, and of its links, list items and code. */
  chars: number;
  linkChars: number;
  listChars: number;
  codeChars: number;
  /** Prices printed on the page ("$12.99", "€40"), counted in its short blocks. */
  prices: number;
  /** Table cells' share of the page's text (spec sheets, reference tables). */
  cellShare: number;
  /** Blocks inside containers a forum repeats per post: post/reply/message wrappers, user info, avatars. */
  forumMarks: number;
  /** Short lines a forum prints per post ("Reply", "Quote", "Joined", "Posts: 12"). */
  forumLines: number;
  /** Blocks inside documentation furniture: a table of contents, docs sidebars, version pickers, highlighted code. */
  docsMarks: number;
  docsLines: number;
  /** `<pre>` blocks on the page. */
  preBlocks: number;
  /** A link to the next page of results, or blocks in a pagination bar. */
  pagination: number;
  /** Blocks inside teaser cards: containers named card/teaser/tile/grid item. */
  cards: number;
  /** Lines a service or landing page prints ("Contact us", "Get a quote", "Book now"). */
  serviceLines: number;
  /** Blocks inside containers named as an article's body or byline. */
  articleMarks: number;
  /** A comment or reply form (textarea). */
  textareas: number;
  /** Phone links, form fields and buttons: a service or landing page asks the reader to act. */
  telLinks: number;
  inputs: number;
  buttons: number;
  /** Subheadings (h2, h3) on the page: a landing page is many short headed sections. */
  subheadings: number;
  /**
   * Blocks inside FAQ sections and accordions: service and help pages answer
   * questions in folded panels, a story runs on without them.
   */
  faqMarks: number;
  /** Blocks in share bars and comment sections, and "N min read" lines, which stories carry. */
  shareMarks: number;
  commentMarks: number;
  storyLines: number;
  /** Short headings and lines that end in an exclamation mark, as landing pages shout. */
  exclaimLines: number;
  /** Paragraphs of 300 characters or more: explanations run long, sales copy stays short. */
  longerParagraphs: number;
  /** `<form>`, `<address>` and `<figure>` elements: contact blocks versus illustrated text. */
  forms: number;
  addresses: number;
  figures: number;
  /** Microdata types declared on the page, by family. */
  mdArticle: number;
  mdOther: number;
}

/**
 * Class and id words of the containers around the page's text, by family.
 * Read from each block's nearest ancestors rather than by querying the whole
 * document, so the cost follows the text, not the markup.
 */
const FAMILIES = {
  forum: /reply|message|postbody|post-body|userinfo|user-info|username|avatar|thread|topic|forum|answer|author-info|postprofile/,
  docs: /\btoc\b|table-of-contents|tableofcontents|\bdocs?\b|documentation|sidebar-nav|version|\bapi\b|markdown-body|highlight/,
  card: /card|teaser|tile|grid-item|listing|product-item|river|feed|archive/,
  article: /byline|article-body|articlebody|entry-content|post-content|article-content|story-body|article__body|post__content|single-post/,
  comment: /comment/,
  share: /share|social/,
  pagination: /pagination|pager/,
  faq: /faq|accordion/,
} as const;
type Family = keyof typeof FAMILIES;
const FAMILY_NAMES = Object.keys(FAMILIES) as Family[];
/** Any family at all: most containers are in none, and one test settles them. */
const ANY_FAMILY = new RegExp(FAMILY_NAMES.map((f) => FAMILIES[f].source).join('|'));
/** Ancestors looked at above each block: far enough to reach a post or card wrapper. */
const ANCESTORS = 4;
const MAX_BLOCKS = 4_000;

const FAMILY_ATTRIBUTES = ['class', 'id', 'itemprop'] as const;
const familyValues: (string | null)[] = [null, null, null];

/**
 * Families of class strings met on elements with no id or itemprop, most
 * elements: pages repeat a few class strings many times, and the DOM hands
 * each one over as the same string, so a lookup spares lower-casing and
 * testing it again.
 */
const classFamilies = new Map<string, number>();

function familiesOf(el: Element, cache: Map<Element, number>): number {
  const hit = cache.get(el);
  if (hit !== undefined) return hit;
  readAttributes(el, FAMILY_ATTRIBUTES, familyValues);
  const [cls, id, itemprop] = familyValues;
  let mask: number;
  if (id == null && itemprop == null && cls != null) {
    // No family word holds a space, so the blanks the joined form below adds change nothing.
    let known = classFamilies.get(cls);
    if (known === undefined) {
      known = familiesIn(cls.toLowerCase());
      if (classFamilies.size > 5_000) classFamilies.clear();
      classFamilies.set(cls, known);
    }
    mask = known;
  } else {
    const words = `${cls ?? ''} ${id ?? ''} ${itemprop ?? ''}`.toLowerCase();
    mask = words.length > 2 ? familiesIn(words) : 0;
  }
  cache.set(el, mask);
  return mask;
}

function familiesIn(words: string): number {
  let mask = 0;
  if (ANY_FAMILY.test(words)) FAMILY_NAMES.forEach((f, i) => {
    if (FAMILIES[f].test(words)) mask |= 1 << i;
  });
  return mask;
}

/** Blocks of text sitting inside a container of each family. */
function blocksByFamily(blocks: Block[]): Record<Family, number> {
  const counts = Object.fromEntries(FAMILY_NAMES.map((f) => [f, 0])) as Record<Family, number>;
  const cache = new Map<Element, number>();
  // Blocks side by side share the elements above them: the families of a parent and the ancestors above it, once per parent.
  const fromParent = new Map<Element, number>();
  for (const b of blocks.slice(0, MAX_BLOCKS)) {
    let mask = familiesOf(b.el, cache);
    const parent = b.el.parentElement;
    if (parent) {
      let above = fromParent.get(parent);
      if (above === undefined) {
        above = 0;
        let el: Element | null = parent;
        for (let i = 1; el && i <= ANCESTORS; i++, el = el.parentElement) above |= familiesOf(el, cache);
        fromParent.set(parent, above);
      }
      mask |= above;
    }
    if (mask) FAMILY_NAMES.forEach((f, i) => {
      if (mask & (1 << i)) counts[f]++;
    });
  }
  return counts;
}

const FORUM_LINE = /\b(reply|quote|permalink|posted by|moderator|thread starter|original poster|multi-quote|accepted answer)\b|(joined|posts|replies|registered|messages|reaction score):/i;
const DOCS_LINE = /^(on this page|table of contents|contents|in this article|edit this page|edit on github|was this (page|article) helpful|previous|next|version|api reference|parameters|returns|syntax|example|examples|see also|note:?)\b/i;
const SERVICE_LINE = /^(contact us|get a quote|request a quote|book (now|online|an appointment)|call (us|now)|schedule|free consultation|our services|get started|sign up|learn more|pricing|buy now|add to (cart|bag|basket)|in stock|out of stock|free shipping|request a demo|get in touch)\b/i;

const STORY_LINE = /\b\d+\s*min(ute)?s?\s+read\b|^(related (posts|articles|stories)|more from|you may also like|leave a (reply|comment)|share (this|on)|about the author|written by|posted (on|in))\b/i;

const CAP = 400;

const PRICE = /(?:[$€£¥₹]\s?\d[\d.,]*|\b\d[\d.,]*\s?(?:USD|EUR|GBP|€|zł|kr)\b)/g;
/** Prices counted per block and per page: a price table says "shop" long before it is exhausted. */
const MAX_PRICES_PER_BLOCK = 10;
const MAX_PRICES = 50;

function countPrices(text: string): number {
  let n = 0;
  PRICE.lastIndex = 0;
  while (PRICE.test(text) && n < MAX_PRICES_PER_BLOCK) n++;
  return n;
}

/** Every element the page-wide counts look at, found in one pass of the engine's selector matching. */
const PROBES =
  'article, h1, h2, h3, time, pre, textarea, button, input, select, form, address, figure, [itemtype], a[href^="tel:" i], a[rel~="next" i], link[rel~="next" i]';
const MAX_PROBED = 5_000;
const MICRODATA_ARTICLE = /^(NewsArticle|Article|BlogPosting|ReportageNewsArticle|TechArticle|ScholarlyArticle|OpinionNewsArticle|AnalysisNewsArticle)$/i;
const MICRODATA_OTHER = /^(Product|Offer|AggregateOffer|DiscussionForumPosting|Question|Answer|QAPage|ItemList|CollectionPage|SearchResultsPage|Comment|UserComments|SoftwareApplication|LocalBusiness|Organization|Service)/i;

type Tally = Record<'article' | 'h1' | 'subheadings' | 'time' | 'pre' | 'textarea' | 'button' | 'inputs' | 'tel' | 'next' | 'mdArticle' | 'mdOther' | 'form' | 'address' | 'figure', number>;

function tallyElements(doc: Document): Tally {
  const t: Tally = { article: 0, h1: 0, subheadings: 0, time: 0, pre: 0, textarea: 0, button: 0, inputs: 0, tel: 0, next: 0, mdArticle: 0, mdOther: 0, form: 0, address: 0, figure: 0 };
  let found: Element[];
  try {
    found = all(doc, PROBES, MAX_PROBED);
  } catch {
    // A DOM without the selector features (e.g. the `i` flag) gives no counts rather than breaking the capture.
    return t;
  }
  for (const el of found) {
    const tag = el.localName;
    if (tag === 'h2' || tag === 'h3') t.subheadings++;
    else if (tag === 'input') {
      if ((attr(el, 'type') ?? '').toLowerCase() !== 'hidden') t.inputs++;
    } else if (tag === 'select' || tag === 'textarea') {
      t.inputs++;
      if (tag === 'textarea') t.textarea++;
    } else if (tag === 'a' || tag === 'link') {
      if (/^tel:/i.test(attr(el, 'href') ?? '')) t.tel++;
      if (/(^|\s)next(\s|$)/i.test(attr(el, 'rel') ?? '')) t.next++;
    } else if (tag in t) t[tag as keyof Tally]++;
    const type = attr(el, 'itemtype');
    if (type) {
      const name = type.replace(/^https?:\/\/schema\.org\//i, '');
      if (MICRODATA_ARTICLE.test(name)) t.mdArticle++;
      else if (MICRODATA_OTHER.test(name)) t.mdOther++;
    }
  }
  for (const k of Object.keys(t) as (keyof Tally)[]) t[k] = Math.min(CAP, t[k]);
  return t;
}

/**
 * `scanDocument` false (past the capture's time box) skips the page-wide
 * element counts and reads the text blocks only.
 */
export function readPageShape(doc: Document, blocks: Block[], scanDocument = true): PageShape {
  let pageChars = 0;
  let linkChars = 0;
  let listChars = 0;
  let codeChars = 0;
  let prices = 0;
  let cellChars = 0;
  let longParagraphs = 0;
  let paragraphChars = 0;
  let linkedHeadingBlocks = 0;
  let forumLines = 0;
  let docsLines = 0;
  let serviceLines = 0;
  let storyLines = 0;
  let exclaimLines = 0;
  let longerParagraphs = 0;
  for (const b of blocks) {
    const n = b.text.length;
    pageChars += n;
    linkChars += b.linkChars;
    if (b.kind === 'item') listChars += n;
    else if (b.kind === 'code') codeChars += n;
    if (prices < MAX_PRICES && n < 400) prices += countPrices(b.text);
    if (b.kind === 'cell') cellChars += n;
    else if (b.kind === 'paragraph' && n >= 80) {
      longParagraphs++;
      paragraphChars += n;
      if (n >= 300) longerParagraphs++;
    } else if ((b.kind === 'heading' || b.kind === 'title') && n > 0 && b.linkChars / n > 0.6) linkedHeadingBlocks++;
    if (n <= 60) {
      if (FORUM_LINE.test(b.text)) forumLines++;
      if (DOCS_LINE.test(b.text)) docsLines++;
      if (SERVICE_LINE.test(b.text)) serviceLines++;
      if (STORY_LINE.test(b.text)) storyLines++;
    }
    if (n <= 80 && b.text.endsWith('!')) exclaimLines++;
  }
  const t = scanDocument ? tallyElements(doc) : null;
  const n = (k: keyof Tally): number => t?.[k] ?? 0;
  const fam = blocksByFamily(blocks);
  return {
    blocks: blocks.length,
    articleTags: n('article'),
    h1s: n('h1'),
    linkedHeadingBlocks: Math.min(CAP, linkedHeadingBlocks),
    times: n('time'),
    longParagraphs: Math.min(CAP, longParagraphs),
    meanParagraph: longParagraphs ? paragraphChars / longParagraphs : 0,
    chars: pageChars,
    linkChars,
    listChars,
    codeChars,
    prices,
    cellShare: pageChars ? cellChars / pageChars : 0,
    forumMarks: fam.forum,
    forumLines: Math.min(CAP, forumLines),
    docsMarks: fam.docs,
    docsLines: Math.min(CAP, docsLines),
    preBlocks: n('pre'),
    pagination: fam.pagination + n('next'),
    cards: fam.card,
    serviceLines: Math.min(CAP, serviceLines),
    articleMarks: fam.article,
    textareas: n('textarea'),
    telLinks: n('tel'),
    inputs: n('inputs'),
    buttons: n('button'),
    subheadings: n('subheadings'),
    faqMarks: fam.faq,
    shareMarks: fam.share,
    commentMarks: fam.comment,
    storyLines: Math.min(CAP, storyLines),
    exclaimLines: Math.min(CAP, exclaimLines),
    longerParagraphs: Math.min(CAP, longerParagraphs),
    forms: n('form'),
    addresses: n('address'),
    figures: n('figure'),
    mdArticle: n('mdArticle'),
    mdOther: n('mdOther'),
  };
}
