/**
 * Figures as reporters write them: "145%", "$200 million", "a 6.1-magnitude
 * quake", "1,200 homes", "a 90-day deadline", "December 15th, 2008". Each
 * gets a kind, a value in plain units and the word it counts, so two reports
 * can be compared on the numbers they give (and disagree on).
 */
import { normalizeTerm, sentences } from './tokens';

export type FigureKind = 'percent' | 'money' | 'count' | 'duration' | 'age' | 'magnitude' | 'date' | 'year';

export interface Figure {
  kind: FigureKind;
  value: number;
  /** Currency, time unit or the counted noun (stemmed): "usd", "day", "home". */
  unit: string;
  /** As written. */
  text: string;
  /** The sentence it appears in, for showing it in context. */
  context: string;
  start: number;
  /** For dates: YYYY-MM-DD, or YYYY-MM-?? when the day is not given. */
  iso?: string;
}

const SMALL: Record<string, number> = {
  one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, eleven: 11, twelve: 12,
  thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17, eighteen: 18, nineteen: 19, twenty: 20,
  thirty: 30, forty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90, hundred: 100, dozen: 12,
};
const SCALE: Record<string, number> = { thousand: 1e3, k: 1e3, million: 1e6, m: 1e6, mn: 1e6, billion: 1e9, bn: 1e9, b: 1e9, trillion: 1e12, tn: 1e12 };
const CURRENCY: Record<string, string> = { $: 'usd', us$: 'usd', '£': 'gbp', '€': 'eur', '¥': 'jpy', dollars: 'usd', dollar: 'usd', euros: 'eur', euro: 'eur', pounds: 'gbp', yuan: 'cny', yen: 'jpy', rupees: 'inr' };
const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];
const MONTH_RE = '(Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\\.?';
/** Words after a number that are not what it counts. */
const NOT_UNITS = new Set('of to and or the a in on at for from by with than more less about nearly almost over under per people'.split(' '));

const NUM = '(\\d{1,3}(?:,\\d{3})+|\\d+(?:\\.\\d+)?)';
const WORDNUM = `(${Object.keys(SMALL).join('|')})`;

const PATTERNS: { kind: FigureKind; re: RegExp }[] = [
  { kind: 'money', re: new RegExp(`(US\\$|\\$|£|€|¥)\\s?${NUM}(?:\\s?(thousand|million|billion|trillion|bn|mn|tn|m|k|b)\\b)?`, 'gi') },
  { kind: 'money', re: new RegExp(`${NUM}\\s?(thousand|million|billion|trillion|bn|m)?\\s(dollars?|euros?|pounds|yuan|yen|rupees)\\b`, 'gi') },
  { kind: 'percent', re: new RegExp(`${NUM}\\s?(%|percent\\b|per cent\\b|percentage points?\\b)`, 'gi') },
  { kind: 'magnitude', re: /\b(?:magnitude[- ](\d(?:\.\d)?)|(\d\.\d)[- ]magnitude|(\d\.\d) on the richter)/gi },
  { kind: 'age', re: new RegExp(`\\b(?:${NUM}|${WORDNUM})[- ]years?[- ]old\\b`, 'gi') },
  { kind: 'duration', re: new RegExp(`\\b(?:${NUM}|${WORDNUM})[- ](second|minute|hour|day|week|month|year|decade)s?\\b`, 'gi') },
  { kind: 'date', re: new RegExp(`\\b${MONTH_RE}\\s(\\d{1,2})(?:st|nd|rd|th)?(?:,?\\s(\\d{4}))?\\b`, 'g') },
  { kind: 'date', re: new RegExp(`\\b(\\d{1,2})(?:st|nd|rd|th)?\\s(?:of\\s)?${MONTH_RE}(?:,?\\s(\\d{4}))?\\b`, 'g') },
  { kind: 'date', re: /\b(\d{4})-(\d{2})-(\d{2})\b/g },
  { kind: 'year', re: /\b(?:in|of|since|by|until|from|during|early|late|mid-?)\s(1[89]\d{2}|20\d{2})\b|\b(1[89]\d{2}|20\d{2})(?=[,.;)]|\s(?:season|election|census|budget|olympics|world cup))/gi },
  { kind: 'count', re: new RegExp(`\\b(?:${NUM}(?:\\s(thousand|million|billion))?|${WORDNUM})\\s((?:[a-z]+-)?[a-z]{3,})\\b`, 'gi') },
];

function parseNumber(digits: string | undefined, word: string | undefined, scale?: string): number | null {
  let v: number;
  if (digits) v = Number(digits.replace(/,/g, ''));
  else if (word) v = SMALL[word.toLowerCase()] ?? Number.NaN;
  else return null;
  if (scale) v *= SCALE[scale.toLowerCase()] ?? 1;
  return Number.isFinite(v) ? v : null;
}

function monthIndex(name: string): number {
  const m = name.toLowerCase().replace('.', '').slice(0, 3);
  return MONTHS.findIndex((full) => full.startsWith(m));
}

const pad = (n: number) => String(n).padStart(2, '0');

function read(kind: FigureKind, m: RegExpExecArray): Omit<Figure, 'text' | 'context' | 'start'> | null {
  const g = m.slice(1);
  switch (kind) {
    case 'money': {
      if (g[0] && /^(US\$|\$|£|€|¥)$/i.test(g[0])) {
        const v = parseNumber(g[1], undefined, g[2]);
        return v === null ? null : { kind, value: v, unit: CURRENCY[g[0].toLowerCase()]! };
      }
      const v = parseNumber(g[0], undefined, g[1]);
      return v === null ? null : { kind, value: v, unit: CURRENCY[g[2]!.toLowerCase()] ?? g[2]!.toLowerCase() };
    }
    case 'percent': {
      const v = parseNumber(g[0], undefined);
      return v === null ? null : { kind, value: v, unit: /point/i.test(g[1]!) ? 'point' : '%' };
    }
    case 'magnitude': {
      const v = Number(g[0] ?? g[1] ?? g[2]);
      return Number.isFinite(v) && v > 0 && v < 10 ? { kind, value: v, unit: 'magnitude' } : null;
    }
    case 'age': {
      const v = parseNumber(g[0], g[1]);
      return v === null || v > 130 ? null : { kind, value: v, unit: 'year' };
    }
    case 'duration': {
      const v = parseNumber(g[0], g[1]);
      return v === null ? null : { kind, value: v, unit: g[2]!.toLowerCase() };
    }
    case 'date': {
      let month: number, day: number, year: number | null;
      if (/^\d{4}$/.test(g[0] ?? '')) [year, month, day] = [Number(g[0]), Number(g[1]) - 1, Number(g[2])];
      else if (/^\d/.test(g[0] ?? '')) [day, month, year] = [Number(g[0]), monthIndex(g[1]!), g[2] ? Number(g[2]) : null];
      else [month, day, year] = [monthIndex(g[0]!), Number(g[1]), g[2] ? Number(g[2]) : null];
      if (month < 0 || month > 11 || day < 1 || day > 31) return null;
      const iso = `${year ?? '????'}-${pad(month + 1)}-${pad(day)}`;
      return { kind, value: (month + 1) * 100 + day, unit: 'day', iso };
    }
    case 'year': {
      const y = Number(g[0] ?? g[1]);
      return { kind, value: y, unit: 'year', iso: `${y}` };
    }
    case 'count': {
      const v = parseNumber(g[0], g[2], g[1]);
      const noun = g[3]!.toLowerCase();
      // "one" is as often a pronoun ("one could argue") as a count.
      if (v === null || NOT_UNITS.has(noun) || MONTHS.includes(noun) || g[2]?.toLowerCase() === 'one') return null;
      // "2008 season" or "1990 census" is a year, already read above; a bare year-like number counts nothing.
      if (g[0] && /^(1[89]|20)\d{2}$/.test(g[0])) return null;
      return { kind, value: v, unit: normalizeTerm(noun.replace(/^[a-z]+-/, ''), 'en') };
    }
  }
}

/** Every figure of the text in reading order; overlapping readings keep the earlier, more specific pattern. */
export function extractFigures(text: string): Figure[] {
  if (!text) return [];
  const taken: [number, number][] = [];
  const overlaps = (s: number, e: number) => taken.some(([a, b]) => s < b && e > a);
  const found: Figure[] = [];
  for (const { kind, re } of PATTERNS) {
    re.lastIndex = 0;
    for (let m = re.exec(text); m; m = re.exec(text)) {
      const start = m.index;
      const end = start + m[0].length;
      if (overlaps(start, end)) continue;
      const fig = read(kind, m);
      if (!fig) continue;
      taken.push([start, end]);
      found.push({ ...fig, text: m[0], context: '', start });
    }
  }
  found.sort((a, b) => a.start - b.start);
  if (found.length) {
    const sents = sentences(text);
    let k = 0;
    for (const f of found) {
      while (k + 1 < sents.length && sents[k + 1]!.start <= f.start) k++;
      f.context = sents[k]?.text.trim() ?? '';
    }
  }
  return found;
}

/** A comparable key: two reports giving the same figure produce the same key. */
export function figureKey(f: Figure): string {
  if (f.kind === 'date') return `date:${f.iso!.slice(5)}`;
  // Large amounts are compared to three significant digits (outlets round differently); a year is exact.
  const v = f.value >= 1000 && f.kind !== 'year' ? Number(f.value.toPrecision(3)) : f.value;
  return `${f.kind}:${v}:${f.unit}`;
}

const DATELINE_DATE = new RegExp(
  `\\b(?:${MONTH_RE}\\s(\\d{1,2})(?:st|nd|rd|th)?,?\\s((?:19|20)\\d{2})|(\\d{1,2})(?:st|nd|rd|th)?\\s${MONTH_RE},?\\s((?:19|20)\\d{2})|(\\d{1,2})\\s?/\\s?(\\d{1,2})\\s?/\\s?((?:19|20)\\d{2})|((?:19|20)\\d{2})-(\\d{2})-(\\d{2}))\\b`,
  'i',
);
/** Words a dateline carries besides its date: labels, weekdays, clock times and zones. */
const DATELINE_WORDS = new Set(
  'published updated posted first last modified created date time on at by am pm a.m p.m et est edt ct cst cdt pt pst pdt gmt bst ist utc uk mon tue tues wed thu thur thurs fri sat sun monday tuesday wednesday thursday friday saturday sunday'.split(' '),
);
/** How far into the text a dateline may sit: it comes with the headline, before the story. */
const DATELINE_REACH = 400;

/**
 * The date a page prints with its headline ("Published: August 7, 2012",
 * "UPDATED 05 / 03 / 2013 at 11:00 AM EDT", "WASHINGTON, April 28, 2009"),
 * as YYYY-MM-DD, or null. A short line near the top holding a full date and
 * little else is the page's own date; a date inside a sentence ("born on
 * April 22, 1923, in Nashville") is not taken. Numeric dates are read day
 * first only when the first number cannot be a month.
 */
export function datelineOf(text: string): string | null {
  const head = text.slice(0, DATELINE_REACH);
  for (const line of head.split('\n').slice(0, 6)) {
    if (line.length > 120) continue;
    const m = DATELINE_DATE.exec(line);
    if (!m) continue;
    const rest = (line.slice(0, m.index) + ' ' + line.slice(m.index + m[0].length)).toLowerCase();
    const words = rest.match(/[a-z][a-z.]*/g) ?? [];
    if (words.filter((w) => !DATELINE_WORDS.has(w.replace(/\.$/, '')) && !MONTHS.some((mo) => mo.startsWith(w.replace(/\.$/, '')) && w.length >= 3)).length > 3) continue;
    const g = m.slice(1);
    let y: number, mo: number, d: number;
    if (g[0]) [mo, d, y] = [monthIndex(g[0]), Number(g[1]), Number(g[2])];
    else if (g[3]) [d, mo, y] = [Number(g[3]), monthIndex(g[4]!), Number(g[5])];
    else if (g[6]) {
      const [a, b] = [Number(g[6]), Number(g[7])];
      [mo, d] = a > 12 ? [b - 1, a] : [a - 1, b];
      y = Number(g[8]);
    } else [y, mo, d] = [Number(g[9]), Number(g[10]) - 1, Number(g[11])];
    if (mo < 0 || mo > 11 || d < 1 || d > 31) continue;
    return `${y}-${pad(mo + 1)}-${pad(d)}`;
  }
  return null;
}
