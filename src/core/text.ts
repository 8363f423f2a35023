/** Language-aware word segmentation with a plain-regex fallback. */

const segmenterCache = new Map<string, Intl.Segmenter>();

function segmenter(lang: string | null): Intl.Segmenter | null {
  if (typeof Intl === 'undefined' || !('Segmenter' in Intl)) return null;
  const key = lang ?? 'und';
  let seg = segmenterCache.get(key);
  if (!seg) {
    try {
      seg = new Intl.Segmenter(lang ?? undefined, { granularity: 'word' });
    } catch {
      seg = new Intl.Segmenter(undefined, { granularity: 'word' });
    }
    segmenterCache.set(key, seg);
  }
  return seg;
}

/** Words of a text in reading order, as written (case kept). */
export function words(text: string, lang: string | null = null): string[] {
  const seg = segmenter(lang);
  if (!seg) return text.match(/[\p{L}\p{N}]+(?:['’][\p{L}]+)?/gu) ?? [];
  const out: string[] = [];
  for (const part of seg.segment(text)) if (part.isWordLike) out.push(part.segment);
  return out;
}

export function countWords(text: string, lang: string | null = null): number {
  return words(text, lang).length;
}

/** Collapses runs of spaces and tabs; keeps paragraph breaks. */
export function normalizeWhitespace(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .replace(/[ \t\u00a0]+/g, ' ')
    .replace(/ *\n */g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/** `text` to be matched literally inside a regular expression. */
export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Shortens to at most `max` characters on a word boundary. */
export function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return `${space > max * 0.6 ? cut.slice(0, space) : cut}…`;
}
