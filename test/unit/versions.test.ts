import { describe, expect, it } from 'vitest';
import { changesOf, diffVersions, diffWords, nextVersions, paragraphsOf, type VersionLimits } from '../../src/core/versions';

const P1 = 'The council voted on Tuesday to close the Dunmore bridge for repairs after inspectors found cracks.';
const P2 = 'Engineers said the work would take at least six weeks and cost about 2 million pounds.';
const P3 = 'Residents will be able to use a ferry service run by the county during the closure.';
const body = (...ps: string[]) => ps.join('\n\n');
const AT = '2026-03-02T10:00:00.000Z';

describe('diffVersions: what counts as a change', () => {
  it('finds nothing when only whitespace, case, quotes or dashes differ', () => {
    const before = { title: 'Bridge to close — for “repairs”', text: body(P1, P2) };
    const after = { title: 'Bridge  to close - for "Repairs" ', text: `  ${P1.replace(/ /g, '  ')}\n\n\n${P2}\n` };
    expect(diffVersions(before, after, AT)).toBeNull();
  });

  it('ignores a short line whose numbers tick, such as a view counter', () => {
    const before = { title: 'Bridge to close', text: body(P1, '1,204 views', P2) };
    const after = { title: 'Bridge to close', text: body(P1, '1,377 views', P2) };
    expect(diffVersions(before, after, AT)).toBeNull();
  });

  it('counts a changed figure inside a paragraph of the story', () => {
    const before = { title: 'Bridge to close', text: body(P1, P2) };
    const after = { title: 'Bridge to close', text: body(P1, P2.replace('six weeks', 'nine weeks')) };
    const change = diffVersions(before, after, AT);
    expect(change?.paragraphs).toHaveLength(1);
    const p = change!.paragraphs[0]!;
    expect(p.kind).toBe('changed');
    if (p.kind !== 'changed') return;
    expect(p.before).toBe(P2);
    expect(p.text).toContain('nine weeks');
    expect(p.words.filter((w) => w.op !== 'same')).toEqual([
      { text: 'six', op: 'removed' },
      { text: 'nine', op: 'added' },
    ]);
  });

  it('reports a new headline with its changed words marked', () => {
    const change = diffVersions({ title: 'Council to close Dunmore bridge', text: P1 }, { title: 'Council closes Dunmore bridge for six weeks', text: P1 }, AT);
    expect(change?.headline?.before).toBe('Council to close Dunmore bridge');
    expect(change?.headline?.after).toBe('Council closes Dunmore bridge for six weeks');
    const marked = change!.headline!.words;
    expect(marked.filter((w) => w.op === 'removed').map((w) => w.text)).toEqual(['to', 'close']);
    expect(marked.filter((w) => w.op === 'added').map((w) => w.text)).toEqual(['closes', 'for', 'six', 'weeks']);
    expect(marked.filter((w) => w.op === 'same').map((w) => w.text)).toEqual(['Council', 'Dunmore', 'bridge']);
    expect(change?.paragraphs).toEqual([]);
    expect(change?.seenAt).toBe(AT);
  });

  it('tells added and removed paragraphs from reworded ones, in reading order', () => {
    const added = 'A spokesperson for the county said the ferry would run every twenty minutes from six in the morning.';
    const change = diffVersions({ title: 'T', text: body(P1, P2, P3) }, { title: 'T', text: body(P1, P3, added) }, AT);
    expect(change?.paragraphs).toEqual([
      { kind: 'removed', text: P2 },
      { kind: 'added', text: added },
    ]);
  });

  it('caps how many paragraph changes a record keeps and says how many it left out', () => {
    const many = Array.from({ length: 30 }, (_, i) => `Paragraph number ${i} tells of something new that happened at the scene today.`);
    const change = diffVersions({ title: 'T', text: P1 }, { title: 'T', text: body(P1, ...many) }, AT, { maxParagraphs: 5, maxParagraphChars: 40 });
    expect(change?.paragraphs).toHaveLength(5);
    expect(change?.omitted).toBe(25);
    expect(change!.paragraphs[0]!.text.length).toBeLessThanOrEqual(40);
  });

  it('handles very long texts without a quadratic table', () => {
    const long = Array.from({ length: 2_000 }, (_, i) => `Line ${i} of a very long live blog with words enough to count as prose.`);
    const change = diffVersions({ title: 'T', text: body(...long) }, { title: 'T', text: body(...long.slice(1), 'A brand new closing line for the live blog, added at the end of the day.') }, AT);
    expect(change?.paragraphs.map((p) => p.kind)).toEqual(['removed', 'added']);
  });
});

describe('diffWords', () => {
  it('keeps punctuation with its word and marks only what moved', () => {
    expect(diffWords('Mayor resigns, aides say', 'Mayor resigns, council says')).toEqual([
      { text: 'Mayor', op: 'same' },
      { text: 'resigns,', op: 'same' },
      { text: 'aides', op: 'removed' },
      { text: 'say', op: 'removed' },
      { text: 'council', op: 'added' },
      { text: 'says', op: 'added' },
    ]);
  });
});

describe('paragraphsOf', () => {
  it('splits on blank lines and drops empty or symbol-only lines', () => {
    expect(paragraphsOf(`${P1}\n\n  \n\n***\n\n${P2}`)).toEqual([P1, P2]);
  });
});

describe('nextVersions: keeping both versions', () => {
  const first = { title: 'Council to close bridge', text: body(P1, P2), modifiedAt: null, capturedAt: '2026-03-01T09:00:00.000Z' };

  it('keeps nothing new when the capture is the same article', () => {
    expect(nextVersions(first, { title: first.title, text: `${first.text}\n` }, AT)).toBeUndefined();
  });

  it('keeps the earlier text and what changed, with when each version was first seen', () => {
    const versions = nextVersions(first, { title: 'Council closes bridge', text: body(P1, P2, P3) }, AT)!;
    expect(versions).toHaveLength(1);
    expect(versions[0]).toMatchObject({ seenAt: first.capturedAt, title: first.title, text: first.text });
    expect(versions[0]!.next.headline?.after).toBe('Council closes bridge');
    expect(versions[0]!.next.paragraphs).toEqual([{ kind: 'added', text: P3 }]);

    const third = nextVersions({ ...first, title: 'Council closes bridge', text: body(P1, P2, P3), versions }, { title: 'Bridge closed', text: body(P1, P3) }, '2026-03-03T10:00:00.000Z')!;
    expect(third).toHaveLength(2);
    expect(third[1]!.seenAt).toBe(AT);
    expect(changesOf({ versions: third }).map((c) => c.seenAt)).toEqual([AT, '2026-03-03T10:00:00.000Z']);
  });

  it('drops the oldest versions and texts beyond the caps, keeping what changed', () => {
    const limits: VersionLimits = { maxVersions: 3, maxTextChars: P1.length * 2 + 10, maxParagraphs: 10, maxParagraphChars: 500 };
    let record: typeof first & { versions?: ReturnType<typeof nextVersions> } = { ...first, text: P1 };
    for (let i = 0; i < 5; i++) {
      const title = `Headline number ${i}`;
      const versions = nextVersions(record, { title, text: P1 }, `2026-03-0${i + 2}T00:00:00.000Z`, limits);
      record = { ...record, title, versions };
    }
    expect(record.versions).toHaveLength(3);
    expect(record.versions!.map((v) => v.text === null)).toEqual([true, false, false]);
    expect(record.versions!.map((v) => v.next.headline?.after)).toEqual(['Headline number 2', 'Headline number 3', 'Headline number 4']);
  });
});
