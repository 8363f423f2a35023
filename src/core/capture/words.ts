/**
 * Word counts that stay linear on any text. `Intl.Segmenter` slows down far
 * worse than linearly on one long run of text (160,000 characters take
 * seconds), so text is counted in short pieces cut at white space, and the
 * segmenter is asked only about pieces in scripts written without spaces.
 */
import { countWords } from '../text';
import { isCommon, letterPattern } from './letters';

/** Longest piece handed to the segmenter; it is linear well beyond this. */
const PIECE = 2_000;
/** Scripts whose words are not separated by spaces: only a dictionary-backed segmenter can count them. */
const UNSPACED = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}\p{Script=Myanmar}]/u;
const WORD = letterPattern(/[\p{L}\p{N}]+(?:['’.,][\p{L}\p{N}]+)*/gu);

function countPiece(piece: string, lang: string | null): number {
  // Text in the common ranges (see letters.ts) has no unspaced script either.
  const common = isCommon(piece);
  if (!common && UNSPACED.test(piece)) return countWords(piece, lang);
  const word = common ? WORD.common : WORD.full;
  // One call finds every word: a loop of test() calls crosses into the engine once per word.
  return piece.match(word)?.length ?? 0;
}

export function countWordsLinear(text: string, lang: string | null): number {
  let total = 0;
  for (let start = 0; start < text.length; ) {
    let end = Math.min(text.length, start + PIECE);
    if (end < text.length) {
      const space = text.lastIndexOf(' ', end);
      const line = text.lastIndexOf('\n', end);
      const cut = Math.max(space, line);
      if (cut > start) end = cut;
    }
    total += countPiece(text.slice(start, end), lang);
    start = end;
  }
  return total;
}
