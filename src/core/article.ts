/** What a capture yields: the article as the reader saw it on the page. */
export interface CapturedArticle {
  /** Address the reader was on. */
  url: string;
  /** Canonical address with tracking parameters removed; the article's identity. */
  canonicalUrl: string;
  title: string;
  /** Outlet name as the page gives it, or its host name. */
  siteName: string;
  byline: string | null;
  /** ISO 8601, or null when the page does not say. */
  publishedAt: string | null;
  modifiedAt: string | null;
  lang: string | null;
  description: string | null;
  /** Main text, paragraphs separated by blank lines. */
  text: string;
  wordCount: number;
  /** Whether the page looks like a single article rather than a listing or app. */
  isArticle: boolean;
}

/** An article as kept in the local store. */
export interface StoredArticle extends CapturedArticle {
  id: string;
  /** ISO time of the first capture. */
  capturedAt: string;
  /** ISO time of the latest capture of the same canonical URL. */
  updatedAt: string;
}

/** One entry of the related-coverage list. */
export interface RelatedArticle {
  id: string;
  title: string;
  siteName: string;
  url: string;
  publishedAt: string | null;
  wordCount: number;
  /** 0..1, higher is more likely the same event. */
  score: number;
  /** Terms both articles share that weigh most in the score. */
  sharedTerms: string[];
}

/** Words a typical adult reads per minute; used for the reading-time estimate. */
const WORDS_PER_MINUTE = 230;

export function readingMinutes(wordCount: number): number {
  return Math.max(1, Math.round(wordCount / WORDS_PER_MINUTE));
}
