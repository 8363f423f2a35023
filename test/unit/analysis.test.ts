import { describe, expect, it } from 'vitest';
import { analyze, datelineOf, extractEntities, extractFigures, extractQuotes, figureKey, normalizeTerm, sentences, tokenize } from '../../src/core/analysis';

describe('tokens and sentences', () => {
  it('finds words in scripts without spaces through the segmenter', () => {
    const words = tokenize('中国正在评估美国的贸易谈判提议', 'zh').map((t) => t.text);
    expect(words.length).toBeGreaterThan(3);
    expect(words.join('')).toBe('中国正在评估美国的贸易谈判提议');
  });
  it('keeps offsets and decimals in spaced scripts', () => {
    const toks = tokenize('A 6.1 quake hit Sulawesi.');
    expect(toks.map((t) => t.text)).toEqual(['A', '6.1', 'quake', 'hit', 'Sulawesi']);
    expect(toks[3]!.start).toBe(12);
  });
  it('does not end a sentence after a title or an initial', () => {
    const s = sentences('Mr. Trump met J. Smith in the U.S. capital. Then he left.\nNew paragraph');
    expect(s.map((x) => x.text.trim())).toEqual(['Mr. Trump met J. Smith in the U.S. capital.', 'Then he left.', 'New paragraph']);
  });
  it('folds English inflections together but leaves other languages alone', () => {
    expect(normalizeTerm('Floods')).toBe(normalizeTerm('flooded'));
    expect(normalizeTerm('evacuated')).toBe(normalizeTerm('evacuating'));
    expect(normalizeTerm('Häuser', 'de')).toBe('häuser');
  });
});

describe('entities', () => {
  const text =
    'Mayor Ilse Quarry ordered 1,200 homes evacuated in Dunmore on Tuesday. The Marrow River broke through the levee, the Dunmore Water Authority said. Quarry said engineers were on site.';
  it('types people, places and organisations and folds surnames into full names', () => {
    const e = extractEntities(text);
    const byName = new Map(e.map((x) => [x.name, x]));
    expect(byName.get('Ilse Quarry')).toMatchObject({ kind: 'person', key: 'quarry', mentions: 2 });
    expect(byName.get('Dunmore')?.kind).toBe('place');
    expect(byName.get('Marrow River')?.kind).toBe('place');
    expect(byName.get('Dunmore Water Authority')?.kind).toBe('organisation');
    expect(byName.has('The')).toBe(false);
    expect(byName.has('Tuesday')).toBe(false);
  });

  it('takes no names from lines in headline case, nor opening adverbs, but keeps a name that opens a sentence', () => {
    const e = extractEntities(
      'Red Sox Will Nab Star Slugger\nEarlier, the Boston Red Sox offered Mark Teixeira eight years. Publicly the club said little. Teixeira, 28, has not decided. Agents say Teixeira wants more.',
    );
    const names = e.map((x) => x.name);
    expect(names).toEqual(expect.arrayContaining(['Boston Red Sox', 'Mark Teixeira']));
    expect(names).not.toContain('Earlier');
    expect(names).not.toContain('Publicly');
    expect(names.some((n) => /Nab|Slugger/.test(n))).toBe(false);
    expect(e.find((x) => x.name === 'Mark Teixeira')?.mentions).toBe(3);
  });
});

describe('figures', () => {
  it('reads percentages, money, counts, durations, ages, magnitudes and dates with their units', () => {
    const f = extractFigures(
      'US tariffs stand at 145%, and a $200 million offer came with a 90-day deadline. A 6.1-magnitude quake left 1,200 homes empty; a 29-year-old man died on December 15th, 2008.',
    );
    const got = f.map((x) => `${x.kind}:${x.value}:${x.unit}`);
    expect(got).toEqual(
      expect.arrayContaining(['percent:145:%', 'money:200000000:usd', 'duration:90:day', 'magnitude:6.1:magnitude', 'count:1200:home', 'age:29:year']),
    );
    expect(f.find((x) => x.kind === 'date')?.iso).toBe('2008-12-15');
    expect(f.find((x) => x.kind === 'percent')?.context).toBe('US tariffs stand at 145%, and a $200 million offer came with a 90-day deadline.');
  });

  it('keys large amounts to three digits but years exactly', () => {
    const keys = extractFigures('The budget of 2015 set aside $12,345,678, up from the budget of 2016.').map(figureKey);
    expect(keys).toEqual(expect.arrayContaining(['year:2015:year', 'year:2016:year', 'money:12300000:usd']));
  });
});

describe('datelineOf', () => {
  it('reads the date a page prints with its headline, in the common forms', () => {
    expect(datelineOf('Published: August 7, 2012\nA fire destroyed the dairy.')).toBe('2012-08-07');
    expect(datelineOf('Quake hits island\nUPDATED 05 / 03 / 2013 at 11: 00 AM EDT\nA quake struck.')).toBe('2013-05-03');
    expect(datelineOf('Navy foils attack\n27 / 09 / 2013\nThe navy said.')).toBe('2013-09-27');
    expect(datelineOf('WASHINGTON, DC, April 28, 2009\nThe agency said.')).toBe('2009-04-28');
    expect(datelineOf('PUBLISHED: WEDNESDAY, MARCH 13, 2013, 2: 29 PM\nThe pope was elected.')).toBe('2013-03-13');
  });

  it('takes no date from inside a sentence or from deep in the text', () => {
    expect(datelineOf('Page was born on April 22, 1923, in Nashville, Tenn.\nShe died on Sunday.')).toBeNull();
    expect(datelineOf('The council met on Tuesday and approved the bridge, officials said.')).toBeNull();
    expect(datelineOf(`${'The council met again. '.repeat(30)}\nMay 3, 2013`)).toBeNull();
  });
});

describe('quotes', () => {
  it('attributes quotes to the named speaker or, after "he said", to the person last named', () => {
    const text = 'Representative Carl Seel welcomed the call. “I’m honored to get the ability to meet with him,” said Seel. Later Seel spoke again: "We will keep pressing on this issue," he said.';
    const quotes = extractQuotes(text, extractEntities(text));
    expect(quotes.map((q) => q.speaker)).toEqual(['Carl Seel', 'Carl Seel']);
  });
});

describe('analyze', () => {
  it('survives empty, one-word, huge and other-script input', () => {
    expect(analyze({ title: '', text: '', lang: null }).terms.size).toBe(0);
    expect(analyze({ title: 'Flood', text: 'Flood', lang: 'en' }).terms.get('flood')).toBe(4);
    const huge = 'The levee failed near Dunmore. '.repeat(40_000);
    const t0 = performance.now();
    const a = analyze({ title: 'x', text: huge, lang: 'en' });
    expect(performance.now() - t0).toBeLessThan(2_000);
    expect(a.terms.get('levee')).toBeGreaterThan(100);
    expect(analyze({ title: 'Землетрясение', text: 'Сильное землетрясение произошло в Японии.', lang: 'ru' }).terms.has('землетрясение')).toBe(true);
  });
});

describe('sentences around clock times', () => {
  it('does not end a sentence at "p.m." before a weekday, but does before a new sentence', () => {
    const text = 'The fire was reported at 11:40 p.m. Monday, when a driver called. Crews left at 6 a.m. The road reopened.';
    expect(sentences(text).map((s) => s.text.trim())).toEqual([
      'The fire was reported at 11:40 p.m. Monday, when a driver called.',
      'Crews left at 6 a.m.',
      'The road reopened.',
    ]);
  });
});

describe('numbered names', () => {
  it('keeps the number of "Route 6" with its word, so two different routes share no name', () => {
    const names = (text: string) => extractEntities(text).map((e) => e.name);
    expect(names('The Route 6 bus was detoured around the neighbourhood.')).toEqual(['Route 6']);
    expect(names('You could see the smoke from Route 9 halfway home.')).toEqual(['Route 9']);
    // Years and bare numbers are not names.
    expect(names('Since 2009 the Halden plant has run in March 2024 on Weir Road.')).not.toContain('2009');
    expect(names('In March 2024 the council met.').some((n) => /\d/.test(n))).toBe(false);
  });
});
