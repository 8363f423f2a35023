import type { CapturedArticle } from '../article';
import { countWords, normalizeWhitespace } from '../text';
import { canonicalizeUrl, displayHost } from '../url';
import { readBody } from './body';
import { readJsonLd } from './jsonld';
import { metaContent, toIsoDate } from './meta';

/** Fewest words a page that declares itself an article needs: news briefs are short. */
const MIN_DECLARED_WORDS = 80;
/** An undeclared page must look like running prose at some length to count. */
const MIN_UNDECLARED_WORDS = 150;

function firstText(doc: Document, selector: string): string | null {
  const text = doc.querySelector(selector)?.textContent?.replace(/\s+/g, ' ').trim();
  return text || null;
}

function cleanByline(raw: string | null): string | null {
  if (!raw) return null;
  const text = raw.replace(/^\s*by\s+/i, '').replace(/\s+/g, ' ').trim();
  return text && text.length <= 200 ? text : null;
}

/**
 * Captures the article in `doc`. Pure with respect to the browser: it reads
 * only the Document it is given, so the content script and the CLI share it.
 */
export function captureDocument(doc: Document, pageUrl: string): CapturedArticle {
  const ld = readJsonLd(doc);
  const canonicalHref = doc.querySelector('link[rel="canonical"]')?.getAttribute('href');
  const canonicalUrl =
    canonicalizeUrl(canonicalHref ?? '', pageUrl) ??
    canonicalizeUrl(metaContent(doc, 'og:url') ?? '', pageUrl) ??
    canonicalizeUrl(pageUrl) ??
    pageUrl;

  const title =
    ld?.headline ??
    metaContent(doc, 'og:title', 'twitter:title') ??
    firstText(doc, 'h1') ??
    (doc.title.trim() || displayHost(pageUrl));

  const byline = cleanByline(
    (ld?.authors.length ? ld.authors.join(', ') : null) ??
      metaContent(doc, 'author', 'article:author', 'byl', 'parsely-author') ??
      firstText(doc, '[rel="author"], [itemprop="author"], .byline, .author'),
  );

  const publishedAt = toIsoDate(
    ld?.datePublished ??
      metaContent(doc, 'article:published_time', 'datePublished', 'pubdate', 'date', 'dc.date') ??
      doc.querySelector('time[datetime]')?.getAttribute('datetime'),
  );
  const modifiedAt = toIsoDate(ld?.dateModified ?? metaContent(doc, 'article:modified_time', 'dateModified'));

  const paragraphs = readBody(doc);
  const text = normalizeWhitespace(paragraphs.join('\n\n'));
  const lang = doc.documentElement.getAttribute('lang')?.trim() || null;
  const wordCount = countWords(text, lang);
  const declaredArticle = Boolean(ld?.isArticle) || metaContent(doc, 'og:type') === 'article';

  return {
    url: pageUrl,
    canonicalUrl,
    title: title.slice(0, 500),
    siteName: ld?.publisher ?? metaContent(doc, 'og:site_name', 'application-name') ?? displayHost(canonicalUrl),
    byline,
    publishedAt,
    modifiedAt,
    lang,
    description: metaContent(doc, 'description', 'og:description'),
    text,
    wordCount,
    isArticle: declaredArticle ? wordCount >= MIN_DECLARED_WORDS : wordCount >= MIN_UNDECLARED_WORDS && paragraphs.length >= 4,
  };
}
