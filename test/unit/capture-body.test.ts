// How the body, byline and day are found on layouts the first version misread.
import { describe, expect, it } from 'vitest';
import { captureDocument } from '../../src/core/capture';
import { dateInPath } from '../../src/core/capture/published';
import { textOf } from '../../src/core/capture/dom';
import { documentFrom } from './dom';

const para = (i: number, topic = 'orchard') =>
  `<p>Note ${i}: the ${topic} cooperative said pickers will be paid by the hour this season, after a vote that split the growers along the valley road.</p>`;
const paras = (n: number, topic?: string) => Array.from({ length: n }, (_, i) => para(i + 1, topic)).join('');
const URL_ = 'https://valley.example/news/orchard-pickers-paid-hourly';
const capture = (body: string, head = '', url = URL_) =>
  captureDocument(documentFrom(`<!doctype html><html><head><title>Orchard pickers</title>${head}</head><body>${body}</body></html>`), url);

describe('capture body', () => {
  it('separates block text that the markup runs together', () => {
    const doc = documentFrom('<div><h2>Heading</h2><p>Text<br>after a break</p><span>in</span><span>line</span></div>');
    expect(textOf(doc.querySelector('div'))).toBe('Heading Text after a break inline');
  });

  it('leaves out figure captions and photo credits', () => {
    const a = capture(
      `<article><h1>Orchard pickers</h1>${paras(4)}<figure><figcaption>Pickers at dawn in the upper orchard, where the vote was held last week.</figcaption></figure>
       <p class="photo-credit">Photograph by a staff photographer for the valley paper, all rights reserved.</p>${paras(4)}</article>`,
    );
    expect(a.text.match(/Note 4:/g)).toHaveLength(2);
    expect(a.text).not.toContain('Pickers at dawn');
    expect(a.text).not.toContain('Photograph by');
  });

  it('reads an article that an unclosed <aside> swallowed', () => {
    const a = capture(`<aside class="banner"><p>Free delivery this week.</p><main><article>${paras(8)}</article></main>`);
    expect(a.text).toContain('Note 1:');
    expect(a.text).toContain('Note 8:');
  });

  it('drops labels inside the article whatever punctuation wraps them', () => {
    const labels = ['Advertisement', '— Advertisement —', '» Read—more', '•• Share this article ••', 'Loading...', '[ Continue reading ]'];
    const a = capture(`<article>${paras(3)}${labels.map((l) => `<p>${l}</p>`).join('')}${paras(3, 'vineyard')}</article>`);
    expect(a.text).toContain('Note 3: the orchard');
    expect(a.text).toContain('Note 3: the vineyard');
    for (const l of ['Advertisement', 'Read', 'Share this', 'Loading', 'Continue']) expect(a.text).not.toContain(l);
  });

  it('keeps short paragraphs that only open like a label', () => {
    const a = capture(`<article>${paras(3)}<p>Read the full ruling, the growers said.</p>${paras(3, 'vineyard')}</article>`);
    expect(a.text).toContain('Read the full ruling, the growers said.');
  });

  it('still drops a real sidebar', () => {
    const a = capture(`<main><article>${paras(8)}</article><aside><p>${'Also read: the bakery on the square changed hands again this autumn. '.repeat(2)}</p></aside></main>`);
    expect(a.text).not.toContain('bakery');
  });

  it('reads text streamed in hidden chunks', () => {
    const a = capture(`<main><template id="B:0"></template><p>Loading…</p></main><div hidden id="S:0"><article>${paras(8)}</article></div><div hidden id="menu">${paras(2, 'secret menu')}</div>`);
    expect(a.text).toContain('Note 8:');
    expect(a.text).not.toContain('secret menu');
  });

  it('narrows past teasers and reviews written in sentences', () => {
    const reviews = Array.from({ length: 3 }, (_, i) => `<div class="card"><p>Review ${i}: the staff were friendly and the waiting room was clean, we would come back again next year for sure.</p></div>`).join('');
    const a = capture(`<div class="page"><div class="entry">${paras(10)}</div><div class="reviews">${reviews}</div></div>`);
    expect(a.text).toContain('Note 10:');
    expect(a.text).not.toContain('Review 0');
  });

  it('keeps the paragraphs that introduce a list holding most of the prose', () => {
    const items = Array.from({ length: 10 }, (_, i) => `<li>Step ${i}: pickers sign the rota at the gate before dawn, and the foreman checks the ladders and the bags before the first row is picked.</li>`).join('');
    const a = capture(`<div class="entry-content">${paras(2)}<ol>${items}</ol></div>`);
    expect(a.text).toContain('Note 1: the orchard');
    expect(a.text).toContain('Step 9:');
  });

  it('keeps a section whose name only sounds like navigation when it holds paragraphs', () => {
    const a = capture(`<main><div class="content-nav-section">${paras(5)}</div><div class="content-nav-section">${paras(5, 'apple')}</div></main>`);
    expect(a.text).toContain('apple cooperative');
    expect(a.text).toContain('orchard cooperative');
  });
});

describe('capture body: split sections and tables of figures', () => {
  const cards = Array.from({ length: 24 }, (_, i) => `<div class="card"><a href="/guide/${i}">Guide ${i}: how the valley growers plan their harvest rota</a></div>`).join('');

  it('joins sections of one article that a page builder set side by side', () => {
    const a = capture(`<div class="builder"><div class="section">${paras(5)}</div><div class="section"><h2>Second part</h2></div><div class="section">${paras(3, 'apple')}</div><div class="grid">${cards}</div></div>`);
    expect(a.text).toContain('Note 5: the orchard');
    expect(a.text).toContain('Second part');
    expect(a.text).toContain('Note 3: the apple');
    expect(a.text).not.toContain('Guide 3');
  });

  it('reads an article printed twice for two screen sizes once', () => {
    const a = capture(`<main><div class="story"><div class="wide">${paras(6)}</div><div class="narrow">${paras(6)}</div></div></main>`);
    expect(a.text.match(/Note 6:/g)).toHaveLength(1);
  });

  it('keeps a paragraph the article itself repeats', () => {
    const a = capture(`<main><div class="story"><div class="part">${paras(6)}</div><div class="part">${para(1)}${paras(6, 'pear')}</div></div></main>`);
    expect(a.text.match(/Note 1: the orchard/g)).toHaveLength(2);
    expect(a.text).toContain('Note 6: the pear');
  });

  it('keeps the figures of a table beside its labels', () => {
    const table = '<table><tr><th>Grower</th><th>Hectares</th></tr><tr><td>North valley</td><td>1,250</td></tr><tr><td>South valley</td><td>980.5</td></tr></table>';
    const a = capture(`<article>${paras(4)}${table}${paras(4, 'pear')}</article>`);
    expect(a.text).toContain('1,250');
    expect(a.text).toContain('980.5');
  });
});

describe('capture body: links that are part of the text', () => {
  const tools = ['Pruning shears', 'Orchard ladder', 'Picking bag'].map((t) => `<li><a href="/shop/${t.length}">${t}</a></li>`).join('');
  const elsewhere = ['Bakery changes hands', 'Bridge closes for repairs', 'Market moves indoors'].map((t) => `<li><a href="/news/${t.length}">${t}</a></li>`).join('');

  it('keeps linked headings and list items that stand among the paragraphs, not link lists beside them', () => {
    const a = capture(
      `<article><div class="text">${paras(3)}<h2><a href="/guide/rota">How the rota works</a></h2>${paras(2, 'pear')}<ul>${tools}</ul>
       <p><a href="/news/vote">Related: growers vote on the new rota for next season</a></p>${paras(2, 'plum')}
       <p><a href="/app">Get the valley paper app on your phone today</a></p></div>
       <div class="box"><ul>${elsewhere}</ul></div></article>`,
    );
    expect(a.text).toContain('How the rota works');
    expect(a.text).toContain('Orchard ladder');
    expect(a.text).toContain('Note 2: the plum');
    expect(a.text).not.toContain('Related: growers vote');
    expect(a.text).not.toContain('Bakery changes hands');
    expect(a.text).not.toContain('valley paper app');
  });
});

describe('capture byline and day', () => {
  it('reads the author from an SEO Twitter-card pair', () => {
    const a = capture(`<article>${paras(8)}</article>`, '<meta name="twitter:label1" content="Written by"><meta name="twitter:data1" content="Wren Talbot">');
    expect(a.byline).toBe('Wren Talbot');
  });

  it('reads the author from a box whose class names it, skipping its label and picture', () => {
    const a = capture(
      `<article><div class="post-hero__author"><img class="post-hero__author-image" alt=""><span>Written by</span><span>Ines Morrow</span></div>${paras(8)}</article>
       <div class="related"><div class="teaser__author">Someone Else</div></div>`,
    );
    expect(a.byline).toBe('Ines Morrow');
  });

  it('takes the publication day from a dated address over a later date in metadata', () => {
    expect(dateInPath('https://x.example/2025/11/24/story/')).toBe('2025-11-24T00:00:00Z');
    expect(dateInPath('https://x.example/blog/2023/october/03/story')).toBe('2023-10-03T00:00:00Z');
    expect(dateInPath('https://x.example/2023/10/story')).toBeNull();
    const a = capture(`<article>${paras(8)}</article>`, '<meta property="article:published_time" content="2025-12-03T10:00:00Z">', 'https://valley.example/2025/11/24/orchard-pickers/');
    expect(a.publishedAt?.slice(0, 10)).toBe('2025-11-24');
    const same = capture(`<article>${paras(8)}</article>`, '<meta property="article:published_time" content="2025-11-24T10:00:00+02:00">', 'https://valley.example/2025/11/24/orchard-pickers/');
    expect(same.publishedAt).toBe('2025-11-24T10:00:00+02:00');
  });
});

describe('capture day beside the author', () => {
  it('reads a date printed just after the author link when nothing else dates the page', () => {
    const a = capture(`<article><h1>Orchard pickers</h1><p><a href="/blog/author/ida-holm">Ida Holm</a></p><p class="muted">23.07.2025</p>${paras(8)}</article>`);
    expect(a.publishedAt?.slice(0, 10)).toBe('2025-07-23');
  });
});

describe('capture body: the page marks its article body', () => {
  const service = (n: number) =>
    Array.from({ length: n }, (_, i) => `<p>Service ${i}: our advisers answer questions about permits, fencing and irrigation grants every weekday morning at the office.</p>`).join('');

  it('trusts itemprop=articleBody over a wider column that also holds a long service block', () => {
    const a = capture(`<div class="column"><div itemprop="articleBody">${paras(4)}</div><div class="help">${service(5)}</div></div>`);
    expect(a.text).toContain('Note 4:');
    expect(a.text).not.toContain('Service 0');
  });

  it('takes the marked body when the prose-weighted choice is another block', () => {
    const a = capture(`<div class="story" itemprop="articleBody">${paras(3)}</div><div class="bottom">${service(4)}</div>`);
    expect(a.text).toContain('Note 3:');
    expect(a.text).not.toContain('Service 0');
  });

  it('ignores a marker that wraps only a lead', () => {
    const a = capture(`<article><div itemprop="articleBody">${para(1)}</div>${paras(8, 'pear')}</article>`);
    expect(a.text).toContain('pear cooperative');
    expect(a.text).toContain('Note 1: the orchard');
  });

  it('reads a class that names the article body ("entry-content") the same way', () => {
    const a = capture(`<div class="layout"><div class="entry-content">${paras(4)}</div><div class="help">${service(5)}</div></div>`);
    expect(a.text).toContain('Note 4:');
    expect(a.text).not.toContain('Service 0');
  });
});

describe('capture body in scripts written without spaces', () => {
  it('reads short paragraphs that end in full-width stops as prose (Chinese, Japanese)', () => {
    const zh = [
      '市政府周三宣布，老城区的三座桥梁将从下月起分批封闭维修，工期预计半年。',
      '交通部门表示，封闭期间将增开两条公交线路，并在早晚高峰加派人员疏导。',
      '一位住在河边的居民说，他希望工程不要拖延，因为孩子每天都要过桥上学。',
      '据统计，这三座桥每天承担约四万人次的通行，是连接两岸的主要通道。',
      '维修完成后，桥面将加宽一米，并新增无障碍坡道和夜间照明。',
    ];
    const html = `<!doctype html><html lang="zh"><head><title>老城三座桥梁将封闭维修</title></head><body><nav><a href="/">首页</a></nav>
      <article><h1>老城三座桥梁将封闭维修</h1>${zh.map((p) => `<p>${p}</p>`).join('')}</article></body></html>`;
    const a = captureDocument(documentFrom(html), 'https://city.example/2026/05/06/bridges');
    expect(a.isArticle).toBe(true);
    expect(a.text).toContain('市政府周三宣布');
    expect(a.text).toContain('无障碍坡道');
    expect(a.text).not.toContain('首页');
  });
});

describe('capture body: boxes inside the article container', () => {
  const teaser = (i: number) =>
    `<div class="teaser"><h3>Bakery news ${i}</h3><p>Teaser ${i}: the bakery on the square changed hands again this autumn, and the new owners promise rye bread every morning.</p></div>`;

  it('leaves out a box that a "More from…" heading opens, and keeps the text after it', () => {
    const box = `<div class="box"><h2>More from the valley</h2>${teaser(1)}${teaser(2)}</div>`;
    const a = capture(`<article><div class="text">${paras(4)}${box}${paras(4, 'pear')}</div></article>`);
    expect(a.text).toContain('Note 4: the orchard');
    expect(a.text).toContain('Note 4: the pear');
    expect(a.text).not.toContain('Teaser 1');
    expect(a.text).not.toContain('More from the valley');
  });

  it('drops only the heading when it stands among the paragraphs', () => {
    const a = capture(`<article>${paras(4)}<h2>Sources</h2>${paras(3, 'pear')}</article>`);
    expect(a.text).not.toContain('Sources');
    expect(a.text).toContain('Note 3: the pear');
  });

  it('leaves out a box heading written as a paragraph, with the links listed under it', () => {
    const links = ['Cider presses compared', 'Frost nights and the blossom', 'Ladders for tall trees'].map((t) => `<li><a href="/${t.length}">${t}</a></li>`).join('');
    const a = capture(`<article>${paras(4)}<p><strong>You might also like:</strong></p><ul>${links}</ul>${paras(2, 'pear')}</article>`);
    expect(a.text).not.toContain('You might also like');
    expect(a.text).not.toContain('Cider presses');
    expect(a.text).toContain('Note 2: the pear');
  });

  it('leaves out pointers to more stories and sign-ups however their heading is worded', () => {
    const links = ['Cider presses compared', 'Frost nights and the blossom'].map((t) => `<li><a href="/${t.length}">${t}</a></li>`).join('');
    const teasers = `<div class="next"><h2>Read this next</h2><div><h3>Frost nights and the blossom</h3><p>Growers in the upper valley lit fires between the rows for three nights running to save the blossom.</p></div></div>`;
    const signup = `<div class="box"><h3>Join our free weekly newsletter</h3><p>Every Friday the week's orchard news, market prices and the weather outlook for the valley, straight to you.</p></div>`;
    const a = capture(`<article>${paras(4)}<p><strong>If you enjoyed this story, you may also like:</strong></p><ul>${links}</ul>${teasers}${paras(2, 'pear')}${signup}</article>`);
    expect(a.text).toContain('Note 2: the pear');
    expect(a.text).not.toContain('you may also like');
    expect(a.text).not.toContain('Cider presses');
    expect(a.text).not.toContain('lit fires');
    expect(a.text).not.toContain('market prices');
  });

  it("leaves out prompts to sign up for the outlet's newsletter, follow it or rate the article, but not the text's own newsletter", () => {
    const prompts = [
      'Want more from the valley desk? Sign up for our newsletter and get the harvest news first.',
      'Follow us on Instagram for photos from the orchards every morning.',
      'Was this article helpful?',
      'Thanks for reading!',
    ].map((t) => `<p>${t}</p>`).join('');
    const own = '<p>You can forward this newsletter to a grower who would like it, or subscribe to it at the bottom of the page.</p>';
    const a = capture(`<article>${paras(4)}${prompts}${paras(2, 'pear')}${own}${paras(2, 'plum')}</article>`);
    expect(a.text).toContain('Note 2: the pear');
    expect(a.text).not.toContain('Sign up for our newsletter');
    expect(a.text).not.toContain('Follow us on Instagram');
    expect(a.text).not.toContain('Was this article helpful');
    expect(a.text).not.toContain('Thanks for reading');
    expect(a.text).toContain('forward this newsletter');
  });

  it("leaves out the page's machinery among the paragraphs: a like button loading, a reading time, credit lines, viewer instructions", () => {
    const lines = ['Like Loading...', '4 min read', 'Reviewed by the valley desk', 'Press enter or click to view image in full size'].map((t) => `<p>${t}</p>`).join('');
    const a = capture(`<article>${paras(4)}${lines}${paras(3, 'pear')}</article>`);
    expect(a.text).toContain('Note 3: the pear');
    for (const gone of ['Loading', 'min read', 'Reviewed by', 'full size']) expect(a.text).not.toContain(gone);
  });

  it('leaves out the label of a table of contents, the tags filed and a copyright line', () => {
    const a = capture(`<article><p>Table of contents</p>${paras(4)}<p>Tags: orchards, wages, valley</p><p>© 2025 The Valley Paper</p>${paras(3, 'pear')}</article>`);
    expect(a.text).toContain('Note 3: the pear');
    for (const gone of ['Table of contents', 'Tags:', 'Valley Paper']) expect(a.text).not.toContain(gone);
  });

  it('leaves out prompts to sign in or subscribe to read on', () => {
    const a = capture(`<article>${paras(4)}<p>To read the rest of this story subscribe to Valley Plus.</p><p>You are signed out</p>${paras(2, 'pear')}</article>`);
    expect(a.text).toContain('Note 2: the pear');
    expect(a.text).not.toContain('rest of this story');
    expect(a.text).not.toContain('signed out');
  });

  it('keeps the cited works listed under a sources heading', () => {
    const cited = ['Valley growers survey, 2025', 'Orchard wage report, spring edition'].map((t) => `<li><a href="/${t.length}">${t}</a></li>`).join('');
    const a = capture(`<article>${paras(4)}<h3>Sources</h3><ul>${cited}</ul></article>`);
    expect(a.text).toContain('Valley growers survey');
  });

  it('keeps a heading of the article that only opens with the same word', () => {
    const a = capture(`<article>${paras(4)}<div><h2>Related crops that the valley growers plant after the orchard harvest ends</h2>${paras(3, 'pear')}</div></article>`);
    expect(a.text).toContain('Related crops');
    expect(a.text).toContain('Note 3: the pear');
  });

  it('leaves out a contact form inside the article container', () => {
    const form = `<form action="/contact"><p>Tell us about your orchard and one of our advisers will call you back within two working days, free of charge.</p>
      <label>First name</label><input name="first"><label>How did you hear about us?</label><select name="how"><option>Radio</option></select><button>Send</button></form>`;
    const a = capture(`<article><div class="text">${paras(6)}${form}</div></article>`);
    expect(a.text).toContain('Note 6:');
    expect(a.text).not.toContain('advisers will call');
    expect(a.text).not.toContain('First name');
  });

  it('leaves out call-to-action and small-print boxes among the paragraphs', () => {
    const cta = `<div class="post-cta"><p>Ready to plan your own harvest rota? Our advisers set one up with you in an afternoon, call us to book a visit.</p></div>`;
    const small = `<div class="legalDisclaimer"><p>This article is for general information only and is not advice; always consult a qualified adviser before acting on it.</p></div>`;
    const a = capture(`<article><div class="text">${paras(4)}${cta}${paras(4, 'pear')}${small}</div></article>`);
    expect(a.text).toContain('Note 4: the orchard');
    expect(a.text).toContain('Note 4: the pear');
    expect(a.text).not.toContain('Ready to plan');
    expect(a.text).not.toContain('general information only');
  });

  it('leaves out a picture gallery among the paragraphs, with its captions', () => {
    const gallery = `<div class="photoGallery"><p>The upper orchard at dawn, where the pickers gathered before the vote last week.</p><div>2 of 9</div><div>Close</div></div>`;
    const a = capture(`<article><div class="text">${paras(4)}${gallery}${paras(4, 'pear')}</div></article>`);
    expect(a.text).toContain('Note 4: the pear');
    expect(a.text).not.toContain('upper orchard at dawn');
    expect(a.text).not.toContain('2 of 9');
  });

  it('leaves out a banner among the paragraphs', () => {
    const banner = `<div class="wp-block-almanac-banner"><div class="almanac-banner__inner"><h3>The orchard almanac</h3><p>Planting dates and frost tables for every valley, in your inbox each month: sign up today, it costs nothing.</p></div></div>`;
    const a = capture(`<article><div class="text">${paras(4)}${banner}${paras(4, 'pear')}</div></article>`);
    expect(a.text).toContain('Note 4: the pear');
    expect(a.text).not.toContain('orchard almanac');
    expect(a.text).not.toContain('Planting dates');
  });

  it('reads an article that a box named as a call to action wraps whole', () => {
    const a = capture(`<div class="cta-layout"><article>${paras(6)}</article></div>`);
    expect(a.text).toContain('Note 6:');
  });

  it('reads a page whose whole content sits in one form', () => {
    const a = capture(`<form id="page" action="/postback"><article>${paras(6)}</article></form>`);
    expect(a.text).toContain('Note 1:');
    expect(a.text).toContain('Note 6:');
  });
});

describe('capture body: the opening above the body element', () => {
  const intro =
    '<p>Growers have argued about piece rates for as long as the valley has grown fruit, and this summer the argument finally came to a vote.</p>';
  const headerWith = (inside: string) => `<header class="post-header"><h1>Orchard pickers paid by the hour</h1>${inside}</header>`;

  it('keeps an intro that sits between the headline and the body, before the body', () => {
    const a = capture(`<article>${headerWith(`${intro}<div class="meta"><a href="/by/ana">Ana Ruiz</a> · 3 May 2025</div>`)}<div class="content">${paras(8)}</div></article>`);
    expect(a.text).toContain('Growers have argued');
    expect(a.text.indexOf('Growers have argued')).toBeLessThan(a.text.indexOf('Note 1:'));
  });

  it('takes no text from above the body when no headline is within reach', () => {
    const promo = '<p>Our shop on the square sells ladders, crates and gloves for every picker, and delivers across the valley every Friday.</p>';
    const a = capture(`<div class="top">${promo}</div><div class="content">${paras(8)}</div>`);
    expect(a.text).toContain('Note 8:');
    expect(a.text).not.toContain('Our shop');
  });

  it('leaves out a subtitle line, a caption and a disclosure printed under the headline', () => {
    const dek = '<p class="article-subtitle">The cooperative voted to pay pickers by the hour, ending a piece-rate system that split the growers.</p>';
    const photo = '<div class="hero-image"><p>Pickers on a ladder in the upper orchard at dawn, photographed for the valley paper last week.</p></div>';
    const disclosure = '<div class="affiliate-disclosure"><p>Buying through links on this page supports our work; we may earn a small commission.</p></div>';
    const a = capture(`<article>${headerWith(dek + photo + disclosure)}<div class="content">${paras(8)}</div></article>`);
    expect(a.text).toContain('Note 1:');
    expect(a.text).not.toContain('The cooperative voted');
    expect(a.text).not.toContain('Pickers on a ladder');
    expect(a.text).not.toContain('Buying through links');
  });

  it('leaves out key points listed above the body', () => {
    const points = '<ul class="points"><li>The cooperative voted to pay pickers by the hour, ending the piece rates of the past forty years.</li></ul>';
    const a = capture(`<article>${headerWith(points + intro)}<div class="content">${paras(8)}</div></article>`);
    expect(a.text).toContain('Growers have argued');
    expect(a.text).not.toContain('The cooperative voted');
  });

  it('takes nothing when menus and teasers stand between the headline and the body', () => {
    const menu = `<ul class="topics">${Array.from({ length: 20 }, (_, i) => `<li><a href="/t/${i}">Topic number ${i} of the valley</a></li>`).join('')}</ul>`;
    const a = capture(`<article>${headerWith(`${intro}${menu}`)}<div class="content">${paras(8)}</div></article>`);
    expect(a.text).toContain('Note 1:');
    expect(a.text).not.toContain('Growers have argued');
  });
});

describe('capture body: stray lines at either end of the main run', () => {
  it('leaves out the one-liners after the last paragraph when they hold no prose', () => {
    const after = '<div class="after"><h3>Talk about this story</h3><div>12 replies</div><div>Posted in Farming, Valley life</div></div>';
    const a = capture(`<article><div class="text">${paras(8)}</div>${after}</article>`);
    expect(a.text).toContain('Note 8:');
    expect(a.text).not.toContain('Talk about this story');
    expect(a.text).not.toContain('12 replies');
  });

  it('leaves out the labels before the first paragraph when no prose stands there', () => {
    const before = '<div class="before"><div>Valley life</div><h3>In this story</h3></div>';
    const a = capture(`<article>${before}<div class="text">${paras(8)}</div></article>`);
    expect(a.text).toContain('Note 1:');
    expect(a.text).not.toContain('In this story');
  });

  it('leaves out a one-sentence teaser above the run, next to which the run is long', () => {
    const before = '<div class="kicker"><p>Read how the vote went, and what growers say.</p></div>';
    const a = capture(`<article>${before}<div class="text">${paras(8)}</div><div class="more">${paras(3, 'pear')}</div></article>`);
    expect(a.text).toContain('Note 1: the orchard');
    expect(a.text).toContain('Note 3: the pear');
    expect(a.text).not.toContain('Read how the vote went');
  });

  it('keeps a closing section that holds prose of its own', () => {
    const closing = `<div class="closing"><h3>What comes next</h3>${paras(2, 'vineyard')}</div>`;
    const a = capture(`<article><div class="text">${paras(4)}</div>${closing}</article>`);
    expect(a.text).toContain('What comes next');
    expect(a.text).toContain('Note 1: the vineyard');
  });
});

describe('capture body: paragraphs wrapped by hand', () => {
  it('reads a paragraph cut into short lines with <br> as one paragraph', () => {
    const wrapped = (i: number) =>
      `<p>Note ${i}: the orchard cooperative said that pickers<br>will be paid by the hour this season, after<br>a vote that split the growers along the valley<br>road and left the smaller farms unhappy</p>`;
    const side = `<div class="promo"><p>${'Our shop on the square sells ladders, crates and gloves for every picker in the valley. '.repeat(2)}</p></div>`;
    const a = capture(`<div class="page"><div class="text">${Array.from({ length: 6 }, (_, i) => wrapped(i + 1)).join('')}</div>${side}</div>`);
    expect(a.text).toContain('Note 6: the orchard cooperative said that pickers will be paid');
    expect(a.text).not.toContain('Our shop');
  });
});

describe('capture body: the author bio at the end', () => {
  const bio = '<div class="wrap-box"><p>Mara Quill is a freelance writer who has covered farm labour in the valley for a decade, and lives on a pear farm.</p><p>Follow her on the valley forum.</p></div>';

  it('leaves out a closing paragraph that opens with the byline and says who the author is, and what follows it', () => {
    const a = capture(`<article><h1>Orchard pickers</h1><div class="text">${paras(6)}${bio}</div></article>`, '<meta name="author" content="Mara Quill">');
    expect(a.byline).toBe('Mara Quill');
    expect(a.text).toContain('Note 6:');
    expect(a.text).not.toContain('freelance writer');
    expect(a.text).not.toContain('Follow her');
  });

  it('keeps a closing paragraph about the company when the byline is the company itself', () => {
    const blurb = '<p>Orchardline is a cooperative of forty growers who have picked the valley since 1950.</p>';
    const a = capture(`<article><h1>Orchard pickers</h1><div class="text">${paras(6)}${blurb}</div></article>`, '<meta name="author" content="Orchardline">');
    expect(a.text).toContain('cooperative of forty growers');
  });
});
