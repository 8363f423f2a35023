/**
 * Two reports side by side: their sentences lined up where they say the same
 * thing, each word that the other sentence lacks marked, and the sentences
 * only one of them has kept in reading order between the pairs.
 */
import { readReport } from './reading';
import { saysEnough, wordTerm, type StorySentence } from './sentences';
import { cosine, SAME_STATEMENT, weigh } from './similarity';
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
  const left = readReport(a).sentences;
  const right = readReport(b).sentences;
  const weighted = weigh([...left, ...right]);
  const wl = weighted.slice(0, left.length);
  const wr = weighted.slice(left.length);

  // Best pairs first, each sentence used once: a sentence takes the partner it is most alike,
  // unless that partner is more alike another sentence of this side.
  const candidates: { i: number; j: number; sim: number }[] = [];
  wl.forEach((x, i) =>
    wr.forEach((y, j) => {
      const sim = cosine(x, y);
      if (sim >= SAME_STATEMENT && saysEnough(left[i]!) && saysEnough(right[j]!)) candidates.push({ i, j, sim });
    }),
  );
  candidates.sort((x, y) => y.sim - x.sim);
  const partner = new Map<number, { j: number; sim: number }>();
  const taken = new Set<number>();
  for (const { i, j, sim } of candidates) {
    if (partner.has(i) || taken.has(j)) continue;
    partner.set(i, { j, sim });
    taken.add(j);
  }

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
