import { describe, expect, it } from 'vitest';
import { evidenceOf, isOutletName } from '../../src/core/matching/boilerplate';
import { featuresOf } from '../../src/core/matching/signature';

const text =
  'BRACKENMOOR (Meridian Wire) — A fire destroyed a storage building at the Halden Polymers plant, fire chief Odette Varga said.\n' +
  'Halden Polymers did not return a call from the Courier.\n' +
  '(Reporting by Tobias Wren in Brackenmoor; editing by Farrah Quist)\n' +
  'Additional reporting by Adaeze Kolawole';

describe('outlet boilerplate', () => {
  it('drops credit lines, the byline and the outlet name from the evidence, and keeps the event', () => {
    const f = featuresOf({ title: 'Fire at Brackenmoor plant', text, lang: 'en', siteName: 'Meridian Wire', byline: 'Farrah Quist and Tobias Wren' });
    const entities = [...f.entities.keys()];
    expect(entities).toEqual(expect.arrayContaining(['@halden polymers', '@varga']));
    for (const staff of ['@wren', '@quist', '@kolawole', '@meridian wire']) expect(entities).not.toContain(staff);
    for (const term of ['meridian', 'wren', 'quist', 'edit', 'reporting']) expect(f.terms.has(term)).toBe(false);
    expect(f.terms.has('brackenmoor')).toBe(true);
  });

  it('leaves articles without an outlet alone and never takes a host name for one', () => {
    const plain = evidenceOf({ title: 'abortion_3_2', text: 'The Times reported it.', lang: 'en', siteName: 'unknown' });
    expect(plain.input.title).toBe('');
    expect(plain.names.size).toBe(0);
    expect(evidenceOf({ title: 'T', text: 'x', lang: 'en', siteName: 'www.nytimes.com' }).names.size).toBe(0);
    expect(isOutletName('The Courier', new Set(['kestrel', 'valley', 'courier']))).toBe(true);
    expect(isOutletName('Kestrel County', new Set(['kestrel', 'valley', 'courier']))).toBe(false);
  });
});
