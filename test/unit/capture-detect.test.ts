import { describe, expect, it } from 'vitest';
import { captureDocument } from '../../src/core/capture';
import { walkBlocks } from '../../src/core/capture/blocks';
import { classWordScore, classWordsOf } from '../../src/core/capture/class-words';
import type { FeatureRow } from '../../src/core/capture/detect';
import { WEIGHTS } from '../../src/core/capture/detector-model';
import { readPageShape } from '../../src/core/capture/page-shape';
import { readWording } from '../../src/core/capture/wording';
import { documentFrom } from './dom';

const sentence = (topic: string, n: number) =>
  `Part ${n} of this ${topic} goes into some detail about what happened, who was involved, and why it matters to the people who live with the consequences every day.`;

const ARTICLE = `<!doctype html><html lang="en"><head><title>Council approves river crossing | Valley Post</title>
  <meta property="og:type" content="article">
  <meta property="article:published_time" content="2026-03-04T09:30:00Z">
  <script type="application/ld+json">{"@type":"NewsArticle","headline":"Council approves river crossing","datePublished":"2026-03-04T09:30:00Z","author":{"@type":"Person","name":"Ada Brook"}}</script>
</head><body>
  <nav><a href="/">Home</a> <a href="/news">News</a> <a href="/sport">Sport</a></nav>
  <article>
    <h1>Council approves river crossing</h1>
    <p class="byline">By <a rel="author" href="/staff/ada">Ada Brook</a></p><time datetime="2026-03-04T09:30:00Z">4 March 2026</time>
    <div class="article-body">${[1, 2, 3, 4, 5, 6, 7, 8, 9].map((n) => `<p>${sentence('report', n)}</p>`).join('')}</div>
  </article>
  <aside><h3>Most read</h3><ul><li><a href="/a">Another story</a></li><li><a href="/b">A third story</a></li></ul></aside>
</body></html>`;

const post = (n: number) => `<div class="message" id="post-${n}">
  <div class="userinfo"><img class="avatar" src="/u${n}.png"><a class="username" href="/members/u${n}">member${n}</a><span>Joined: Jan 2020</span><span>Posts: ${n * 17}</span></div>
  <div class="message-body"><p>${sentence('thread', n)} I had the same problem with the pump last winter and this is what fixed it for me.</p></div>
  <div class="message-actions"><a href="#r${n}">Reply</a> <a href="#q${n}">Quote</a> <a href="#x${n}">Report</a></div>
</div>`;

const FORUM = `<!doctype html><html><head><title>Heat pump keeps tripping in cold weather - Home Forum</title></head><body>
  <div class="breadcrumb"><a href="/forums">Forums</a> › <a href="/forums/heating">Heating</a></div>
  <h1>Heat pump keeps tripping in cold weather</h1>
  <div class="thread">${[1, 2, 3, 4, 5, 6, 7].map(post).join('')}</div>
  <form><textarea name="reply"></textarea><button>Post reply</button></form>
</body></html>`;

const DOCS = `<!doctype html><html><head><title>Configuration - Widget docs</title></head><body>
  <nav class="docs-sidebar"><select class="version-picker"><option>v2.1</option><option>v1.9</option></select>
    <ul>${['Install', 'Configuration', 'Plugins', 'CLI', 'API', 'Migrating'].map((t) => `<li class="menu-item"><a href="/docs/v2/${t.toLowerCase()}">${t}</a></li>`).join('')}</ul></nav>
  <main class="docs-content markdown-body"><h1>Configuration</h1>
    <p>${sentence('guide', 1)}</p>
    <h2>Syntax</h2><pre><code>widget --config widget.toml --verbose</code></pre>
    <p>${sentence('guide', 2)}</p>
    <h2>Parameters</h2><table><tr><th>name</th><th>type</th></tr><tr><td>timeout</td><td>number</td></tr><tr><td>retries</td><td>number</td></tr></table>
    <h2>Examples</h2><pre><code>[server]\nport = 8080</code></pre>
    <p>${sentence('guide', 3)}</p>
    <a href="https://git.example/widget/edit/main/docs/configuration.md">Edit this page</a>
  </main>
  <aside class="toc"><p>On this page</p><ul><li><a href="#syntax">Syntax</a></li><li><a href="#parameters">Parameters</a></li><li><a href="#examples">Examples</a></li></ul></aside>
</body></html>`;

const teaser = (n: number) => `<article class="card">
  <h2><a href="/2026/03/0${(n % 9) + 1}/story-number-${n}">Headline of teaser number ${n} about the valley</a></h2>
  <time datetime="2026-03-0${(n % 9) + 1}">March ${(n % 9) + 1}</time><p>A short teaser line for story ${n}.</p>
</article>`;

const LISTING = `<!doctype html><html><head><title>Local news - Valley Post</title><meta property="og:type" content="website"></head><body>
  <h1>Local news</h1>
  <div class="grid">${Array.from({ length: 14 }, (_, i) => teaser(i)).join('')}</div>
  <p>${sentence('section front', 1)}</p>
  <nav class="pagination"><a href="/local/page/2" rel="next">Next page</a></nav>
</body></html>`;

const PRODUCT = `<!doctype html><html><head><title>Trail Runner 3 shoe - Outdoor Shop</title>
  <meta property="og:type" content="product">
  <script type="application/ld+json">{"@type":"Product","name":"Trail Runner 3","offers":{"@type":"Offer","price":"129.00","priceCurrency":"USD"}}</script>
</head><body>
  <h1>Trail Runner 3</h1><span class="product-price" itemprop="price">$129.00</span>
  <form action="/cart/add"><button class="add-to-cart">Add to cart</button></form><p>In stock</p>
  <div class="description"><p>${sentence('shoe description', 1)}</p><p>${sentence('shoe description', 2)}</p><p>${sentence('shoe description', 3)}</p></div>
  <table class="specs"><tr><th>Weight</th><td>280 g</td></tr><tr><th>Drop</th><td>6 mm</td></tr><tr><th>Upper</th><td>Recycled mesh</td></tr></table>
</body></html>`;

function shapeOf(html: string) {
  const doc = documentFrom(html);
  const walk = walkBlocks(doc.body, { deadline: Infinity, maxElements: 100_000, maxDepth: 256, maxChars: 1e7 });
  return readPageShape(doc, walk.blocks);
}

describe('page shape signals', () => {
  it('sees one article element, article markup and no forum, docs or listing furniture in a story', () => {
    const s = shapeOf(ARTICLE);
    expect(s.articleTags).toBe(1);
    expect(s.articleMarks).toBeGreaterThanOrEqual(3);
    expect(s.forumMarks).toBe(0);
    expect(s.forumLines).toBe(0);
    expect(s.docsMarks).toBe(0);
    expect(s.pagination).toBe(0);
    expect(s.longParagraphs).toBeGreaterThanOrEqual(9);
  });

  it('counts the per-post furniture of a forum thread', () => {
    const s = shapeOf(FORUM);
    // Each post's user line, its message and its row of controls.
    expect(s.forumMarks).toBeGreaterThanOrEqual(7 * 3);
    // Each post's user line and its row of controls.
    expect(s.forumLines).toBeGreaterThanOrEqual(7 * 2);
    expect(s.textareas).toBe(1);
  });

  it('finds a documentation page’s table of contents, version picker, code and edit link', () => {
    const s = shapeOf(DOCS);
    expect(s.docsMarks).toBeGreaterThanOrEqual(3);
    expect(s.docsLines).toBeGreaterThanOrEqual(3);
    expect(s.preBlocks).toBe(2);
    expect(s.cellShare).toBeGreaterThan(0);
  });

  it('counts teaser headlines that are links, dates per teaser and the pagination of a listing', () => {
    const s = shapeOf(LISTING);
    expect(s.linkedHeadingBlocks).toBe(14);
    expect(s.times).toBe(14);
    expect(s.articleTags).toBe(14);
    // Each card's headline, date and teaser line.
    expect(s.cards).toBeGreaterThanOrEqual(14 * 2);
    expect(s.pagination).toBeGreaterThanOrEqual(1);
  });

  it('reads a product page’s shop lines and spec table', () => {
    const s = shapeOf(PRODUCT);
    expect(s.serviceLines).toBeGreaterThanOrEqual(1);
    expect(s.cellShare).toBeGreaterThan(0.05);
    expect(s.articleTags).toBe(0);
  });

  it('tells an explainer’s long paragraphs and figures from a landing page’s shouting and contact form', () => {
    const long = `${sentence('explainer', 1)} ${sentence('explainer', 2)}`;
    const explainer = shapeOf(`<html><body>
      <h1>What is a smartphone?</h1><p>${long}</p><figure><img src="/phone.png"><figcaption>A phone, front and back</figcaption></figure>
      <p>${long}</p><p>${sentence('explainer', 3)}</p>
    </body></html>`);
    const landing = shapeOf(`<html><body>
      <h1>Roof repairs done right!</h1><h2>Call today!</h2><p>${sentence('pitch', 1)}</p><p>Same-day visits across the valley!</p>
      <form action="/quote"><input name="email"><button>Get a quote</button></form>
      <address>12 Mill Lane, Valley Town</address>
    </body></html>`);
    expect(explainer.longerParagraphs).toBe(2);
    expect(explainer.longParagraphs).toBe(3);
    expect(explainer.figures).toBe(1);
    expect(explainer.exclaimLines).toBe(0);
    expect(explainer.forms + explainer.addresses).toBe(0);
    expect(landing.longerParagraphs).toBe(0);
    expect(landing.exclaimLines).toBe(3);
    expect(landing.forms).toBe(1);
    expect(landing.addresses).toBe(1);
  });

  it('counts the blocks of a help page’s FAQ accordion, and none in a story', () => {
    const help = shapeOf(`<html><body><h1>Boiler servicing</h1><p>${sentence('service', 1)}</p>
      <section class="faq-list">${[1, 2, 3].map((n) => `<div class="accordion-item"><h3>Question ${n}?</h3><p>${sentence('answer', n)}</p></div>`).join('')}</section>
    </body></html>`);
    expect(help.faqMarks).toBe(6);
    expect(shapeOf(ARTICLE).faqMarks).toBe(0);
  });

  it('sorts microdata types into article and other families', () => {
    const s = shapeOf('<html><body><div itemscope itemtype="https://schema.org/Product"></div><div itemscope itemtype="http://schema.org/NewsArticle"></div></body></html>');
    expect(s.mdArticle).toBe(1);
    expect(s.mdOther).toBe(1);
  });
});

describe('article detection', () => {
  it('calls a story an article', () => {
    const a = captureDocument(documentFrom(ARTICLE), 'https://valley.example/2026/03/04/council-approves-river-crossing');
    expect(a.isArticle).toBe(true);
  });

  it('hands the fitted signals on by name, in the order the fit reads them, with the stub flag last', () => {
    let seen: FeatureRow | null = null;
    captureDocument(documentFrom(ARTICLE), 'https://valley.example/2026/03/04/council-approves-river-crossing', {
      onFeatures: (f) => (seen = f),
    });
    const keys = Object.keys(seen ?? {});
    expect(keys.at(-1)).toBe('words80');
    for (const key of Object.keys(WEIGHTS)) expect(keys).toContain(key);
    expect(keys.indexOf('ldArticle')).toBeLessThan(keys.indexOf('figures'));
    expect(seen).toMatchObject({ ldArticle: 1, ogArticle: 1, hasAuthor: 1, hasDate: 1, datePath: 1, root: 0, words80: 0 });
  });

  it('sees a date and a byline printed beside a story’s headline, and neither beside a service page’s whatever its metadata say', () => {
    const signals = (html: string, url: string): FeatureRow => {
      let seen: FeatureRow = {};
      captureDocument(documentFrom(html), url, { onFeatures: (f) => (seen = f) });
      return seen;
    };
    const story = signals(ARTICLE, 'https://valley.example/2026/03/04/council-approves-river-crossing');
    expect(story).toMatchObject({ dateline: 1, bylineShown: 1 });
    const service = signals(
      `<!doctype html><html><head><title>Roof repairs - Mill Lane Roofing</title>
        <meta property="article:published_time" content="2025-06-01T08:00:00Z"><meta name="author" content="Mill Lane Roofing Team">
      </head><body>
        <h1>Roof repairs</h1><p>Fast, friendly and fully insured.</p>
        ${[1, 2, 3, 4].map((n) => `<h2>Service ${n}</h2><p>${sentence('service', n)}</p>`).join('')}
        <footer><p>Mill Lane Roofing, 12 Mill Lane. Updated 3 June 2025.</p></footer>
      </body></html>`,
      'https://roofing.example/services/roof-repairs',
    );
    expect(service).toMatchObject({ hasDate: 1, dateline: 0, bylineShown: 0 });
  });

  it('sees a document title that opens with a number, as a list story’s does', () => {
    const signals = (html: string): FeatureRow => {
      let seen: FeatureRow = {};
      captureDocument(documentFrom(html), 'https://valley.example/2026/03/04/story', { onFeatures: (f) => (seen = f) });
      return seen;
    };
    const listStory = ARTICLE.replace('<title>Council approves river crossing', '<title>7 things the council decided about the river crossing');
    expect(signals(listStory)).toMatchObject({ numberedTitle: 1 });
    expect(signals(ARTICLE)).toMatchObject({ numberedTitle: 0 });
    // A number inside the title is not a list.
    expect(signals(ARTICLE.replace('<title>Council approves', '<title>Council approves 2 crossings and'))).toMatchObject({ numberedTitle: 0 });
  });

  it.each([
    ['a forum thread', FORUM, 'https://home.example/forums/threads/heat-pump-keeps-tripping-in-cold-weather.4411/'],
    ['a documentation page', DOCS, 'https://widget.example/docs/v2/configuration'],
    ['a listing', LISTING, 'https://valley.example/local/'],
    ['a product page', PRODUCT, 'https://shop.example/products/trail-runner-3'],
  ])('calls %s not an article', (_, html, url) => {
    const a = captureDocument(documentFrom(html), url);
    expect(a.isArticle).toBe(false);
    expect(a.notArticleReason).toBeTruthy();
  });
});

describe('wording signals', () => {
  const report =
    'The mayor said on Tuesday that the bridge would reopen in May. Engineers told the council they had found cracks in two piers, and she added that the repairs were funded. According to the transport office, traffic fell by a third while the crossing was closed.';
  const pitch =
    'We help your business grow. Our team of experts offers professional solutions for every client. Contact us today for a free consultation and a quote, and let our support team schedule your service.';
  const question = 'Hi all, has anyone had this problem? My pump trips every night. Any ideas? Thanks in advance!';

  it('hears reporting in a news story', () => {
    const w = readWording(report, 'Bridge to reopen in May after repairs to cracked piers');
    expect(w.said).toBeGreaterThan(0.5);
    expect(w.third).toBeGreaterThan(0.5);
    expect(w.we).toBe(0);
    expect(w.titleWords).toBeCloseTo(10 / 20);
  });

  it('hears selling in a service page', () => {
    const w = readWording(pitch, 'Services');
    const r = readWording(report, 'x');
    expect(w.we).toBeGreaterThan(0.9);
    expect(w.sales).toBeGreaterThan(r.sales);
    expect(w.said).toBe(0);
    expect(w.titleWords).toBeCloseTo(1 / 20);
  });

  it('hears questions and greetings in a forum post', () => {
    const w = readWording(question, 'Pump trips every night');
    expect(w.questions).toBeGreaterThan(readWording(report, 'x').questions);
    expect(w.greetings).toBeGreaterThan(0.5);
    expect(w.i).toBeGreaterThan(0.5);
  });

  it('reads a word from its first letter or digit, less the commas, stops and apostrophes it ends in', () => {
    const filler = ' x'.repeat(33);
    // 40 words: "we", "said", "they", "added", "2024's", "i'm", "planned" and the filler.
    const w = readWording(`'We said, 'they' added... 2024's 'i'm' planned.${filler}`, 'x');
    expect(w.we).toBeCloseTo(20 / 40);
    expect(w.said).toBeCloseTo(20 / 40);
    expect(w.third).toBeCloseTo(20 / 40);
    expect(w.i).toBeCloseTo(20 / 40);
    expect(w.num).toBeCloseTo(20 / 40);
    expect(w.past).toBeCloseTo(40 / 40);
    // "w.e" is not "we", and "fed" is too short to read as a past tense: a word is matched whole.
    const v = readWording(`w.e fed${filler}`, 'x');
    expect(v.we).toBe(0);
    expect(v.past).toBe(0);
  });
});

describe('class words', () => {
  it('splits class and id values into words, camel case and separators alike, each word once', () => {
    const doc = documentFrom(`<!doctype html><html><body class="single-post">
      <div id="mainContent" class="entry-content post_body"><p class="entry-content">One</p><p class="entry-content">Two</p></div>
      <svg class="icon-share"><use href="#x"></use></svg><span class="a 9 b2"></span>
    </body></html>`);
    expect([...classWordsOf(doc)].sort()).toEqual(['body', 'content', 'entry', 'icon', 'main', 'post', 'share', 'single']);
  });

  it('hands the words to the fit with the signals', () => {
    let seen: FeatureRow = {};
    captureDocument(documentFrom(ARTICLE), 'https://valley.example/2026/03/04/council-approves-river-crossing', { onFeatures: (f) => (seen = f) });
    expect(seen.classWordList).toEqual(expect.arrayContaining(['article', 'body', 'byline']));
    expect(typeof seen.classWords).toBe('number');
  });

  it('weighs the names of a story’s parts above those of a shop’s and a forum’s', () => {
    const named = (...names: string[]) => classWordScore(new Set(names));
    const story = named('article', 'entry', 'content', 'byline', 'author', 'post', 'share');
    expect(story).toBeGreaterThan(named('product', 'price', 'cart', 'add', 'quantity', 'sku', 'share'));
    expect(story).toBeGreaterThan(named('forum', 'thread', 'reply', 'quote', 'member', 'avatar', 'share'));
  });
});
