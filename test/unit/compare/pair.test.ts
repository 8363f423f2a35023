import { describe, expect, it } from 'vitest';
import { alignPair } from '../../../src/core/compare';
import { ORCHARD } from './fixtures';

describe('alignPair', () => {
  const [a, b] = ORCHARD as [(typeof ORCHARD)[0], (typeof ORCHARD)[0]];
  const aligned = alignPair(a, b);

  it('lines up the sentences that say the same thing and marks the words that differ', () => {
    const homes = aligned.rows.find((r) => r.left?.ref.text.includes('220 homes'));
    expect(homes?.right?.ref.text).toContain('250 homes');
    expect(homes!.left!.words.filter((w) => w.changed).map((w) => w.text)).toEqual(expect.arrayContaining(['220', 'dawn']));
    expect(homes!.right!.words.filter((w) => w.changed).map((w) => w.text)).toEqual(expect.arrayContaining(['250', 'early']));
    expect(homes!.left!.words.find((w) => w.text === 'Orchard')?.changed).toBe(false);
  });

  it('keeps every sentence of both reports exactly once, in each report\'s own order', () => {
    const lefts = aligned.rows.flatMap((r) => (r.left ? [r.left.ref.index] : []));
    const rights = aligned.rows.flatMap((r) => (r.right ? [r.right.ref.index] : []));
    expect(lefts).toEqual([...lefts].sort((x, y) => x - y));
    expect(new Set(lefts).size).toBe(lefts.length);
    expect(new Set(rights).size).toBe(rights.length);
    expect(lefts.length).toBe(5);
    expect(rights.length).toBe(5);
  });

  it('leaves a sentence only one report has unpaired and unmarked', () => {
    const fund = aligned.rows.find((r) => r.right?.ref.text.includes('$4 million'));
    expect(fund?.left).toBeNull();
    expect(fund!.right!.words.every((w) => !w.changed)).toBe(true);
  });
});
