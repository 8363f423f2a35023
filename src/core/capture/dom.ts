/**
 * DOM access for the capture, written to survive the page it reads.
 *
 * In the extension the capture runs in the content script's isolated world,
 * where the page's own changes to built-ins are invisible. The same bundle
 * also runs in the page's main world (the eval, bookmarklet-style tools), and
 * there a page may have replaced `document.querySelectorAll`, `JSON.parse` or
 * array methods. So the built-ins the capture leans on are taken once, when
 * this module loads, and DOM methods are looked up on the prototype rather than
 * on the node, which an instance-level override cannot reach.
 */

export const parseJson: (text: string) => unknown = JSON.parse;
const protoOf: (o: object) => object | null = Object.getPrototypeOf;
const describe = Object.getOwnPropertyDescriptor;
const callBound = Function.prototype.call.bind(Function.prototype.call) as <R>(fn: unknown, self: unknown, ...args: unknown[]) => R;

/**
 * Methods found so far, one table per method name, by the prototype they were
 * looked up from: the capture calls a few of them on every element, so a call
 * costs one lookup. Weak, so the prototypes of closed documents (the eval's
 * many windows) are not kept alive.
 */
const found = new Map<string, WeakMap<object, unknown>>();

/** The method `name` of `node`, skipping any own property a page set on the instance. */
function method(node: object, name: string): unknown {
  const proto = protoOf(node);
  if (!proto) return undefined;
  let known = found.get(name);
  if (!known) found.set(name, (known = new WeakMap()));
  const hit = known.get(proto);
  if (hit !== undefined || known.has(proto)) return hit;
  let value: unknown;
  for (let p: object | null = proto; p; p = protoOf(p)) {
    const d = describe(p, name);
    if (d) {
      value = d.value ?? d.get;
      break;
    }
  }
  known.set(proto, value);
  return value;
}

/**
 * Elements under `root` matching `selector`, as a plain array: the first
 * `max` of them, in document order. Reading an element out of the list gives
 * it a script object, so callers that want a few ask for a few.
 */
export function all(root: ParentNode, selector: string, max = Infinity): Element[] {
  const list = callBound<NodeListOf<Element>>(method(root, 'querySelectorAll'), root, selector);
  const out: Element[] = [];
  const n = Math.min(list.length, max);
  for (let i = 0; i < n; i++) out[out.length] = list[i]!;
  return out;
}

export function first(root: ParentNode, selector: string): Element | null {
  return callBound<Element | null>(method(root, 'querySelector'), root, selector);
}

export function matches(el: Element, selector: string): boolean {
  return callBound<boolean>(method(el, 'matches'), el, selector);
}

/** The getAttribute and getAttributeNames that elements of one prototype answer to. */
interface AttributeMethods {
  get: unknown;
  names: unknown;
}

/**
 * Both methods by prototype, with the last prototype asked about in front:
 * the walk reads the attributes of every element, and three elements in four
 * are of another kind than the one before, so a one-entry cache per method
 * sent most reads back to method()'s two-level search.
 */
const attributeMethodsByProto = new WeakMap<object, AttributeMethods>();
let lastProto: object | null = null;
let lastMethods: AttributeMethods = { get: undefined, names: undefined };

function attributeMethods(el: Element): AttributeMethods {
  const proto = protoOf(el);
  if (proto === lastProto) return lastMethods;
  let methods = proto && attributeMethodsByProto.get(proto);
  if (!methods) {
    methods = { get: method(el, 'getAttribute'), names: method(el, 'getAttributeNames') };
    if (proto) attributeMethodsByProto.set(proto, methods);
  }
  lastProto = proto;
  lastMethods = methods;
  return methods;
}

export function attr(el: Element, name: string): string | null {
  return callBound<string | null>(attributeMethods(el).get, el, name);
}

/** Names of the attributes `el` carries, in the order the markup gives them. */
export function attributeNames(el: Element): string[] {
  return callBound<string[]>(attributeMethods(el).names, el);
}

/**
 * The values of the attributes of `el` named in `wanted`, into `out` at the
 * same positions (null where absent): one call for the names the element
 * has, then only those it has, where most elements carry one or two of them.
 */
export function readAttributes(el: Element, wanted: readonly string[], out: (string | null)[]): void {
  out.fill(null);
  const names = attributeNames(el);
  for (let i = 0; i < names.length; i++) {
    const at = wanted.indexOf(names[i]!);
    if (at >= 0) out[at] = attr(el, names[i]!);
  }
}

/** How many elements under `root` match `selector`, without copying them out. */
export function count(root: ParentNode, selector: string): number {
  return callBound<NodeListOf<Element>>(method(root, 'querySelectorAll'), root, selector).length;
}

/** Whether `el` is inside `container` or comes before it: where an article's headline, byline and dates sit. */
export function inOrBefore(el: Element, container: Element): boolean {
  return container.contains(el) || (el.compareDocumentPosition(container) & 4) !== 0;
}

/** Elements that start a new line: their text never runs into the text beside them. */
const BREAKS = new Set([
  'p', 'div', 'br', 'hr', 'li', 'ul', 'ol', 'dl', 'dt', 'dd', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'section', 'article', 'header',
  'footer', 'aside', 'nav', 'main', 'figure', 'figcaption', 'blockquote', 'pre', 'table', 'tr', 'td', 'th', 'address', 'time',
]);
const UNREAD = new Set(['script', 'style', 'noscript', 'template']);

/**
 * `text` on one line: runs of white space as one space, none at either end.
 * Trimmed before the runs are collapsed: much of what the capture reads is
 * the white space between elements, and that is done without the pattern.
 */
export function oneLine(text: string): string {
  const trimmed = text.trim();
  return trimmed && trimmed.replace(/\s+/g, ' ');
}

/**
 * Text of a subtree with runs of white space collapsed. Unlike textContent,
 * block boundaries become spaces ("<h2>Title</h2><p>Text" reads "Title Text",
 * not "TitleText") and scripts and styles are left out. Stops collecting past
 * `max` characters, for callers that only want short texts.
 */
export function textOf(node: Node | null | undefined, max = Infinity): string {
  if (!node) return '';
  if (node.nodeType === 3) return oneLine((node as Text).data ?? '');
  let out = '';
  // Document order without recursion, so deeply nested markup cannot exhaust the stack.
  let n: Node | null = node.firstChild;
  while (n && out.length <= max) {
    let descend = false;
    if (n.nodeType === 3) out += (n as Text).data;
    else if (n.nodeType === 1) {
      const tag = (n as Element).localName;
      if (BREAKS.has(tag)) out += ' ';
      descend = !UNREAD.has(tag) && n.firstChild !== null;
    }
    if (descend) {
      n = n.firstChild;
      continue;
    }
    while (n && n !== node && !n.nextSibling) {
      n = n.parentNode;
      if (n && n.nodeType === 1 && BREAKS.has((n as Element).localName)) out += ' ';
    }
    n = n && n !== node ? n.nextSibling : null;
  }
  return oneLine(out);
}

/** Hidden by markup alone: we never ask for computed styles, which would force layout on the reader's page. */
export function isHidden(el: Element): boolean {
  readAttributes(el, HIDDEN_ATTRIBUTES, hiddenValues);
  return hiddenBy(hiddenValues[0]!, hiddenValues[1]!, hiddenValues[2]!);
}

const HIDDEN_ATTRIBUTES = ['hidden', 'aria-hidden', 'style'] as const;
const hiddenValues: (string | null)[] = [null, null, null];

/** isHidden from the values of the element's hidden, aria-hidden and style attributes. */
export function hiddenBy(hidden: string | null, ariaHidden: string | null, style: string | null): boolean {
  if (hidden !== null) return true;
  if (ariaHidden === 'true') return true;
  return style !== null && /(?:^|;)\s*(?:display\s*:\s*none|visibility\s*:\s*hidden)/i.test(style);
}

/** A monotonic clock where there is one (browsers, node), the wall clock otherwise. */
export const now: () => number =
  typeof performance !== 'undefined' && typeof performance.now === 'function' ? performance.now.bind(performance) : Date.now;

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ', ndash: '–', mdash: '—', hellip: '…', rsquo: '’', lsquo: '‘', rdquo: '”', ldquo: '“' };

/** Metadata that a CMS escaped twice arrives as "&#8211;" or "&amp;"; decode the common cases. */
export function decodeEntities(text: string): string {
  if (!text.includes('&')) return text;
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, code: string) => {
    if (code[0] === '#') {
      const n = code[1] === 'x' || code[1] === 'X' ? parseInt(code.slice(2), 16) : parseInt(code.slice(1), 10);
      return n > 0 && n < 0x110000 ? String.fromCodePoint(n) : whole;
    }
    return ENTITIES[code.toLowerCase()] ?? whole;
  });
}

/** Collapsed, entity-decoded text, or null when nothing is left. */
export function clean(raw: string | null | undefined): string | null {
  if (!raw) return null;
  const text = oneLine(decodeEntities(raw));
  return text || null;
}
