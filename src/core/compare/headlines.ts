/** Headlines side by side, with the words no other outlet's headline uses marked. */
import { wordTerm } from './sentences';
import type { CompareInput, Headline } from './types';

const termOf = (word: string, lang: string | null) => wordTerm(word, lang, false);

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
