/**
 * Article or not: a single story, as opposed to a home page, a listing, a
 * product, a forum thread, documentation or a service page. Weighs what the
 * page declares about itself against what its text looks like.
 */
import type { Body } from './body';
import type { LinkedData } from './jsonld';
import type { PageShape } from './page-shape';
import type { Wording } from './wording';
import { classWordScore } from './class-words';
import { letterPattern, patternFor } from './letters';
import { BIAS, TREES, WEIGHTS, type Tree } from './detector-model';

export interface PageSignals {
  ld: LinkedData | null;
  ogType: string | null;
  url: string;
  body: Body;
  /** Words in the chosen body. */
  words: number;
  hasAuthor: boolean;
  hasDate: boolean;
  /** The page has shop controls: add-to-cart buttons, price and stock markup. */
  shop: boolean;
  /** How the page is built: forum, docs, listing and shop structure. */
  shape: PageShape;
  /** How the body text addresses its reader. */
  wording: Wording;
  /**
   * A date, and a byline ("By …"), printed beside the headline: a story is
   * signed and dated where it starts, a service page or a listing rarely is,
   * whatever their metadata declare.
   */
  dateline: boolean;
  bylineShown: boolean;
  /** The document's title opens with a number ("10 ways to…"): a list story's headline, rarely a service or docs page's. */
  numberedTitle: boolean;
  /** The words of the page's class and id values (class-words.ts). */
  classWords: ReadonlySet<string>;
}

export interface Verdict {
  isArticle: boolean;
  reason: string | null;
}

const NOT_ARTICLE_TYPES = /^(Product|ProductGroup|Offer|AggregateOffer|DiscussionForumPosting|QAPage|Question|CollectionPage|ItemList|SearchResultsPage|ProfilePage|SoftwareApplication|SoftwareSourceCode|Event|JobPosting|Recipe|Course|Service|LocalBusiness|Store|Restaurant|Hotel|FAQPage|Dataset)$/;

interface PathShape {
  root: boolean;
  slugWords: number;
  datePath: boolean;
  listing: boolean;
  forum: boolean;
  docs: boolean;
  shop: boolean;
  list: boolean;
  service: boolean;
  depth: number;
  query: boolean;
  numericId: boolean;
  htmlExt: boolean;
  serviceHost: boolean;
}

const SLUG_WORD = letterPattern(/^[\p{L}]{2,}$/u);

function pathShape(url: string): PathShape {
  let path = '/';
  let host = '';
  let query = false;
  try {
    const u = new URL(url);
    path = u.pathname;
    host = u.hostname;
    query = u.search.length > 1;
  } catch {
    // An unparsable address says nothing either way.
  }
  const segments = path.split('/').filter(Boolean);
  const last = (segments[segments.length - 1] ?? '').replace(/\.(html?|php|aspx?)$/i, '');
  return {
    root: segments.length === 0,
    slugWords: last.split(/[-_]+/).filter((w) => patternFor(SLUG_WORD, w).test(w)).length,
    datePath: /\/(19|20)\d{2}\/\d{1,2}(\/|$)/.test(path),
    listing: /\/(tag|tags|category|categories|topics?|search|archive|page\/\d+|author|products?|shop|collections?|forums?|threads?|questions|docs?|documentation|api|reference|help|support|pricing|services?)(\/|$)/i.test(path),
    forum: /\/(forums?|threads?|topics?|t|questions?|q|community|discussions?|boards?|viewtopic|showthread)([/.-]|$)/i.test(path),
    docs: /\/(docs?|documentation|api|reference|manual|guides?|wiki|learn|kb|knowledge-?base|tutorials?|sdk|v\d+(\.\d+)*)(\/|$)/i.test(path),
    shop: /\/(products?|shop|store|items?|p|dp|buy|cart|catalog|sku)(\/|$)/i.test(path),
    list: /\/(tags?|category|categories|archives?|search|page\/\d+|authors?|collections?|sections?|latest|all)(\/|$)/i.test(path),
    service: /\/(services?|pricing|plans|contact|about|about-us|solutions|features|company|careers|locations?)(\/|$)/i.test(path),
    depth: segments.length,
    query,
    numericId: segments.some((s) => /^\d{5,}$/.test(s) || /[-_]\d{5,}(\.html?)?$/.test(s)),
    htmlExt: /\.(s?html?|php|aspx?)$/i.test(path),
    serviceHost: /^(docs|developers?|support|help|forums?|community|discuss|shop|store|api|learn|kb|wiki)\./i.test(host),
  };
}

/**
 * The decision is a logistic model over the signals below plus a few small
 * boosted trees for the interactions it cannot weigh on its own (say, many
 * post blocks on a page with no article markup). Fitted on the dev set of the
 * extraction benchmark (articles, listings, products, forums, documentation,
 * service and collection pages) by scripts/eval/fit-detector.py, which also
 * cross-validates it. Every signal is a general property of pages, none names
 * a site.
 */
/** Fewer words than this is a stub, a teaser or an app shell whatever the page declares. */
const MIN_WORDS = 80;

const PRODUCT_TYPES = /^(Product|ProductGroup|Offer|AggregateOffer|IndividualProduct|ProductModel)$/;
const FORUM_TYPES = /^(DiscussionForumPosting|QAPage|Question|Answer|Comment)$/;
const COLLECTION_TYPES = /^(CollectionPage|ItemList|SearchResultsPage|ListItem|OfferCatalog)$/;
const SERVICE_TYPES = /^(Service|LocalBusiness|Store|Restaurant|Hotel|FAQPage|ProfessionalService|Organization|Corporation|ContactPage|AboutPage)$/;
const SOFTWARE_TYPES = /^(SoftwareApplication|SoftwareSourceCode|WebApplication|APIReference|HowTo|Course)$/;

/** A count on a log scale that reaches 1 near `top`. */
const log = (n: number, top: number): number => Math.min(1, Math.log10(1 + n) / Math.log10(1 + top));

/**
 * The signals the decision weighs, each scaled to about 0..1, by name in a
 * fixed order. A Map rather than an object: a fresh page builds an object of
 * ninety-odd named fields as as many hidden classes, a large share of the
 * decision's time, where a Map's entries are plain table slots.
 */
export type Features = Map<string, number>;

export function features(s: PageSignals): Features {
  const shape = pathShape(s.url);
  const types = s.ld?.types ?? [];
  const has = (re: RegExp): number => (types.some((t) => re.test(t)) ? 1 : 0);
  const paragraphs = s.body.blocks.filter((b) => b.kind === 'paragraph' && b.text.length >= 80).length;
  const og = s.ogType ?? '';
  const p = s.shape;
  const blockShare = (n: number): number => (p.blocks ? Math.min(1, n / p.blocks) : 0);
  const w = s.wording;
  return new Map<string, number>([
    ['ldArticle', s.ld?.isArticle ? 1 : 0],
    ['ogArticle', og === 'article' ? 1 : 0],
    ['declaredOther', types.some((t) => NOT_ARTICLE_TYPES.test(t)) || /^(product|profile|video|music|book)/.test(og) ? 1 : 0],
    ['hasDate', s.hasDate ? 1 : 0],
    ['hasAuthor', s.hasAuthor ? 1 : 0],
    ['datePath', shape.datePath ? 1 : 0],
    ['slug', Math.min(shape.slugWords, 8) / 8],
    ['listingPath', shape.listing ? 1 : 0],
    ['root', shape.root ? 1 : 0],
    ['words', Math.log10(1 + s.words) / 4],
    ['paragraphs', Math.min(paragraphs, 40) / 40],
    ['linkShare', p.chars ? p.linkChars / p.chars : 0],
    ['focus', s.body.pageProse ? s.body.containerProse / s.body.pageProse : 0],
    ['clutter', s.body.containerProse ? Math.min(1, s.body.containerClutter / s.body.containerProse) : 1],
    ['prices', Math.min(p.prices, 20) / 20],
    ['shop', s.shop ? 1 : 0],
    ['listShare', p.chars ? p.listChars / p.chars : 0],
    ['codeShare', p.chars ? Math.min(1, (4 * p.codeChars) / p.chars) : 0],
    ['ldProduct', has(PRODUCT_TYPES)],
    ['ldForum', has(FORUM_TYPES)],
    ['ldCollection', has(COLLECTION_TYPES)],
    ['ldService', has(SERVICE_TYPES)],
    ['ldSoftware', has(SOFTWARE_TYPES)],
    ['ldWebPageOnly', types.includes('WebPage') && !s.ld?.isArticle ? 1 : 0],
    ['ldNone', types.length ? 0 : 1],
    ['ogWebsite', og === 'website' ? 1 : 0],
    ['ogNone', og ? 0 : 1],
    ['pathForum', shape.forum ? 1 : 0],
    ['pathDocs', shape.docs ? 1 : 0],
    ['pathShop', shape.shop ? 1 : 0],
    ['pathList', shape.list ? 1 : 0],
    ['pathService', shape.service ? 1 : 0],
    ['depth', Math.min(shape.depth, 6) / 6],
    ['query', shape.query ? 1 : 0],
    ['numericId', shape.numericId ? 1 : 0],
    ['htmlExt', shape.htmlExt ? 1 : 0],
    ['serviceHost', shape.serviceHost ? 1 : 0],
    ['oneArticleTag', p.articleTags === 1 ? 1 : 0],
    ['articleTags', log(p.articleTags, 30)],
    ['manyH1', p.h1s >= 2 ? 1 : 0],
    ['noH1', p.h1s === 0 ? 1 : 0],
    ['linkedHeadings', log(p.linkedHeadingBlocks, 50)],
    ['times', log(p.times, 30)],
    ['pageParagraphs', log(p.longParagraphs, 60)],
    ['meanParagraph', Math.min(p.meanParagraph, 600) / 600],
    ['cellShare', p.cellShare],
    ['forumMarks', log(p.forumMarks, 200)],
    ['forumLines', log(p.forumLines, 50)],
    ['docsMarks', log(p.docsMarks, 50)],
    ['docsLines', log(p.docsLines, 20)],
    ['preBlocks', log(p.preBlocks, 20)],
    ['pagination', p.pagination ? 1 : 0],
    ['cards', log(p.cards, 100)],
    ['serviceLines', log(p.serviceLines, 20)],
    ['articleMarks', log(p.articleMarks, 10)],
    ['textarea', p.textareas ? 1 : 0],
    ['telLinks', log(p.telLinks, 10)],
    ['inputs', log(p.inputs, 30)],
    ['buttons', log(p.buttons, 50)],
    ['subheadings', log(p.subheadings, 40)],
    ['headedSections', p.longParagraphs ? Math.min(1, p.subheadings / (2 * p.longParagraphs)) : 1],
    ['shareMarks', log(p.shareMarks, 30)],
    ['commentMarks', log(p.commentMarks, 100)],
    ['storyLines', log(p.storyLines, 5)],
    ['forumShare', blockShare(p.forumMarks)],
    ['docsShare', blockShare(p.docsMarks)],
    ['cardShare', blockShare(p.cards)],
    ['articleShare', blockShare(p.articleMarks)],
    ['mdArticle', p.mdArticle ? 1 : 0],
    ['mdOther', p.mdOther ? 1 : 0],
    ['we', w.we],
    ['you', w.you],
    ['i', w.i],
    ['said', w.said],
    ['past', w.past],
    ['num', w.num],
    ['sales', w.sales],
    ['questions', w.questions],
    ['greetings', w.greetings],
    ['articleWords', w.articles],
    ['third', w.third],
    ['titleWords', w.titleWords],
    ['exclaimLines', log(p.exclaimLines, 10)],
    ['longerShare', p.longParagraphs ? p.longerParagraphs / p.longParagraphs : 0],
    ['forms', log(p.forms, 10)],
    ['address', p.addresses ? 1 : 0],
    ['figures', log(p.figures, 20)],
    ['dateline', s.dateline ? 1 : 0],
    ['bylineShown', s.bylineShown ? 1 : 0],
    ['faqMarks', log(p.faqMarks, 100)],
    ['numberedTitle', s.numberedTitle ? 1 : 0],
    ['classWords', classWordScore(s.classWords)],
  ]);
}

function leaf(tree: Tree, f: Features): number {
  let node = tree;
  while (typeof node !== 'number') node = (f.get(node[0]) ?? 0) <= node[1] ? node[2] : node[3];
  return node;
}

/** Log-odds that the page is an article. */
export function score(f: Features): number {
  let sum = BIAS;
  for (const key in WEIGHTS) sum += WEIGHTS[key]! * (f.get(key) ?? 0);
  for (const tree of TREES) sum += leaf(tree, f);
  return sum;
}

/**
 * What refitting reads of a page: the signals, in the same order, the class
 * words themselves and the stub flag last (the fit weighs the words anew in each
 * fold rather than trust the score the current model gave them).
 */
export type FeatureRow = Record<string, number | string[]>;

/** Filled one key at a time, which the engine soon stores as a table rather than a hidden class per field (see Features). */
function featureRecord(f: Features, words80: number, classWords: ReadonlySet<string>): FeatureRow {
  const record: FeatureRow = {};
  for (const [key, value] of f) record[key] = value;
  record.classWordList = [...classWords];
  record.words80 = words80;
  return record;
}

export function decide(s: PageSignals, onFeatures?: (f: FeatureRow) => void): Verdict {
  const f = features(s);
  if (onFeatures) onFeatures(featureRecord(f, s.words < MIN_WORDS ? 1 : 0, s.classWords));
  if (s.words < MIN_WORDS) return { isArticle: false, reason: 'too little running text' };
  if (score(f) > 0) return { isArticle: true, reason: null };
  if (f.get('root')) return { isArticle: false, reason: 'a site’s front page' };
  if (f.get('declaredOther') && !f.get('ldArticle')) return { isArticle: false, reason: 'the page describes itself as something other than an article' };
  return { isArticle: false, reason: 'reads like a listing, a product or a service page' };
}
