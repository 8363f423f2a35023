import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { captureDocument } from '../../../src/core/capture';
import { compareStory } from '../../../src/core/compare';
import { leadArticle, sampleArticles, SITE_DIR } from '../../../src/demo/launch';

/** The demo's lead story, captured from the bundled pages as the extension captures them. */
function demoStory() {
  const all = sampleArticles();
  const lead = leadArticle(all);
  return all
    .filter((a) => a.event === lead.event)
    .map((a, i) => {
      const c = captureDocument(parseHTML(readFileSync(join(SITE_DIR, a.path), 'utf8')).document as unknown as Document, `http://127.0.0.1${a.path}`);
      return { id: `d${i}`, siteName: c.siteName, title: c.title, text: c.text, url: c.url, publishedAt: c.publishedAt, modifiedAt: c.modifiedAt, lang: c.lang };
    });
}

describe('the demo story', () => {
  const c = compareStory(demoStory());

  it('links a paraphrase to the report that states the fact twice (a quote and the company statement)', () => {
    // Three outlets say the night shift got out unhurt; one of them says it both in the fire chief's quote and in the company's statement.
    const shift = c.agreed.find((s) => /night shift|overnight shift/.test(s.sources.map((r) => r.text).join(' ')) && s.reports >= 3);
    expect(shift?.sources.map((r) => r.text).join(' | ')).toMatch(/accounted for/);
    expect(c.agreed.length).toBeGreaterThanOrEqual(5);
  });

  it('lists the agreed statements the same way whatever order the reports come in', () => {
    const reversed = compareStory(demoStory().reverse());
    expect(reversed.agreed.map((s) => s.text)).toEqual(c.agreed.map((s) => s.text));
  });
});
