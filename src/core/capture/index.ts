/**
 * Captures the article in a Document. Pure with respect to the browser: it
 * reads only the Document it is given, so the content script, the eval and the
 * CLI run the same code. Never throws; a page it cannot read comes back as a
 * not-article with the reason.
 */
import type { CapturedArticle } from '../article';
import { normalizeWhitespace } from '../text';
import { canonicalizeUrl, displayHost } from '../url';
import { headlineElement, linesAround } from './around';
import { walkBlocks } from './blocks';
import { dropAuthorBio, selectBody } from './body';
import { bylineBesideHeadline, pickByline } from './byline';
import { classWordsOf } from './class-words';
import { decide, type FeatureRow } from './detect';
import { attr, clean, first, now, textOf } from './dom';
import { readJsonLd } from './jsonld';
import { metaValue, readMeta } from './meta';
import { readPageShape } from './page-shape';
import { pickDates } from './published';
import { pickTitle, stripSiteName } from './title';
import { readWording } from './wording';
import { countWordsLinear } from './words';

/**
 * Markup only shops print: cart buttons and forms, offer prices and stock.
 * The cart class names are tried only on classes holding "add": each
 * case-blind search of a class list costs about as much as the rest of the
 * query, and this one check stands in for three on almost every element.
 */
const SHOP_CONTROLS =
  '[class*="add" i]:is([class*="add-to-cart" i], [class*="addtocart" i], [class*="add-to-bag" i]), [id*="add-to-cart" i], [name="add-to-cart"], form[action*="cart" i], [itemprop="price"], [class*="product-price" i], [itemprop="availability"]';

/** A title that opens with a number, as list stories' do ("10 ways to…", "5 things we learned"). */
const NUMBERED_TITLE = /^\d+\b/;

export interface CaptureOptions {
  /** Receives the article-detection signals; for fitting the detector's weights. */
  onFeatures?: (features: FeatureRow) => void;
  /** Milliseconds the capture may spend before it settles for what it has. */
  timeBudgetMs?: number;
  /** Most elements the body walk visits. */
  maxElements?: number;
}

const DEFAULTS = { timeBudgetMs: 250, maxElements: 150_000 };
/** Deeper nesting than this is a hostile or broken page, not an article layout. */
const MAX_DEPTH = 256;
/** Below this many characters of visible prose, hidden markup is read too (see WalkLimits.includeHidden). */
const MIN_VISIBLE_PROSE = 500;
/** Longest text we hand on: far beyond any article, well inside the message size limit. */
const MAX_TEXT = 1_000_000;

export function captureDocument(doc: Document, pageUrl: string, options: CaptureOptions = {}): CapturedArticle {
  try {
    return capture(doc, pageUrl, { ...DEFAULTS, ...options });
  } catch (err) {
    return unreadable(doc, pageUrl, err);
  }
}

function capture(doc: Document, pageUrl: string, opts: typeof DEFAULTS & CaptureOptions): CapturedArticle {
  const deadline = now() + opts.timeBudgetMs;
  const ld = readJsonLd(doc);
  const meta = readMeta(doc);

  const canonicalHref = attr(first(doc, 'link[rel~="canonical" i]') ?? doc.documentElement, 'href');
  const canonicalUrl =
    canonicalizeUrl(canonicalHref ?? '', pageUrl) ?? canonicalizeUrl(metaValue(meta, 'og:url') ?? '', pageUrl) ?? canonicalizeUrl(pageUrl) ?? pageUrl;
  const siteName = ld?.publisher ?? metaValue(meta, 'og:site_name', 'application-name', 'publisher') ?? displayHost(canonicalUrl);

  const root = doc.body ?? doc.documentElement;
  // The walk may collect a little more than we keep: the furniture it drops comes out of the same allowance.
  const limits = { deadline, maxElements: opts.maxElements, maxDepth: MAX_DEPTH, maxChars: MAX_TEXT * 1.5 };
  let walk = walkBlocks(root, limits);
  let body = selectBody(walk);
  if (body.pageProse < MIN_VISIBLE_PROSE && !walk.truncated) {
    const hidden = walkBlocks(root, { ...limits, includeHidden: true });
    const second = selectBody(hidden);
    if (second.pageProse > body.pageProse * 2) [walk, body] = [hidden, second];
  }

  const docTitle = clean(textOf(first(doc, 'title')));
  const title =
    pickTitle(doc, [ld?.headline ?? null, metaValue(meta, 'og:title', 'twitter:title'), docTitle], siteName, body.container) ??
    (docTitle ? stripSiteName(docTitle, siteName) : displayHost(pageUrl));

  // Past the time box, metadata alone names the author and the date: the scans of visible text are skipped.
  const scanPage = now() <= deadline;
  const around = scanPage ? linesAround(headlineElement(doc, title)) : { before: [], after: [] };
  const { byline, authors } = pickByline(doc, ld, meta, body.container, around, siteName, scanPage);
  const dates = pickDates(doc, ld, meta, body.container, around, scanPage, pageUrl);

  let text = normalizeWhitespace(dropAuthorBio(body.blocks, authors).map((b) => b.text).join('\n\n'));
  const truncated = walk.truncated || text.length > MAX_TEXT;
  if (text.length > MAX_TEXT) text = text.slice(0, MAX_TEXT);
  const lang = clean(attr(doc.documentElement, 'lang')) ?? ld?.language ?? metaValue(meta, 'og:locale', 'content-language', 'language');
  const wordCount = countWordsLinear(text, lang);

  const verdict = decide({
    ld,
    ogType: metaValue(meta, 'og:type')?.toLowerCase() ?? null,
    url: canonicalUrl,
    body,
    words: wordCount,
    hasAuthor: byline !== null,
    hasDate: dates.publishedAt !== null,
    shop: first(doc, SHOP_CONTROLS) !== null,
    shape: readPageShape(doc, walk.blocks, scanPage),
    wording: readWording(text, title),
    dateline: dates.dateline,
    bylineShown: bylineBesideHeadline(around) !== null,
    numberedTitle: NUMBERED_TITLE.test(docTitle ?? ''),
    classWords: scanPage ? classWordsOf(doc) : new Set(),
  }, opts.onFeatures);

  const imageRaw = metaValue(meta, 'og:image', 'og:image:url', 'twitter:image', 'twitter:image:src') ?? ld?.image ?? null;
  return {
    url: pageUrl,
    canonicalUrl,
    title: title.slice(0, 500),
    siteName: siteName.slice(0, 300),
    byline,
    publishedAt: dates.publishedAt,
    modifiedAt: dates.modifiedAt,
    lang: lang?.slice(0, 35) ?? null,
    description: (metaValue(meta, 'description', 'og:description', 'twitter:description') ?? ld?.description)?.slice(0, 2_000) ?? null,
    text,
    wordCount,
    isArticle: verdict.isArticle,
    authors,
    section: (metaValue(meta, 'article:section', 'parsely-section', 'section') ?? ld?.section)?.slice(0, 300) ?? null,
    image: absolute(imageRaw, pageUrl),
    paywalled: Boolean(ld?.paywalled) || first(doc, '[class*="paywall" i], [id*="paywall" i]') !== null,
    truncated,
    notArticleReason: verdict.reason,
  };
}

function absolute(raw: string | null, base: string): string | null {
  if (!raw) return null;
  try {
    const url = new URL(raw, base);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
  } catch {
    return null;
  }
}

function unreadable(doc: Document, pageUrl: string, err: unknown): CapturedArticle {
  let title = displayHost(pageUrl);
  try {
    title = clean(doc.title) ?? title;
  } catch {
    // The page broke even its title; the host name will do.
  }
  const canonicalUrl = canonicalizeUrl(pageUrl) ?? pageUrl;
  return {
    url: pageUrl,
    canonicalUrl,
    title: title.slice(0, 500),
    siteName: displayHost(canonicalUrl),
    byline: null,
    publishedAt: null,
    modifiedAt: null,
    lang: null,
    description: null,
    text: '',
    wordCount: 0,
    isArticle: false,
    notArticleReason: `the page could not be read (${err instanceof Error ? err.name : 'error'})`,
  };
}
