/** What the comparison reads and what it yields; shared by the worker, the sidebar and the CLI. */

export interface CompareInput {
  id: string;
  siteName: string;
  title: string;
  text: string;
  url: string;
  publishedAt: string | null;
  modifiedAt: string | null;
  lang: string | null;
}

/** One sentence of one article: every item of a comparison points back to these. */
export interface SentenceRef {
  articleId: string;
  /** Index among the article's sentences, as `sentencesOf` numbers them. */
  index: number;
  text: string;
}

/** A statement several reports make, with the sentence that carries it in each. */
export interface SharedStatement {
  text: string;
  sources: SentenceRef[];
  /** Reports (wire copies counted once) that make it. */
  reports: number;
}

export interface OnlyHere {
  articleId: string;
  siteName: string;
  statements: SentenceRef[];
}

export interface FigureMention {
  articleId: string;
  siteName: string;
  /** As written: "145%", "a 90-day deadline". */
  text: string;
  sentence: SentenceRef;
}

/** A figure several reports give alike. */
export interface AgreedFigure {
  text: string;
  kind: string;
  mentions: FigureMention[];
}

/** Reports giving different values for the same thing, side by side. */
export interface FigureDispute {
  /** What the figures are about, in a few words: "deadline", "evacuated residents". */
  subject: string;
  values: { key: string; text: string; mentions: FigureMention[] }[];
}

export interface QuotedPerson {
  speaker: string | null;
  quotes: { text: string; sources: SentenceRef[]; siteNames: string[] }[];
  siteNames: string[];
}

export interface HeadlineWord {
  text: string;
  /** True when no other outlet's headline uses this word. */
  distinctive: boolean;
}

export interface Headline {
  articleId: string;
  siteName: string;
  words: HeadlineWord[];
}

export interface TimelineEntry {
  articleId: string;
  siteName: string;
  title: string;
  publishedAt: string | null;
  modifiedAt: string | null;
  /** Minutes after the first report; null when this report gives no time. */
  minutesAfterFirst: number | null;
}

/** Reports whose text is the same copy (an agency story run by several sites). */
export interface WireGroup {
  articleIds: string[];
  siteNames: string[];
}

export interface Comparison {
  outlets: { articleId: string; siteName: string; title: string; url: string; sentences: number }[];
  /** Reports after folding wire copies together. */
  reports: number;
  agreed: SharedStatement[];
  /** Shared by more than one report but fewer than most. */
  partlyShared: SharedStatement[];
  onlyHere: OnlyHere[];
  figures: { agreed: AgreedFigure[]; disputed: FigureDispute[] };
  quotes: QuotedPerson[];
  headlines: Headline[];
  timeline: TimelineEntry[];
  wire: WireGroup[];
}
