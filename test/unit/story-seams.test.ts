import { describe, expect, it } from 'vitest';
import type { CapturedArticle } from '../../src/core/article';
import { ingest, mergeStory, placementOf, storyMembers } from '../../src/background/store/library';
import { openParallaxDB } from '../../src/background/store/schema';
import { DEFAULT_SPLIT, findSeam } from '../../src/core/matching/refine';

/** Links from a table of groups: `inside` within a group, `across` between groups. */
function linksOf(groups: string[][], inside: number, across: number) {
  const group = new Map(groups.flatMap((g, i) => g.map((id) => [id, i] as const)));
  return (a: string, b: string) => (group.get(a) === group.get(b) ? inside : across);
}

describe('findSeam', () => {
  const first = ['a1', 'a2', 'a3', 'a4', 'a5'];
  const second = ['b1', 'b2', 'b3', 'b4'];
  // Arrival order interleaves them, as coverage of two incidents of one kind does.
  const members = ['a1', 'a2', 'b1', 'a3', 'b2', 'a4', 'b3', 'b4', 'a5'];

  it('cuts a story holding two groups that resemble themselves far more than each other; the first member keeps the story', () => {
    const seam = findSeam(members, linksOf([first, second], 0.5, 0.2));
    expect(seam?.keep.sort()).toEqual([...first].sort());
    expect(seam?.leave.sort()).toEqual([...second].sort());
    expect(seam!.across).toBeCloseTo(0.2);
  });

  it('leaves a story alone when the groups are nearly as alike across as within', () => {
    expect(findSeam(members, linksOf([first, second], 0.5, 0.4))).toBeNull();
  });

  it('does not cut off a group smaller than the smallest worth a story of its own', () => {
    const few = ['a1', 'a2', 'a3', 'a4', 'a5', 'b1', 'b2'];
    expect(findSeam(few, linksOf([first, ['b1', 'b2']], 0.5, 0.05))).toBeNull();
  });

  it('tells two pairs apart, but does not cut a large story to shed a few weakly linked members', () => {
    const pairs = findSeam(['a1', 'b1', 'a2', 'b2'], linksOf([['a1', 'a2'], ['b1', 'b2']], 0.6, 0.3));
    expect(pairs?.leave.sort()).toEqual(['b1', 'b2']);
    const large = Array.from({ length: 12 }, (_, i) => `a${i}`);
    expect(findSeam([...large, 'b1', 'b2', 'b3'], linksOf([large, ['b1', 'b2', 'b3']], 0.5, 0.1))).toBeNull();
  });

  it('never cuts a story for links it does not have (members filed before links were kept)', () => {
    const old = ['o1', 'o2', 'o3', 'o4'];
    const fresh = ['n1', 'n2', 'n3'];
    // Only the newer articles left links: among themselves, and to the older ones.
    const link = (a: string, b: string) => (old.includes(a) && old.includes(b) ? 0 : fresh.includes(a) && fresh.includes(b) ? 0.6 : 0.3);
    expect(findSeam([...old, ...fresh], link)).toBeNull();
  });

  it('never cuts between two articles the reader put in one story', () => {
    const together = (x: string, y: string) => [x, y].sort().join() === 'a1,b1';
    expect(findSeam(members, linksOf([first, second], 0.5, 0.2), DEFAULT_SPLIT, together)).toBeNull();
  });
});

let n = 0;
function capture(title: string, text: string): CapturedArticle {
  n++;
  const url = `https://outlet${n}.example/story-${n}`;
  return {
    url, canonicalUrl: url, title, siteName: `Outlet ${n}`, byline: null, publishedAt: null, modifiedAt: null,
    lang: 'en', description: null, text, wordCount: text.split(/\s+/).length, isArticle: true,
  };
}

/** Two floods of the same kind, told in the same words: only who, where and how many tell them apart. */
const flood = (town: string, river: string, mayor: string, homes: string, variant: number) => {
  const lines = [
    `The ${river} River broke through the ${town} levee overnight and flooded the lower town.`,
    `Mayor ${mayor} ordered ${homes} homes evacuated as water rose in ${town}.`,
    `Engineers said the levee had been weakened by weeks of rain.`,
    `"We got everyone out before midnight," ${mayor} said of ${town}.`,
    `Shelters opened at the ${town} high school, and guardsmen filled sandbags along the ${river}.`,
    `Residents of ${town} were told it could be days before they return.`,
  ];
  return lines.filter((_, i) => i !== variant % lines.length).join(' ');
};

describe('reconsiderStory (through ingest)', () => {
  it('gives the second of two look-alike incidents a story of its own once its reports outnumber chance', async () => {
    const db = await openParallaxDB();
    const dunmore = (v: number) => capture('Levee fails', flood('Dunmore', 'Marrow', 'Ilse Quarry', '1,200', v));
    const carrick = (v: number) => capture('Levee fails', flood('Carrick', 'Tamsin', 'Ben Ostrow', '860', v));
    const ids: Record<string, string[]> = { dunmore: [], carrick: [] };
    for (let v = 0; v < 5; v++) {
      ids.dunmore!.push((await ingest(db, dunmore(v))).article.id);
      ids.carrick!.push((await ingest(db, carrick(v))).article.id);
    }
    const storyOf = async (id: string) => (await placementOf(db, id))!.storyId;
    const d = await Promise.all(ids.dunmore!.map(storyOf));
    const c = await Promise.all(ids.carrick!.map(storyOf));
    expect(new Set(d).size).toBe(1);
    expect(new Set(c).size).toBe(1);
    expect(c[0]).not.toBe(d[0]);
    expect((await storyMembers(db, d[0]!)).sort()).toEqual([...ids.dunmore!].sort());
  });

  it('keeps together what the reader merged, whatever the links say', async () => {
    const db = await openParallaxDB();
    const ids: string[] = [];
    const first = (await ingest(db, capture('Levee fails', flood('Dunmore', 'Marrow', 'Ilse Quarry', '1,200', 0)))).article.id;
    const second = (await ingest(db, capture('Levee fails', flood('Carrick', 'Tamsin', 'Ben Ostrow', '860', 0)))).article.id;
    await mergeStory(db, first, second);
    for (let v = 1; v < 5; v++) {
      ids.push((await ingest(db, capture('Levee fails', flood('Dunmore', 'Marrow', 'Ilse Quarry', '1,200', v)))).article.id);
      ids.push((await ingest(db, capture('Levee fails', flood('Carrick', 'Tamsin', 'Ben Ostrow', '860', v)))).article.id);
    }
    expect((await placementOf(db, first))!.storyId).toBe((await placementOf(db, second))!.storyId);
  });
});
