/**
 * One walk over the page that cuts its visible text into blocks (paragraphs,
 * headings, list items…), each tied to the element that holds it, with the
 * share of its text that is link text. Everything after works on blocks.
 */
import { attr, attributeNames, count, hiddenBy, now, oneLine } from './dom';

export type BlockKind = 'paragraph' | 'heading' | 'title' | 'item' | 'quote' | 'code' | 'cell' | 'caption' | 'text';

export interface Block {
  /** Innermost block-level element holding the text. */
  el: Element;
  kind: BlockKind;
  text: string;
  /** Characters of `text` inside links. */
  linkChars: number;
}

export interface Walk {
  blocks: Block[];
  /** Elements visited. */
  elements: number;
  /** The walk stopped early (time box, element cap or nesting depth); the text may be incomplete. */
  truncated: boolean;
}

export interface WalkLimits {
  /**
   * Read elements the markup hides. For pages whose text only arrives hidden
   * (streamed server rendering that a script reveals), as a second pass.
   */
  includeHidden?: boolean;
  /** Time by `now()` at which to stop walking. */
  deadline: number;
  maxElements: number;
  maxDepth: number;
  /** Most characters of text the walk collects; a page with more is cut off here. */
  maxChars: number;
}

/** Never part of what a reader reads. */
const SKIP_TAGS = new Set([
  'script', 'style', 'noscript', 'template', 'svg', 'math', 'canvas', 'iframe', 'frame', 'frameset', 'object', 'embed',
  'video', 'audio', 'picture', 'img', 'select', 'option', 'textarea', 'input', 'button', 'dialog',
  'head', 'title', 'meta', 'link',
]);

/**
 * Landmarks that are never the article, unless the markup left one unclosed
 * and the parser nested the rest of the page inside it: then it holds most of
 * the page's paragraphs and is read like any other element.
 */
const LANDMARK_TAGS = new Set(['nav', 'aside', 'footer']);

const KIND: Record<string, BlockKind> = {
  p: 'paragraph', h1: 'title', h2: 'heading', h3: 'heading', h4: 'heading', h5: 'heading', h6: 'heading',
  li: 'item', dt: 'item', dd: 'item', blockquote: 'quote', pre: 'code', td: 'cell', th: 'cell', figcaption: 'caption',
};

/** Tags that end the current line of text. */
const BLOCK_TAGS = new Set([
  ...Object.keys(KIND), 'div', 'section', 'article', 'main', 'header', 'ul', 'ol', 'dl', 'table', 'thead', 'tbody', 'tfoot',
  'tr', 'figure', 'address', 'hr', 'br', 'center', 'details', 'summary', 'fieldset', 'form', 'body', 'html',
]);

const SKIP_ROLES = /^(navigation|complementary|banner|contentinfo|search|dialog|alertdialog|menu|menubar|toolbar|tablist)$/;

/**
 * Class or id words of page furniture. A word is one part of a name split at
 * "-", "_" or a case change. Strong words mark furniture wherever they appear;
 * weak ones only when the name does not end in a content word ("entry-meta" is
 * furniture, "meta-content" is not).
 */
const STRONG = new Set([
  'share', 'sharing', 'sharebar', 'social', 'newsletter', 'subscribe', 'signup', 'related', 'recommended', 'recommendations',
  'comment', 'comments', 'sidebar', 'cookie', 'cookies', 'consent', 'advert', 'advertisement', 'ad', 'ads', 'outbrain',
  'taboola', 'disqus', 'breadcrumb', 'breadcrumbs', 'popup', 'modal', 'navbar', 'sronly', 'screenreader', 'visuallyhidden',
]);
const WEAK = new Set([
  'promo', 'sponsored', 'tags', 'pagination', 'pager', 'menu', 'nav', 'navigation', 'footer', 'masthead',
  'toolbar', 'print', 'author', 'caption', 'credit', 'credits', 'bio', 'byline', 'meta', 'toc', 'subscription', 'offscreen',
]);
const CONTENT_WORDS = new Set(['content', 'body', 'article', 'story', 'entry', 'post', 'text', 'main', 'prose']);
/** Layout wrappers often carry a furniture word ("content-sidebar-wrap") around the whole article. */
const LAYOUT_WORDS = new Set(['wrap', 'wrapper', 'container', 'layout', 'page', 'site', 'inner', 'outer', 'grid', 'row', 'col', 'columns', 'has', 'with', 'no']);

/**
 * A furniture name on an element holding more than this share of the page's
 * paragraphs is a layout class ("has-sidebar", "theiaStickySidebar"), not furniture.
 */
const MAX_FURNITURE_SHARE = 0.3;

/** An element named only by weak furniture words that holds this many paragraphs is a section of text ("content-nav-section"). */
const WEAK_MAX_PARAGRAPHS = 4;

/**
 * The attributes the walk reads on every element, taken with one call for
 * their names: most elements carry one or two attributes of the six, and
 * asking for each of the six by name costs more than the whole list. The
 * walk's own copy of dom.ts `readAttributes`: written through that helper
 * (a search of the wanted list per name), whole captures measured 2 to 10%
 * slower in Chromium over 200 pages, three paired runs.
 */
interface WalkAttributes {
  hidden: string | null;
  ariaHidden: string | null;
  style: string | null;
  role: string | null;
  cls: string | null;
  id: string | null;
}

function readWalkAttributes(el: Element, into: WalkAttributes): void {
  into.hidden = into.ariaHidden = into.style = into.role = into.cls = into.id = null;
  const names = attributeNames(el);
  for (let i = 0; i < names.length; i++) {
    const name = names[i]!;
    if (name === 'class') into.cls = attr(el, name);
    else if (name === 'id') into.id = attr(el, name);
    else if (name === 'style') into.style = attr(el, name);
    else if (name === 'role') into.role = attr(el, name);
    else if (name === 'hidden') into.hidden = attr(el, name);
    else if (name === 'aria-hidden') into.ariaHidden = attr(el, name);
  }
}

function isFurniture(el: Element, tag: string, pageParagraphs: number, attrs: WalkAttributes): boolean {
  if (tag === 'body' || tag === 'main' || tag === 'article' || tag === 'html') return false;
  const landmark = LANDMARK_TAGS.has(tag);
  const role = attrs.role;
  const verdict = landmark || (role && SKIP_ROLES.test(role)) ? 'strong' : furnitureName(attrs.cls, attrs.id);
  if (!verdict) return false;
  const paragraphs = count(el, 'p');
  if (verdict === 'weak' && paragraphs >= WEAK_MAX_PARAGRAPHS) return false;
  return landmark ? paragraphs <= Math.max(3, pageParagraphs * 0.5) : paragraphs <= Math.max(1, pageParagraphs * MAX_FURNITURE_SHARE);
}

/** Verdicts on class-and-id strings already seen: pages repeat the same few thousands of times. */
type NameVerdict = 'strong' | 'weak' | false;
const furnitureNames = new Map<string, NameVerdict>();

function furnitureName(cls: string | null, id: string | null): NameVerdict {
  if (cls === null && id === null) return false;
  // Most elements have a class and no id: then the class string itself, which the DOM hands over again and
  // again, is the key, sparing a new string (and its hashing) per element. Only white space separates names.
  const names = id === null ? cls! : `${cls ?? ''} ${id}`;
  if (!names) return false;
  let verdict = furnitureNames.get(names);
  if (verdict === undefined) {
    verdict = namesFurniture(names);
    // Bounded, so a page of unique generated class names cannot grow it without end.
    if (furnitureNames.size > 5_000) furnitureNames.clear();
    furnitureNames.set(names, verdict);
  }
  return verdict;
}

/** What one class or id name says: `layout` names are passed over (see LAYOUT_WORDS). */
type OneName = NameVerdict | 'layout';
/** Verdicts on single names: sites build class lists from a small stock of names. */
const oneNames = new Map<string, OneName>();

function namesFurniture(names: string): NameVerdict {
  let weak = false;
  for (const name of names.split(/\s+/)) {
    if (!name || name.length > 60) continue;
    let verdict = oneNames.get(name);
    if (verdict === undefined) {
      verdict = nameFurniture(name);
      if (oneNames.size > 5_000) oneNames.clear();
      oneNames.set(name, verdict);
    }
    if (verdict === 'strong') return 'strong';
    if (verdict === 'weak') weak = true;
  }
  return weak ? 'weak' : false;
}

/**
 * Every furniture word, found anywhere in a name with its separators taken
 * out. A name without one cannot be furniture, and most names have none: one
 * test spares them the split into words.
 */
const ANY_FURNITURE_WORD = new RegExp([...STRONG, ...WEAK].join('|'));

function nameFurniture(name: string): OneName {
  // Words and joined neighbours are runs of the lower-cased name once "-" and "_" are gone.
  if (!ANY_FURNITURE_WORD.test(name.toLowerCase().replace(/[-_]+/g, ''))) return false;
  const words = name.replace(/([a-z])([A-Z])/g, '$1-$2').toLowerCase().split(/[-_]+/);
  if (words.some((w) => LAYOUT_WORDS.has(w))) return 'layout';
  const endsInContent = CONTENT_WORDS.has(words[words.length - 1]!);
  let weak = false;
  for (let i = 0; i < words.length; i++) {
    // "sr-only" and "screen-reader" arrive as two words; joined neighbours count too.
    const w = words[i]!;
    const joined = w + (words[i + 1] ?? '');
    if (STRONG.has(w) || STRONG.has(joined)) return 'strong';
    if (!endsInContent && (WEAK.has(w) || WEAK.has(joined))) weak = true;
  }
  return weak ? 'weak' : false;
}

/**
 * Streaming server rendering (React, Next) sends late parts of a page as
 * hidden <div id="S:n"> chunks that a script then moves into place. The reader
 * sees them, so the walk reads them where they stand.
 */
function isStreamedChunk(id: string | null): boolean {
  return /^S:\d+$/.test(id ?? '');
}

/** Walks `root` and returns its text blocks in reading order. */
export function walkBlocks(root: Element, limits: WalkLimits): Walk {
  const blocks: Block[] = [];
  let elements = 0;
  let truncated = false;
  // The block being filled: owner element, kind, text so far, link characters so far.
  let owner: Element = root;
  let kind: BlockKind = 'text';
  let buffer = '';
  let linkChars = 0;
  /** Characters collected so far, to stop at maxChars. */
  let collected = 0;
  const pageParagraphs = count(root, 'p');
  const attrs: WalkAttributes = { hidden: null, ariaHidden: null, style: null, role: null, cls: null, id: null };

  function hiddenOrFurniture(el: Element, tag: string): boolean {
    readWalkAttributes(el, attrs);
    if (!limits.includeHidden && hiddenBy(attrs.hidden, attrs.ariaHidden, attrs.style) && !isStreamedChunk(attrs.id)) return true;
    return isFurniture(el, tag, pageParagraphs, attrs);
  }

  function flush(): void {
    // Nested block elements flush with nothing collected in between (and then no link text either).
    if (buffer === '') return;
    const text = oneLine(buffer);
    if (text) blocks.push({ el: owner, kind, text, linkChars: Math.min(linkChars, text.length) });
    buffer = '';
    linkChars = 0;
  }

  function visit(el: Element, depth: number, inLink: boolean): void {
    for (let child = el.firstChild; child; child = child.nextSibling) {
      if (truncated) return;
      const type = child.nodeType;
      if (type === 3) {
        let value = (child as Text).data;
        if (collected + value.length > limits.maxChars) {
          value = value.slice(0, Math.max(0, limits.maxChars - collected));
          truncated = true;
        }
        collected += value.length;
        buffer += value;
        if (inLink) linkChars += value.trim().length;
        continue;
      }
      if (type !== 1) continue;
      const node = child as Element;
      if (++elements > limits.maxElements || depth >= limits.maxDepth || ((elements & 63) === 0 && now() > limits.deadline)) {
        truncated = true;
        return;
      }
      const tag = node.localName;
      if (SKIP_TAGS.has(tag) || hiddenOrFurniture(node, tag)) {
        // A skipped element still separates the words either side of it.
        buffer += ' ';
        continue;
      }
      // A paragraph wrapped by hand (pasted from a mail or a PDF) is one paragraph: cut at each <br>, its lines read as labels, not prose.
      if (tag === 'br' && kind === 'paragraph') {
        buffer += ' ';
        continue;
      }
      if (BLOCK_TAGS.has(tag)) {
        flush();
        const outerOwner = owner;
        const outerKind = kind;
        const lineBreak = tag === 'br' || tag === 'hr';
        owner = lineBreak ? outerOwner : node;
        kind = KIND[tag] ?? (lineBreak ? outerKind : 'text');
        visit(node, depth + 1, inLink);
        flush();
        owner = outerOwner;
        kind = outerKind;
      } else {
        visit(node, depth + 1, inLink || tag === 'a');
      }
    }
  }

  visit(root, 0, false);
  flush();
  return { blocks, elements, truncated };
}
