/**
 * What a careful reader would call wrong in a comparison: a figure "dispute"
 * that is no disagreement, a shared fact that is only a shared speaker, a
 * quote given to the wrong person, an editor's note taken for news. Every
 * report here is fiction written for these tests.
 */
import { describe, expect, it } from 'vitest';
import { alignPair, compareStory, type CompareInput } from '../../../src/core/compare';

const base = { url: '', modifiedAt: null, publishedAt: null, lang: 'en', title: 'Ferry fares' };
const report = (id: string, siteName: string, ...paragraphs: string[]): CompareInput => ({ ...base, id, siteName, text: paragraphs.join('\n') });
const disputes = (c: ReturnType<typeof compareStory>) => c.figures.disputed.map((d) => d.values.map((v) => v.text).sort().join(' / '));

describe('figure disputes', () => {
  it('does not set a change against another change the same report also gives', () => {
    const c = compareStory([
      report('a', 'Ledger', 'Crossing the bay on the Marlow ferry will cost 40 cents more from March, after the harbour board voted 5-2 on Monday.', 'The adult fare will rise from $3.10 to $3.50.', 'The fare was last raised in 2016, from $2.80 to $3.10.'),
      report('b', 'Courier', 'Island commuters on the Marlow ferry will pay 60 cents more each way from March, after the harbour board voted 5-2 on Monday.', 'The adult fare will rise from $3.10 to $3.50, and the island express fare from $5 to $5.60.'),
    ]);
    // 40 cents is the adult fare's rise, 60 cents the express fare's: the Courier gives both changes.
    expect(disputes(c).join(' ')).not.toMatch(/cents/);
    // "$2.80" (2016's old fare) and "$5" (the express fare before) are ends of different changes.
    expect(disputes(c).join(' ')).not.toMatch(/\$2\.80|\$5\b/);
  });

  it('keeps values that can both be true out of the disputes, and real disagreements in', () => {
    const c = compareStory([
      report('a', 'One', 'More than 300 residents of Dunmore Quay were evacuated after the chemical leak at the Tessaly depot.', 'The depot owner put the cleanup cost at roughly $4 million.', 'About 75 firefighters from the county attended the Tessaly depot leak.'),
      report('b', 'Two', 'The chemical leak at the Tessaly depot forced 340 residents of Dunmore Quay from their homes.', 'The company estimated the cleanup cost at about $4.1 million.', 'More than 90 firefighters from the county attended the Tessaly depot leak.'),
      report('c', 'Three', 'Officials evacuated about 400 people from Dunmore Quay after the leak at the Tessaly depot.'),
    ]);
    const found = disputes(c).join(' | ');
    expect(found).not.toMatch(/300/);
    expect(found).not.toMatch(/\$4 million/);
    expect(found).toMatch(/340 residents \/ 400 people/);
    expect(found).toMatch(/75 firefighters \/ 90 firefighters/);
  });

  it('reads two years apart as two years', () => {
    const c = compareStory([
      report('a', 'One', 'The Orrel bridge was last repaired in 2015, according to the county roads office.'),
      report('b', 'Two', 'The Orrel bridge was last repaired in 2019, according to the county roads office.'),
    ]);
    expect(c.figures.agreed.map((f) => f.text)).toEqual([]);
  });
});

describe('shared statements', () => {
  it('does not call two different remarks of one speaker a shared fact', () => {
    const c = compareStory([
      report('a', 'One', 'Harbour Board Chair Ilsa Varne, who backed the rise, said the board had run out of ways to delay it.', 'The board approved the new timetable on Monday evening after a long debate.'),
      report('b', 'Two', 'Harbour Board Chair Ilsa Varne said the only alternative was cutting the night sailings.', 'The board approved the new timetable on Monday evening after a short debate.'),
    ]);
    const shared = [...c.agreed, ...c.partlyShared].map((s) => s.text).join(' ');
    expect(shared).not.toMatch(/Varne/);
    expect(shared).toMatch(/timetable/);
  });

  it('does not pair sentences of a few words on one shared word', () => {
    const c = compareStory([
      report('a', 'One', 'Fire tore through a grain store at Marlow quay overnight, the harbour master said.', '"Our crews did that.', 'Nobody was hurt, according to the harbour office.'),
      report('b', 'Two', 'A fire destroyed a grain store at Marlow quay overnight, the harbour master said.', 'The crews kept it off the main quay and away from the ferries, the chief said.'),
    ]);
    const sources = [...c.agreed, ...c.partlyShared].flatMap((s) => s.sources.map((r) => r.text));
    expect(sources).not.toContain('"Our crews did that.');
  });

  it('lines up sentences that give rival counts of one thing', () => {
    const aligned = alignPair(
      report('a', 'One', 'A fire destroyed a grain store at Marlow quay overnight.', 'More than 90 firefighters from 11 brigades worked through the night, pouring water onto the stacks from ladder trucks and a fireboat.', 'The store had been empty for a month.'),
      report('b', 'Two', 'Fire gutted a grain store on Marlow quay late on Monday.', 'About 75 firefighters from nine brigades responded.', 'The harbour board said it would rebuild.'),
    );
    const row = aligned.rows.find((r) => r.left?.ref.text.includes('90 firefighters'));
    expect(row?.right?.ref.text).toContain('75 firefighters');
  });
});

describe('quotes', () => {
  const c = compareStory([
    report(
      'a',
      'One',
      '"They were our only buyer," said Rhona Kestle, the cooperative\'s manager.',
      'Kestle said growers should keep the wrap dry until the plant reopens.',
      'Piet Morrow, a driver who has hauled for the cooperative for a decade, said he had not been paid since Friday.',
      'Kestle said hauling elsewhere would cost three times as much.',
      '"We built this scheme so nobody would burn plastic in a field," she said.',
      '"The relief money bought us a season," Morrow said. "It did not fix the sums."',
    ),
    report('b', 'Two', '"I ride the early boat and then the tram to get to my shift."', '— Tove Aldane, hospital porter', 'Placards at the meeting read "The fare rise will hurt the riders who can least afford it."'),
    report('c', 'Three', 'A banner outside read "The fare rise will help the riders who travel every day."'),
    report(
      'd',
      'Four',
      'Mara Olsen of Fjord Capital Markets called the ruling a turning point for the port.',
      '"Both sides want a deal before the winter schedule," she said.',
      'Runoff reached the Cobble River, which flows past the depot. Edda Vorn, a spokeswoman for the county, said booms were placed below the depot.',
      '"We are taking samples every hour," Vorn said.',
    ),
  ]);
  const speakerOf = (fragment: string) => c.quotes.find((q) => q.quotes.some((x) => x.text.includes(fragment)))?.speaker;

  it('gives "she said" to the person last named, not the last one introduced', () => {
    expect(speakerOf('We built this scheme')).toBe('Rhona Kestle');
  });

  it('gives a quote that continues another in its paragraph to the same speaker', () => {
    expect(speakerOf('did not fix the sums')).toBe('Piet Morrow');
  });

  it('takes a person, not the firm named after her, for "she", and names a speaker in full', () => {
    expect(speakerOf('Both sides want a deal')).toBe('Mara Olsen');
    expect(speakerOf('taking samples every hour')).toBe('Edda Vorn');
  });

  it('reads the credit line under a quote set apart', () => {
    expect(speakerOf('early boat and then the tram')).toBe('Tove Aldane');
  });

  it('does not merge unattributed quotes from different outlets that merely sound alike', () => {
    const unnamed = c.quotes.find((q) => q.speaker === null);
    expect(unnamed?.quotes.every((q) => q.siteNames.length === 1)).toBe(true);
  });
});

describe('what is not reportage', () => {
  it('keeps editors\' notes, credits and funding disclosures out of the facts', () => {
    const c = compareStory([
      report(
        'a',
        'One',
        'The Marlow ferry will run an extra sailing on Saturdays from June, the harbour board said.',
        'This story has been updated with comments from the harbour master.',
        'Update, June 2: This article was corrected to give the right sailing time.',
        'The Bay Bulletin receives funding from readers and local foundations.',
        'None of them has any role in our coverage of the harbour.',
        '(Reporting by Ada Penn; editing by Rob Vail)',
      ),
      report('b', 'Two', 'An extra Saturday sailing of the Marlow ferry starts in June, the harbour board said.'),
    ]);
    const facts = JSON.stringify([c.agreed, c.partlyShared, c.onlyHere]);
    for (const junk of ['has been updated', 'was corrected', 'receives funding', 'role in our coverage', 'Reporting by']) expect(facts).not.toContain(junk);
    expect(c.agreed.length + c.partlyShared.length).toBe(1);
  });
});
