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
  /** Every named author, in page order; `byline` joins them. */
  authors?: string[];
  /** Section or desk the page files the article under. */
  section?: string | null;
  /** Absolute address of the lead image. */
  image?: string | null;
  /** The page says the article is behind a paywall, or the text visibly stops short. */
  paywalled?: boolean;
  /** The capture stopped early (time box or size cap); `text` may be incomplete. */
  truncated?: boolean;
  /** Plain-words reason when `isArticle` is false. */
  notArticleReason?: string | null;
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
  /** Why the two are thought to report the same event. */
  explanation?: Explanation;
  /** Grouped in the same story (by the matcher or by the reader). */
  sameStory?: boolean;
  /** A copy of the same report (wire copy), give or take a few words. */
  sameReport?: boolean;
  /** The reader said these two are the same story. */
  confirmed?: boolean;
}

/** What two articles share, as the related list and the comparison view show it. */
export interface Explanation {
  people: string[];
  organisations: string[];
  places: string[];
  /** Other names both give. */
  names: string[];
  /** Figures both give, as the other article wrote them. */
  figures: string[];
  /** Distinctive words both use, heaviest first. */
  terms: string[];
  /** Whole days between the two publications, when both are dated. */
  daysApart: number | null;
}

/** Words a typical adult reads per minute; used for the reading-time estimate. */
const WORDS_PER_MINUTE = 230;

export function readingMinutes(wordCount: number): number {
  return Math.max(1, Math.round(wordCount / WORDS_PER_MINUTE));
}
