/**
 * The short lines printed around the headline: where pages put their byline
 * and dateline ("Written by" / "Jane Doe", "Published 4 March 2026"), whatever
 * their markup calls them. Walks the document outward from the headline a few
 * dozen lines each way, so the cost does not grow with the page.
 */
import { all, attr, isHidden, oneLine, textOf } from './dom';

/** Where a byline or a dateline is never printed. */
const SKIP = new Set(['script', 'style', 'noscript', 'template', 'svg', 'head', 'nav', 'footer', 'select', 'button', 'iframe']);

export interface Line {
  text: string;
  /** Class and itemprop of the element holding the text, lower-cased: "post-date updated". */
  hint: string;
}

export interface Around {
  /** Lines before the headline, nearest first. */
  before: Line[];
  /** Lines after the headline, in reading order. */
  after: Line[];
}

function lineOf(node: Node): Line | null {
  const text = oneLine((node.nodeValue ?? '').slice(0, 400));
  if (!text) return null;
  const parent = node.parentNode as Element | null;
  const hint = parent && parent.nodeType === 1 ? `${attr(parent, 'class') ?? ''} ${attr(parent, 'itemprop') ?? ''}`.slice(0, 200).toLowerCase() : '';
  return { text, hint };
}

/** The <h1> that carries the title, or the first visible one. */
export function headlineElement(doc: Document, title: string): Element | null {
  const headings = all(doc, 'h1').filter((h) => !isHidden(h));
  return headings.find((h) => textOf(h) === title) ?? headings[0] ?? null;
}

function skipped(node: Node): boolean {
  return node.nodeType === 1 && (SKIP.has((node as Element).localName) || isHidden(node as Element));
}

/** The next node in document order that is not inside `node`. */
function nextOutside(node: Node): Node | null {
  for (let n: Node | null = node; n; n = n.parentNode) if (n.nextSibling) return n.nextSibling;
  return null;
}

/** Text lines after `start` in document order (not inside it). */
export function linesAfter(start: Node, max: number, maxSteps: number): Line[] {
  return linesFrom(nextOutside(start), max, maxSteps);
}

/** Text lines inside `start` and after it, in document order. */
export function linesWithin(start: Node, max: number, maxSteps: number): Line[] {
  return linesFrom(start.firstChild ?? nextOutside(start), max, maxSteps);
}

function linesFrom(from: Node | null, max: number, maxSteps: number): Line[] {
  const out: Line[] = [];
  let steps = 0;
  for (let n = from; n && out.length < max && steps++ < maxSteps; ) {
    if (skipped(n)) {
      n = nextOutside(n);
      continue;
    }
    if (n.nodeType === 3) {
      const line = lineOf(n);
      if (line) out.push(line);
    }
    n = n.firstChild ?? nextOutside(n);
  }
  return out;
}

/** Text lines before `start`, nearest first. */
function linesBefore(start: Node, max: number, maxSteps: number): Line[] {
  const out: Line[] = [];
  let steps = 0;
  // Reverse document order: the previous sibling's deepest last descendant, else the parent.
  const previous = (n: Node): Node | null => {
    if (n.previousSibling) {
      let p: Node = n.previousSibling;
      while (p.lastChild && !skipped(p)) p = p.lastChild;
      return p;
    }
    return n.parentNode;
  };
  // Neighbouring text nodes share their ancestors: each is judged once.
  const judged = new Map<Node, boolean>();
  const insideSkipped = (node: Node): boolean => {
    const chain: Node[] = [];
    let inside = false;
    for (let p = node.parentNode; p; p = p.parentNode) {
      const known = judged.get(p);
      if (known !== undefined) {
        inside = known;
        break;
      }
      chain.push(p);
      if (skipped(p)) {
        inside = true;
        break;
      }
    }
    for (const p of chain) judged.set(p, inside);
    return inside;
  };
  for (let n = previous(start); n && out.length < max && steps++ < maxSteps; n = previous(n)) {
    if (n.nodeType !== 3) continue;
    if (insideSkipped(n)) continue;
    const line = lineOf(n);
    if (line) out.push(line);
  }
  return out;
}

export function linesAround(headline: Element | null, before = 12, after = 30): Around {
  if (!headline) return { before: [], after: [] };
  return { before: linesBefore(headline, before, 400), after: linesAfter(headline, after, 800) };
}
