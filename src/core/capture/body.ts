/** Finds the article's main text block and reads it as paragraphs. */

const SKIP = 'nav, aside, footer, header nav, form, script, style, noscript, template, figcaption, button, [role="navigation"], [role="complementary"], [aria-hidden="true"], .share, .social, .newsletter, .related, .comments, #comments';
const BLOCKS = 'p, h2, h3, h4, li, blockquote, pre';
const CANDIDATES = '[itemprop="articleBody"], article, main, [role="main"], #content, .content, .post, .entry-content, .article-body, body';
/** Deepest walk we allow: hostile pages nest far deeper than any article. */
const MAX_BLOCKS = 5_000;

function blocksOf(root: Element): string[] {
  const out: string[] = [];
  for (const el of root.querySelectorAll(BLOCKS)) {
    if (out.length >= MAX_BLOCKS) break;
    if (el.closest(SKIP)) continue;
    // A paragraph inside a list item or quote is read once, via its outermost block.
    if (el.parentElement?.closest(BLOCKS) && root.contains(el.parentElement.closest(BLOCKS))) continue;
    const text = (el.textContent ?? '').replace(/\s+/g, ' ').trim();
    if (text) out.push(text);
  }
  return out;
}

function score(blocks: string[]): number {
  // Long sentence-like blocks are body text; short ones are chrome.
  let total = 0;
  for (const b of blocks) if (b.length >= 60 || /[.!?”"]$/.test(b)) total += b.length;
  return total;
}

export function readBody(doc: Document): string[] {
  const scored = [...doc.querySelectorAll(CANDIDATES)].map((el) => {
    const blocks = blocksOf(el);
    return { el, blocks, score: score(blocks) };
  });
  const top = scored.reduce<(typeof scored)[number] | null>((a, b) => (!a || b.score > a.score ? b : a), null);
  if (!top) return [];
  // The narrowest element that still holds nearly all the body text leaves the least boilerplate.
  const narrow = scored
    .filter((c) => c.score >= top.score * 0.9 && top.el.contains(c.el))
    .sort((a, b) => a.blocks.length - b.blocks.length)[0];
  return (narrow ?? top).blocks;
}
