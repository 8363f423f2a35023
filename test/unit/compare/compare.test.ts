import { describe, expect, it } from 'vitest';
import { compareStory, reportageParagraphs } from '../../../src/core/compare';
import { ORCHARD } from './fixtures';

describe('compareStory', () => {
  const c = compareStory(ORCHARD);

  it('finds the statements every report makes, with the sentence in each', () => {
    const shelter = c.agreed.find((s) => /library/.test(s.text));
    expect(shelter?.reports).toBe(3);
    expect(shelter?.sources.map((s) => s.articleId)).toEqual(['a', 'b', 'c']);
    for (const source of shelter!.sources) expect(source.text).toMatch(/library/);
    expect(c.agreed.some((s) => /flooded Orchard Street/.test(s.text))).toBe(true);
  });

  it('puts what only one outlet reports under that outlet', () => {
    const only = (id: string) => c.onlyHere.find((o) => o.articleId === id)?.statements.map((s) => s.text).join(' ') ?? '';
    expect(only('b')).toMatch(/\$4 million/);
    expect(only('a')).toMatch(/culvert/);
    expect(only('c')).toBe('');
  });

  it('never turns page furniture into facts', () => {
    const everything = JSON.stringify([c.agreed, c.partlyShared, c.onlyHere]);
    for (const junk of ['Leave a Reply', 'email address', 'Related stories', 'parking fees', 'newsletter', 'inbox', 'By Tom Reed']) {
      expect(everything).not.toContain(junk);
    }
  });

  it('shows figures that differ for the same statement side by side', () => {
    const homes = c.figures.disputed.find((d) => d.values.some((v) => v.text.includes('220')));
    expect(homes?.values.map((v) => v.text).sort()).toEqual(['220 homes', '250 homes']);
    const closure = c.figures.disputed.find((d) => d.subject === 'closure');
    expect(closure?.values.map((v) => [v.text, v.mentions.map((m) => m.siteName)])).toEqual(
      expect.arrayContaining([
        ['30-day', ['Lakeside Herald']],
        ['45-day', ['Valley Wire']],
      ]),
    );
  });

  it('finds rival figures even where the sentences around them are worded differently', () => {
    const base = { url: '', modifiedAt: null, lang: 'en', publishedAt: null, title: 'Warehouse fire' };
    const rivals = compareStory([
      { ...base, id: 'x', siteName: 'One', text: 'More than 90 firefighters from 11 departments worked through the night at the Tolland warehouse.\nThe owner put the damage at $8 million.' },
      { ...base, id: 'y', siteName: 'Two', text: 'About 75 firefighters from nine departments responded to the Tolland warehouse.\nThe company estimated the loss at $12 million.' },
      { ...base, id: 'z', siteName: 'Three', text: 'Two firefighters were treated for heat exhaustion.\nFour firefighters from a volunteer company arrived later.' },
    ]).figures.disputed;
    const pairs = rivals.map((d) => d.values.map((v) => v.text).sort().join(' / '));
    expect(pairs).toEqual(expect.arrayContaining(['75 firefighters / 90 firefighters', '11 departments / nine departments', '$12 million / $8 million']));
    // Small counts of different things are not rivals.
    expect(pairs.join(' ')).not.toMatch(/Two firefighters|Four firefighters/);
  });

  it('lists who is quoted and by which outlets', () => {
    const quill = c.quotes.find((q) => q.speaker === 'Mara Quill');
    expect(quill?.siteNames).toEqual(['Lakeside Herald', 'Pelling Times']);
    expect(quill?.quotes).toHaveLength(1);
    expect(c.quotes.find((q) => q.speaker?.endsWith('Arlow'))?.siteNames).toEqual(['Valley Wire']);
  });

  it('marks the headline words no other outlet uses', () => {
    const wire = c.headlines.find((h) => h.articleId === 'b')!;
    const marked = wire.words.filter((w) => w.distinctive).map((w) => w.text);
    expect(marked).toEqual(expect.arrayContaining(['forces', '250']));
    expect(marked).not.toContain('Orchard');
  });

  it('orders the reports in time', () => {
    expect(c.timeline.map((t) => [t.siteName, t.minutesAfterFirst])).toEqual([
      ['Lakeside Herald', 0],
      ['Valley Wire', 210],
      ['Pelling Times', 375],
    ]);
  });

  it('counts a wire story run by several sites as one report', () => {
    const copy = { ...ORCHARD[1]!, id: 'b2', siteName: 'Hill Gazette', url: 'https://hill.test/' };
    const withCopy = compareStory([...ORCHARD, copy]);
    expect(withCopy.wire).toEqual([{ articleIds: ['b', 'b2'], siteNames: ['Valley Wire', 'Hill Gazette'] }]);
    expect(withCopy.reports).toBe(3);
    const fund = withCopy.partlyShared.concat(withCopy.agreed).find((s) => /\$4 million/.test(s.text));
    expect(fund).toBeUndefined();
  });

  it('orders equally shared statements as the reports tell them, whatever the ids', () => {
    const report = (id: string, siteName: string, lines: string[]) => ({ id, siteName, title: 'Bridge closes', text: lines.join('\n\n'), url: `https://${id}.example/a`, publishedAt: null, modifiedAt: null, lang: 'en' });
    const first = 'Engineers closed the Harlow river bridge after inspectors found cracked steel girders on Monday.';
    const second = 'Commuters must use the ferry crossing near Penmore harbour until repairs finish in spring.';
    const orders = [
      ['z9', 'y1', 'a0'],
      ['a1', 'b2', 'c3'],
    ].map((ids) =>
      compareStory([
        report(ids[0]!, 'One', [first, second]),
        report(ids[1]!, 'Two', [`On Monday, ${first.charAt(0).toLowerCase()}${first.slice(1)}`, second]),
        // The third report tells them the other way round; two of three tell the girders first.
        report(ids[2]!, 'Three', [`Officials said ${second.charAt(0).toLowerCase()}${second.slice(1)}`, first]),
      ]).agreed.map((s) => s.text),
    );
    expect(orders[0]).toHaveLength(2);
    expect(orders[0]![0]).toMatch(/girders/);
    expect(orders[1]![0]).toMatch(/girders/);
  });

  it('copes with empty, one-sentence and foreign-script reports', () => {
    const odd = compareStory([
      { ...ORCHARD[0]!, id: 'e', text: '' },
      { ...ORCHARD[0]!, id: 'f', text: 'Flood.' },
      { ...ORCHARD[0]!, id: 'g', text: '大雨で通りが浸水した。住民は避難した。', lang: 'ja', title: '大雨' },
    ]);
    expect(odd.outlets).toHaveLength(3);
    expect(odd.agreed).toEqual([]);
  });
});

describe('reportageParagraphs', () => {
  it('cuts a trailing block of sources, comments or promotions, and keeps the story', () => {
    const text = 'First fact of the story is here.\nSecond fact follows in this line.\nThird line of the report.\nSources\n- Outlet: Some headline\nLeave a Reply';
    expect(reportageParagraphs(text)).toEqual(['First fact of the story is here.', 'Second fact follows in this line.', 'Third line of the report.']);
  });
  it('drops headings and bylines but keeps quoted sentences', () => {
    expect(reportageParagraphs('By Ada Brook\nA Shift in Tone\n"We will rebuild," she said.')).toEqual(['"We will rebuild," she said.']);
  });
});
