/**
 * Two reports side by side: their sentences lined up where they say the same
 * thing, each word that the other sentence lacks marked, and the sentences
 * only one of them has kept in reading order between the pairs.
 */
import { sentencesOf, wordTerm, type StorySentence } from './sentences';
import { CLEARLY_SAME, cosine, SAME_STATEMENT, weigh } from './similarity';
import type { CompareInput, SentenceRef } from './types';


export interface MarkedWord {
  text: string;
  /** True when the sentence on the other side has no such word. */
  changed: boolean;
}

export interface AlignedRow {
  left: { ref: SentenceRef; words: MarkedWord[] } | null;
  right: { ref: SentenceRef; words: MarkedWord[] } | null;
  /** 0..1 for a pair, 0 for a sentence only one side has. */
  similarity: number;
}

export interface PairAlignment {
  left: { articleId: string; siteName: string; title: string; url: string };
  right: { articleId: string; siteName: string; title: string; url: string };
  rows: AlignedRow[];
}

const termOf = (word: string, lang: string | null) => wordTerm(word, lang, true);

function mark(text: string, other: string | null, lang: string | null): MarkedWord[] {
  const theirs = new Set(
    (other ?? '')
      .split(/\s+/)
      .map((w) => termOf(w, lang))
      .filter((t): t is string => t !== null),
  );
  return text
    .split(/\s+/)
    .filter(Boolean)
    .map((word) => {
      const term = termOf(word, lang);
      return { text: word, changed: other !== null && term !== null && !theirs.has(term) };
    });
}

export function alignPair(a: CompareInput, b: CompareInput): PairAlignment {
  const left = sentencesOf(a);
  const right = sentencesOf(b);
  const weighted = weigh([...left, ...right]);
  const wl = weighted.slice(0, left.length);
  const wr = weighted.slice(left.length);

  const bestOf = (i: number, from: typeof wl, to: typeof wr) => {
    let best = -1;
    let sim = 0;
    to.forEach((w, j) => {
      const s = cosine(from[i]!, w);
      if (s > sim) [best, sim] = [j, s];
    });
    return { best, sim };
  };
  const rightBest = wr.map((_, j) => bestOf(j, wr, wl).best);
  const partner = new Map<number, { j: number; sim: number }>();
  const taken = new Set<number>();
  left.forEach((_, i) => {
    const { best, sim } = bestOf(i, wl, wr);
    if (best < 0 || sim < SAME_STATEMENT || taken.has(best)) return;
    if (rightBest[best] === i || sim >= CLEARLY_SAME) {
      partner.set(i, { j: best, sim });
      taken.add(best);
    }
  });

  const lang = a.lang;
  const side = (s: StorySentence, other: StorySentence | null, l: string | null) => ({ ref: s.ref, words: mark(s.ref.text, other?.ref.text ?? null, l) });
  const rows: AlignedRow[] = [];
  let nextRight = 0;
  const flushRightUntil = (j: number) => {
    for (; nextRight < j; nextRight++) {
      if (!taken.has(nextRight)) rows.push({ left: null, right: side(right[nextRight]!, null, b.lang), similarity: 0 });
    }
  };
  left.forEach((s, i) => {
    const p = partner.get(i);
    if (!p) {
      rows.push({ left: side(s, null, lang), right: null, similarity: 0 });
      return;
    }
    // Sentences the right side tells before this pair stay before it; a pair the right tells earlier does not pull others back.
    if (p.j >= nextRight) flushRightUntil(p.j);
    rows.push({ left: side(s, right[p.j]!, lang), right: side(right[p.j]!, s, b.lang), similarity: p.sim });
    nextRight = Math.max(nextRight, p.j + 1);
  });
  flushRightUntil(right.length);

  const head = (x: CompareInput) => ({ articleId: x.id, siteName: x.siteName, title: x.title, url: x.url });
  return { left: head(a), right: head(b), rows };
}
