/**
 * Second thoughts about a story. A story is decided once, as each article
 * arrives, from what the library holds then: the first report of a second
 * earthquake has nothing but the first quake's story to resemble, so it
 * joins it, and the reports that follow it join it too. Later the story
 * holds two groups that each resemble themselves far more than each other;
 * this finds such a seam and says where to cut.
 *
 * Pure: links between members come from the caller (scores recorded when
 * each member arrived), so no vector is compared here.
 */

export interface SplitThresholds {
  /**
   * Cut when the average link across the seam is below this share of the
   * weaker group's average link within itself.
   */
  seam: number;
  /** Smallest group worth cutting off: one article alone is not yet evidence of a second event. */
  minGroup: number;
  /**
   * Smallest share of the story each group must hold (when that is more than
   * `minGroup`): two pairs may be two stories, but a large story is not cut
   * to shed a few members that are merely weakly linked to the rest.
   */
  minShare: number;
  /** Largest story examined: the work grows with the square of its size. */
  maxSize: number;
  /**
   * Weakest link worth keeping for later: most of an article's forty best
   * matches in a large library are unrelated, and storing them all would
   * cost more room than the article's signature.
   */
  floor: number;
  /** Most links kept per article: a story's members are among an article's best matches, not its fortieth. */
  keep: number;
}

export const DEFAULT_SPLIT: SplitThresholds = { seam: 0.65, minGroup: 2, minShare: 0.3, maxSize: 80, floor: 0.05, keep: 20 };

export interface Seam {
  /** The members that stay (the group holding the story's first member). */
  keep: string[];
  /** The members that leave for a story of their own. */
  leave: string[];
  across: number;
  within: [number, number];
}

/** Link between two members; 0 when neither found the other among its best matches. */
export type LinkOf = (a: string, b: string) => number;

/**
 * Two groups by average link: seeded with the two least alike of the
 * members most linked to the rest, then every member goes to the group it
 * resembles more on average, until nothing moves. Deterministic: members
 * are read in the order given.
 */
function bisect(members: string[], m: number[][]): number[] {
  const k = members.length;
  const total = m.map((row) => row.reduce((a, b) => a + b, 0));
  // Seeds: the least alike pair among members that are linked to others at all.
  let sa = -1;
  let sb = -1;
  let low = Infinity;
  for (let i = 0; i < k; i++) {
    if (total[i]! <= 0) continue;
    for (let j = i + 1; j < k; j++) {
      if (total[j]! <= 0) continue;
      if (m[i]![j]! < low) {
        low = m[i]![j]!;
        sa = i;
        sb = j;
      }
    }
  }
  const side = new Array<number>(k).fill(0);
  if (sa < 0) return side;
  for (let i = 0; i < k; i++) side[i] = m[i]![sa]! >= m[i]![sb]! ? 0 : 1;
  side[sa] = 0;
  side[sb] = 1;
  for (let round = 0; round < 20; round++) {
    let moved = false;
    for (let i = 0; i < k; i++) {
      const sum = [0, 0];
      const n = [0, 0];
      for (let j = 0; j < k; j++) {
        if (j === i) continue;
        sum[side[j]!]! += m[i]![j]!;
        n[side[j]!]!++;
      }
      if (!n[0] || !n[1]) continue;
      const want = sum[0]! / n[0]! >= sum[1]! / n[1]! ? 0 : 1;
      // A member may not empty its own group.
      if (want !== side[i] && n[side[i]!]! > 0 && side.filter((s) => s === side[i]).length > 1) {
        side[i] = want;
        moved = true;
      }
    }
    if (!moved) break;
  }
  return side;
}

function average(m: number[][], a: number[], b: number[]): number {
  let sum = 0;
  let n = 0;
  for (const i of a) for (const j of b) if (i !== j) {
    sum += m[i]![j]!;
    n++;
  }
  return n ? sum / n : 0;
}

/**
 * Where to cut `members` (in the order they joined) in two, or null when
 * the story holds together. `together(a, b)` says the reader put two
 * articles in one story: a cut between them is never proposed.
 */
export function findSeam(members: string[], link: LinkOf, t: SplitThresholds = DEFAULT_SPLIT, together: (a: string, b: string) => boolean = () => false): Seam | null {
  const k = members.length;
  const smallest = Math.max(t.minGroup, Math.ceil(k * t.minShare));
  if (k < 2 * smallest || k > t.maxSize) return null;
  const m = members.map((a) => members.map((b) => (a === b ? 0 : link(a, b))));
  const side = bisect(members, m);
  const groups: [number[], number[]] = [[], []];
  side.forEach((s, i) => groups[s as 0 | 1].push(i));
  const [g0, g1] = groups;
  if (g0.length < smallest || g1.length < smallest) return null;
  const across = average(m, g0, g1);
  const within: [number, number] = [average(m, g0, g0), average(m, g1, g1)];
  if (across >= t.seam * Math.min(...within)) return null;
  for (const i of g0) for (const j of g1) if (together(members[i]!, members[j]!)) return null;
  // The group holding the story's first member keeps the story.
  const keepSide = side[0]!;
  const pick = (s: number) => members.filter((_, i) => side[i] === s);
  return { keep: pick(keepSide), leave: pick(1 - keepSide), across, within: keepSide === 0 ? within : [within[1], within[0]] };
}
