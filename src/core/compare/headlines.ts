/** Headlines side by side, with the words no other outlet's headline uses marked. */
import { isContentTerm, normalizeTerm } from '../analysis';
import type { CompareInput, Headline } from './types';

const WORD = /[\p{L}\p{N}][\p{L}\p{N}'’.%$-]*/u;

function termOf(word: string, lang: string | null): string | null {
  const core = WORD.exec(word)?.[0].replace(/[.'’]+$/, '');
  if (!core) return null;
  const term = normalizeTerm(core, lang);
  return isContentTerm(term) || /\d/.test(term) ? term : null;
}

export function compareHeadlines(articles: CompareInput[]): Headline[] {
  const split = articles.map((a) => a.title.split(/\s+/).filter(Boolean));
  const terms = articles.map((a, i) => new Set(split[i]!.map((w) => termOf(w, a.lang)).filter((t): t is string => t !== null)));
  return articles.map((a, i) => ({
    articleId: a.id,
    siteName: a.siteName,
    words: split[i]!.map((text) => {
      const term = termOf(text, a.lang);
      const distinctive = articles.length > 1 && term !== null && terms.every((set, j) => j === i || !set.has(term));
      return { text, distinctive };
    }),
  }));
}
