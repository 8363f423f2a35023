import { describe, expect, it } from 'vitest';
import { documentFrequency, ingest, ingestMany, relatedTo } from '../../src/background/store/library';
import { FREQUENCY_BASE, FREQUENCY_SINGLES, openParallaxDB } from '../../src/background/store/schema';
import { syntheticArticles } from '../../scripts/lib/synthetic';

// A context opening the library afresh reads the frequency table without its keys of count 1:
// whatever it answers must be what a context holding every count answers.
describe('a library opened cold', () => {
  it('answers as the context that filed it, and files with every count, singles included', async () => {
    const library = syntheticArticles(420, { seed: 5 }).map((a) => a.capture);
    // A word only one article has, filed before the table is folded: it is stored among the singles.
    const word = 'zorbulanx';
    library[5] = { ...library[5]!, text: `${library[5]!.text} The ${word} committee met.` };
    const filer = await openParallaxDB();
    const filed = await ingestMany(filer, library.slice(0, 400));
    // A few more one by one: their counts are stored beside the folded table.
    for (const c of library.slice(400, 410)) filed.push(await ingest(filer, c));
    const base = (await filer.get('frequency-table', FREQUENCY_BASE)) as { singlesApart?: true };
    expect(base.singlesApart).toBe(true);
    expect(((await filer.get('frequency-table', FREQUENCY_SINGLES)) as Uint32Array).length).toBeGreaterThan(100);

    const sample = filed.filter((_, i) => i % 41 === 0).map((f) => f.article.id);
    const warm = await Promise.all(sample.map((id) => relatedTo(filer, id, { minScore: -1 })));
    const cold = await openParallaxDB();
    expect(cold).not.toBe(filer);
    for (let i = 0; i < sample.length; i++) expect(await relatedTo(cold, sample[i]!, { minScore: -1 })).toEqual(warm[i]);

    // Counted once, then twice once an article filed by a context opened cold shares it.
    const second = { ...library[411]!, text: `${library[411]!.text} The ${word} committee met again.` };
    const again = await openParallaxDB();
    expect(await documentFrequency(again, word)).toBe(1);
    const late = await openParallaxDB();
    await ingest(late, second);
    expect(await documentFrequency(late, word)).toBe(2);
    expect(await documentFrequency(await openParallaxDB(), word)).toBe(2);
  });
});
