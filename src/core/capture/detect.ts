/**
 * Article or not: a single story, as opposed to a home page, a listing, a
 * product, a forum thread, documentation or a service page. Weighs what the
 * page declares about itself against what its text looks like.
 */
import type { Body } from './body';
import type { LinkedData } from './jsonld';

export interface PageSignals {
  ld: LinkedData | null;
  ogType: string | null;
  url: string;
  body: Body;
  /** Words in the chosen body. */
  words: number;
  hasAuthor: boolean;
  hasDate: boolean;
  /** Characters of link text and of all text on the whole page. */
  pageLinkChars: number;
  pageChars: number;
  /** Prices printed on the page ("$12.99", "€40"), counted in its text. */
  prices: number;
  /** The page has shop controls: add-to-cart buttons, price and stock markup. */
  shop: boolean;
  /** Characters of list items and of code on the whole page. */
  pageListChars: number;
  pageCodeChars: number;
}

export interface Verdict {
  isArticle: boolean;
  reason: string | null;
}

const NOT_ARTICLE_TYPES = /^(Product|ProductGroup|Offer|AggregateOffer|DiscussionForumPosting|QAPage|Question|CollectionPage|ItemList|SearchResultsPage|ProfilePage|SoftwareApplication|SoftwareSourceCode|Event|JobPosting|Recipe|Course|Service|LocalBusiness|Store|Restaurant|Hotel|FAQPage|Dataset)$/;

function pathShape(url: string): { root: boolean; slugWords: number; datePath: boolean; listing: boolean } {
  let path = '/';
  try {
    path = new URL(url).pathname;
  } catch {
    // An unparsable address says nothing either way.
  }
  const segments = path.split('/').filter(Boolean);
  const last = (segments[segments.length - 1] ?? '').replace(/\.(html?|php|aspx?)$/i, '');
  return {
    root: segments.length === 0,
    slugWords: last.split(/[-_]+/).filter((w) => /^[\p{L}]{2,}$/u.test(w)).length,
    datePath: /\/(19|20)\d{2}\/\d{1,2}(\/|$)/.test(path),
    listing: /\/(tag|tags|category|categories|topics?|search|archive|page\/\d+|author|products?|shop|collections?|forums?|threads?|questions|docs?|documentation|api|reference|help|support|pricing|services?)(\/|$)/i.test(path),
  };
}

/**
 * Weights of a logistic model over the signals below, fitted on the dev set
 * of the extraction benchmark (1,449 pages: articles, listings, products,
 * forums, documentation, service and collection pages). Every signal is a
 * general property of pages, none names a site. Refitted with
 * scripts/eval/fit-detector.py (L2 0.0003); 10-fold cross-validated on that
 * set it calls articles with precision 0.914 and recall 0.919.
 */
const WEIGHTS = {
  ldArticle: 1.67,
  ogArticle: 1.05,
  declaredOther: -1.75,
  hasDate: 0.58,
  hasAuthor: 1.16,
  datePath: 2.23,
  slug: 2.94,
  listingPath: -3.46,
  root: -0.86,
  words: 0.38,
  paragraphs: 0.96,
  linkShare: -1.72,
  focus: 1.71,
  clutter: -2.02,
  prices: 0.04,
  shop: -1.36,
  listShare: 2.04,
  codeShare: -1.66,
} as const;
const BIAS = -3.6;
/** Fewer words than this is a stub, a teaser or an app shell whatever the page declares. */
const MIN_WORDS = 80;

type Feature = keyof typeof WEIGHTS;

/** The signals the decision weighs, each scaled to about 0..1. */
export function features(s: PageSignals): Record<Feature, number> {
  const shape = pathShape(s.url);
  const types = s.ld?.types ?? [];
  const paragraphs = s.body.blocks.filter((b) => b.kind === 'paragraph' && b.text.length >= 80).length;
  return {
    ldArticle: s.ld?.isArticle ? 1 : 0,
    ogArticle: s.ogType === 'article' ? 1 : 0,
    declaredOther: types.some((t) => NOT_ARTICLE_TYPES.test(t)) || /^(product|profile|video|music|book)/.test(s.ogType ?? '') ? 1 : 0,
    hasDate: s.hasDate ? 1 : 0,
    hasAuthor: s.hasAuthor ? 1 : 0,
    datePath: shape.datePath ? 1 : 0,
    slug: Math.min(shape.slugWords, 8) / 8,
    listingPath: shape.listing ? 1 : 0,
    root: shape.root ? 1 : 0,
    words: Math.log10(1 + s.words) / 4,
    paragraphs: Math.min(paragraphs, 40) / 40,
    linkShare: s.pageChars ? s.pageLinkChars / s.pageChars : 0,
    focus: s.body.pageProse ? s.body.containerProse / s.body.pageProse : 0,
    clutter: s.body.containerProse ? Math.min(1, s.body.containerClutter / s.body.containerProse) : 1,
    prices: Math.min(s.prices, 20) / 20,
    shop: s.shop ? 1 : 0,
    listShare: s.pageChars ? s.pageListChars / s.pageChars : 0,
    codeShare: s.pageChars ? Math.min(1, (4 * s.pageCodeChars) / s.pageChars) : 0,
  };
}

export function decide(s: PageSignals, onFeatures?: (f: Record<string, number>) => void): Verdict {
  const f = features(s);
  onFeatures?.({ ...f, words80: s.words < MIN_WORDS ? 1 : 0 });
  if (s.words < MIN_WORDS) return { isArticle: false, reason: 'too little running text' };
  let score = BIAS;
  for (const key of Object.keys(WEIGHTS) as Feature[]) score += WEIGHTS[key] * f[key];
  if (score > 0) return { isArticle: true, reason: null };
  if (f.root) return { isArticle: false, reason: 'a site’s front page' };
  if (f.declaredOther && !f.ldArticle) return { isArticle: false, reason: 'the page describes itself as something other than an article' };
  return { isArticle: false, reason: 'reads like a listing, a product or a service page' };
}
