import { describe, expect, it } from 'vitest';
import { BEYOND_COMMON, LETTER, NUMBER } from '../../src/core/capture/letters';
import { countWordsLinear } from '../../src/core/capture/words';

/** Every code point the spelt-out classes claim to cover. */
function covered(): string[] {
  const out: string[] = [];
  for (let cp = 0; cp <= 0x27bf; cp++) {
    const ch = String.fromCodePoint(cp);
    if (!BEYOND_COMMON.test(ch)) out.push(ch);
  }
  return out;
}

describe('spelt-out letter and digit classes', () => {
  it('cover Latin, punctuation and symbols but not other scripts', () => {
    expect(BEYOND_COMMON.test('Café – “naïve” €5 → ★ ½')).toBe(false);
    expect(BEYOND_COMMON.test('Привет')).toBe(true);
    expect(BEYOND_COMMON.test('日本')).toBe(true);
    expect(BEYOND_COMMON.test('ok 👍')).toBe(true);
  });

  it('agree with the Unicode property classes on every covered character', () => {
    const letter = new RegExp(`^[${LETTER}]$`);
    const number = new RegExp(`^[${NUMBER}]$`);
    const chars = covered();
    expect(chars.length).toBeGreaterThan(1_000);
    for (const ch of chars) {
      expect([ch, letter.test(ch)]).toEqual([ch, /^\p{L}$/u.test(ch)]);
      expect([ch, number.test(ch)]).toEqual([ch, /^\p{N}$/u.test(ch)]);
    }
  });
});

describe('word counts', () => {
  // The count the property-class pattern gives, as the reference.
  const reference = (text: string): number => text.match(/[\p{L}\p{N}]+(?:['’.,][\p{L}\p{N}]+)*/gu)?.length ?? 0;
  const samples = [
    'It’s 3.5 km, isn’t it? Yes—it is… “Quoted”, (bracketed) and ½ done.',
    'Ünïcödé façade: naïve coöperation, 1,000,000 € and ⅔ of ①②.',
    'Trailing apostrophe’ and ’leading, double’’quote, dots..here, a.b.c',
    'Mixed Привет world, 日本語のテキスト and emoji 👍 too.',
    'ℕ ℓ Ω K Å ⁱ ⁿ ₐ — letterlike ☺ ★ → ─',
  ];

  it('match the property-class pattern on text in and beyond the common ranges', () => {
    for (const text of samples) if (!/[\u3040-\u30ff\u4e00-\u9fff]/.test(text)) expect(countWordsLinear(text, 'en')).toBe(reference(text));
  });

  it('match it on random strings of letters, digits, joiners and symbols', () => {
    const alphabet = [...'aZé9½ⅫℓΩ’\'.,- “—\n★①', 'x', 'ж'];
    let seed = 7;
    const next = (): number => (seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31;
    for (let i = 0; i < 2_000; i++) {
      let text = '';
      for (let j = 0; j < 40; j++) text += alphabet[Math.floor(next() * alphabet.length)];
      expect([text, countWordsLinear(text, 'en')]).toEqual([text, reference(text)]);
    }
  });
});
