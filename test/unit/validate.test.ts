import { describe, expect, it } from 'vitest';
import { array, check, nullable, number, object, string } from '../../src/core/validate';

describe('validators', () => {
  const person = object({ name: string({ max: 5 }), age: number({ min: 0, integer: true }), tags: array(string(), { max: 2 }), note: nullable(string()) });

  it('accepts a well-formed value and drops unknown keys', () => {
    const result = check(person, { name: 'Ann', age: 3, tags: ['a'], note: null, extra: '<script>' });
    expect(result).toEqual({ ok: true, value: { name: 'Ann', age: 3, tags: ['a'], note: null } });
  });

  it.each([
    [{ name: 'Ann', age: -1, tags: [], note: null }, 'age: below 0'],
    [{ name: 'Annabel', age: 1, tags: [], note: null }, 'name: longer than 5'],
    [{ name: 'Ann', age: 1.5, tags: [], note: null }, 'age: expected an integer'],
    [{ name: 'Ann', age: 1, tags: ['a', 'b', 'c'], note: null }, 'tags: more than 2'],
    [{ name: 'Ann', age: 1, tags: [7], note: null }, 'tags[0]: expected a string, got number'],
    [{ name: 'Ann', age: Number.NaN, tags: [], note: null }, 'age: expected a finite number'],
    ['just text', 'value: expected an object, got string'],
  ])('rejects %j with a message naming the field', (input, message) => {
    const result = check(person, input);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.error).toContain(message);
  });
});
