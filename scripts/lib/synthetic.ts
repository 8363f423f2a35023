/**
 * A seeded synthetic news stream for the matching benchmark: events of a few
 * dozen kinds (so reports of two fires share their vocabulary), each reported
 * by one to five outlets with its own place, people, organisation, figures and
 * day, over a Zipf-distributed background vocabulary. Same seed, same stream.
 */
import type { CapturedArticle } from '../../src/core/article';

export function mulberry32(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

const SYLLABLES = 'ba be bi bo bu da de di do du fa fe fi ka ke ki ko ku la le li lo lu ma me mi mo mu na ne ni no nu ra re ri ro ru sa se si so su ta te ti to tu va ve vi vo wa we wi zo zu'.split(' ');
const LETTERS = ['', 'n', 'r', 's', 'l', 'm', 't'];

function word(random: () => number, syllables: number): string {
  let w = '';
  for (let i = 0; i < syllables; i++) w += SYLLABLES[Math.floor(random() * SYLLABLES.length)]!;
  return w + LETTERS[Math.floor(random() * LETTERS.length)]!;
}

const cap = (w: string) => w[0]!.toUpperCase() + w.slice(1);

export interface SyntheticOptions {
  seed?: number;
  /** Distinct background words. */
  vocabulary?: number;
  kinds?: number;
}

export interface SyntheticArticle {
  capture: CapturedArticle;
  event: number;
}

/** `count` articles in arrival order; the reports of one event arrive together, as in a reader's stream. */
export function syntheticArticles(count: number, options: SyntheticOptions = {}): SyntheticArticle[] {
  return [...syntheticStream(count, options)];
}

/** The same articles one at a time, so a large library need not sit in memory twice. */
export function* syntheticStream(count: number, options: SyntheticOptions = {}): Generator<SyntheticArticle> {
  const random = mulberry32(options.seed ?? 1);
  const vocabulary = Array.from({ length: options.vocabulary ?? 20_000 }, (_, i) => word(random, 2 + (i % 3)));
  // Zipf by inverse-CDF over ranks: a few words are everywhere, most are rare.
  const cdf: number[] = [];
  let total = 0;
  for (let r = 1; r <= vocabulary.length; r++) cdf.push((total += 1 / r));
  const background = () => {
    const x = random() * total;
    let lo = 0;
    let hi = cdf.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cdf[mid]! < x) lo = mid + 1;
      else hi = mid;
    }
    return vocabulary[lo]!;
  };
  const kinds = Array.from({ length: options.kinds ?? 40 }, () => Array.from({ length: 60 }, () => word(random, 3)));
  const outlets = Array.from({ length: 60 }, () => `The ${cap(word(random, 2))} ${cap(word(random, 2))}`);
  let produced = 0;
  let event = 0;
  while (produced < count) {
    const kind = kinds[Math.floor(random() * kinds.length)]!;
    const topic = Array.from({ length: 15 }, () => kind[Math.floor(random() * kind.length)]!);
    const place = cap(word(random, 3));
    const people = [0, 1, 2].map(() => `${cap(word(random, 2))} ${cap(word(random, 3))}`);
    const org = `${cap(word(random, 2))} ${['Group', 'Council', 'Agency', 'Company'][Math.floor(random() * 4)]}`;
    const figures = [`${Math.floor(random() * 900) + 10} homes`, `$${Math.floor(random() * 90) + 2} million`, `${Math.floor(random() * 60) + 2}%`];
    const day = Date.UTC(2020, 0, 1) + Math.floor(random() * 2000) * 86_400_000;
    const reports = 1 + Math.floor(random() * 5);
    for (let k = 0; k < reports && produced < count; k++) {
      const outlet = outlets[Math.floor(random() * outlets.length)]!;
      const sentences: string[] = [];
      const length = 250 + Math.floor(random() * 400);
      let words = 0;
      while (words < length) {
        const n = 10 + Math.floor(random() * 12);
        const s: string[] = [];
        for (let i = 0; i < n; i++) {
          const r = random();
          if (r < 0.05) s.push(place);
          else if (r < 0.08) s.push(people[Math.floor(random() * 3)]!);
          else if (r < 0.09) s.push(org);
          else if (r < 0.1) s.push(figures[Math.floor(random() * 3)]!);
          else if (r < 0.35) s.push(topic[Math.floor(random() * topic.length)]!);
          else s.push(background());
        }
        s[0] = cap(s[0]!);
        sentences.push(`${s.join(' ')}.`);
        words += n;
      }
      const id = produced++;
      const url = `https://bench.invalid/${id}`;
      const text = sentences.join(' ');
      yield {
        event,
        capture: {
          url,
          canonicalUrl: url,
          title: `${cap(topic[0]!)} ${topic[1]} in ${place} ${topic[2]}`,
          siteName: outlet,
          byline: null,
          publishedAt: new Date(day + Math.floor(random() * 3) * 86_400_000).toISOString(),
          modifiedAt: null,
          lang: 'en',
          description: null,
          text,
          wordCount: words,
          isArticle: true,
        },
      };
    }
    event++;
  }
}
