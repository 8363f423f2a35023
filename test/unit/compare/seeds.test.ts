/**
 * The seed story: five outlets' reports of one real event, read from
 * ../shared at run time (never copied here). Skipped on a clone without it.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compareStory, type CompareInput } from '../../../src/core/compare';

const SEEDS = resolve(import.meta.dirname, '../../../../shared/seeds');

function readSeeds(): CompareInput[] {
  return readdirSync(SEEDS)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((file, i) => {
      const [title, ...rest] = readFileSync(resolve(SEEDS, file), 'utf8').split('\n');
      return { id: file, siteName: `Outlet ${i + 1}`, title: title!.trim(), text: rest.join('\n'), url: '', publishedAt: null, modifiedAt: null, lang: 'en' };
    });
}

describe.skipIf(!existsSync(SEEDS))('the seed story', () => {
  const seeds = existsSync(SEEDS) ? readSeeds() : [];
  const c = compareStory(seeds);
  const only = (n: number) => c.onlyHere.find((o) => o.articleId === seeds[n]!.id)?.statements.map((s) => s.text).join('\n') ?? '';
  const facts = () => JSON.stringify([c.agreed, c.partlyShared, c.onlyHere]);

  it('agrees on the tariff levels', () => {
    const agreed = c.figures.agreed.map((f) => [f.text.replace(/\s?percent/, '%'), f.mentions.length]);
    expect(agreed).toEqual(expect.arrayContaining([['145%', 5], ['125%', 3]]));
    expect(c.agreed.length).toBeGreaterThan(0);
  });

  it('shows the two deadlines as a disagreement, and nothing else as one', () => {
    const deadline = c.figures.disputed.find((d) => d.subject === 'deadline');
    expect(deadline?.values.map((v) => v.text)).toEqual(['90-day', 'July deadline']);
    expect(c.figures.disputed).toHaveLength(1);
  });

  it('agrees, in at least four reports, that China is weighing the US offer of talks', () => {
    const weighing = c.agreed.find((s) => s.sources.filter((r) => /(?:evaluat|assess|review)\w*/i.test(r.text) && /offer|proposal/i.test(r.text)).length >= 4);
    expect(weighing?.reports).toBeGreaterThanOrEqual(4);
  });

  it('keeps the facts only one outlet reports under that outlet', () => {
    expect(only(3)).toMatch(/exempt from retaliatory tariffs/);
    expect(only(4)).toMatch(/contracted by 0\.3%/);
    expect(only(0)).toMatch(/Stephen Innes/);
  });

  it('names the analysts each outlet quotes, and who quotes them', () => {
    const quoted = new Map(c.quotes.map((q) => [q.speaker, q.siteNames]));
    expect(quoted.get('Stephen Innes')).toEqual(['Outlet 1']);
    expect(quoted.get('Wu Xinbo')).toEqual(['Outlet 1', 'Outlet 2']);
  });

  it('does not take the workshop ad, the source list or the comment form for facts', () => {
    for (const junk of ['Workshop', 'CNBC', 'Reuters: China', 'Leave a Reply', 'email address']) expect(facts()).not.toContain(junk);
  });
});
