/**
 * Dates as pages write them, turned into ISO 8601 that keeps the page's own
 * offset: a story filed at 00:30 in Berlin stays on its Berlin calendar day.
 */

const MONTHS: Record<string, number> = {
  jan: 1, feb: 2, mar: 3, apr: 4, may: 5, jun: 6, jul: 7, aug: 8, sep: 9, sept: 9, oct: 10, nov: 11, dec: 12,
  januar: 1, februar: 2, märz: 3, mai: 5, juni: 6, juli: 7, oktober: 10, dezember: 12,
  janvier: 1, février: 2, mars: 3, avril: 4, juin: 6, juillet: 7, août: 8, septembre: 9, octobre: 10, novembre: 11, décembre: 12,
  enero: 1, febrero: 2, marzo: 3, abril: 4, mayo: 5, junio: 6, julio: 7, agosto: 8, septiembre: 9, octubre: 10, noviembre: 11, diciembre: 12,
};

const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

function plausible(y: number, m: number, d: number): boolean {
  if (y < 1990 || y > 2100 || m < 1 || m > 12 || d < 1) return false;
  return d <= new Date(Date.UTC(y, m, 0)).getUTCDate();
}

function iso(y: number, m: number, d: number, time: string | undefined, zone: string | undefined): string | null {
  if (!plausible(y, m, d)) return null;
  let clock = '00:00:00';
  if (time) {
    const [h = '0', min = '0', s = '0'] = time.split(':');
    if (Number(h) > 23 || Number(min) > 59 || Number(s) > 60) return null;
    clock = `${pad(Number(h))}:${pad(Number(min))}:${pad(Math.floor(Number(s)))}`;
  }
  return `${pad(y, 4)}-${pad(m)}-${pad(d)}T${clock}${normalZone(zone)}`;
}

/** "Z", "+0100", "+01:00", "+01" or absent (then UTC is the honest guess) → "Z" or "±HH:MM". */
function normalZone(zone: string | undefined): string {
  if (!zone || /^z$/i.test(zone) || /^(utc|gmt)$/i.test(zone)) return 'Z';
  const m = /^([+-])(\d{2}):?(\d{2})?$/.exec(zone);
  if (!m) return 'Z';
  const offset = `${m[1]}${m[2]}:${m[3] ?? '00'}`;
  return offset === '+00:00' || offset === '-00:00' ? 'Z' : offset;
}

const ISO = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T\s](\d{1,2}:\d{2}(?::\d{2})?)(?:[.,]\d+)?\s*(Z|[+-]\d{2}(?::?\d{2})?|UTC|GMT)?)?/i;
const SLASHED = /^(\d{4})[/.](\d{1,2})[/.](\d{1,2})\b/;
const TIME_ZONE = /(\d{1,2}:\d{2}(?::\d{2})?)\s*(?:[ap]\.?m\.?)?\s*(Z|[+-]\d{2}:?\d{2}|UTC|GMT)?/i;
const NAMED = /(?:(\d{1,2})(?:st|nd|rd|th)?\.?\s+(?:de\s+)?([a-zäéû]{3,10})\.?,?\s+(?:de\s+)?(\d{4}))|(?:([a-zäéû]{3,10})\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4}))/i;
const NUMERIC_DMY = /\b(\d{1,2})([./-])(\d{1,2})\2(\d{4})\b/;

/** Parses a machine- or human-written date into ISO 8601 with offset, or null. */
export function toIsoDate(raw: string | null | undefined): string | null {
  if (!raw) return null;
  const text = raw.trim().slice(0, 200);
  if (!text) return null;
  let m = ISO.exec(text);
  if (m) return iso(+m[1]!, +m[2]!, +m[3]!, m[4], m[5]);
  m = SLASHED.exec(text);
  if (m) return iso(+m[1]!, +m[2]!, +m[3]!, undefined, undefined);
  m = NAMED.exec(text);
  if (m) {
    const day = Number(m[1] ?? m[5]);
    const name = (m[2] ?? m[4])!.toLowerCase();
    const month = MONTHS[name] ?? MONTHS[name.slice(0, 3)];
    const year = Number(m[3] ?? m[6]);
    if (month) {
      const t = TIME_ZONE.exec(text.slice((m.index ?? 0) + m[0].length));
      return iso(year, month, day, t ? to24h(t[0], t[1]!) : undefined, t?.[2]);
    }
  }
  m = NUMERIC_DMY.exec(text);
  if (m) return numericDate(m, false);
  if (/^\d{10,13}$/.test(text)) {
    const ms = text.length === 13 ? Number(text) : Number(text) * 1000;
    const d = new Date(ms);
    return iso(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate(), `${d.getUTCHours()}:${d.getUTCMinutes()}:${d.getUTCSeconds()}`, 'Z');
  }
  return null;
}

function to24h(whole: string, clock: string): string {
  const pm = /p\.?m/i.test(whole);
  const am = /a\.?m/i.test(whole);
  const [h = '0', rest = '00'] = clock.split(/:(.*)/s);
  let hour = Number(h);
  if (pm && hour < 12) hour += 12;
  if (am && hour === 12) hour = 0;
  return `${hour}:${rest}`;
}

/** Every form findDateInText reads has a four-digit year; most short lines on a page have none. */
const YEAR_DIGITS = /\d{4}/;

/** A date phrase in visible text ("Published March 4, 2026", "4 March 2026 09:30"), as ISO. */
export function findDateInText(text: string): string | null {
  // The four searches below each scan the whole text; one scan for the digits they all need rules most lines out.
  if (!YEAR_DIGITS.test(text)) return null;
  const named = NAMED.exec(text);
  if (named) return toIsoDate(text.slice(named.index));
  const isoLike = /\b\d{4}-\d{2}-\d{2}\b/.exec(text);
  if (isoLike) return toIsoDate(text.slice(isoLike.index));
  // All-number datelines: "2025.12.17", "23.07.2025", "02-12-2025", "10/31/2024".
  const yearFirst = /\b\d{4}[./]\d{1,2}[./]\d{1,2}\b/.exec(text);
  if (yearFirst) return toIsoDate(yearFirst[0]);
  // Pages that print slashes in their text mostly write the month first (US style).
  const yearLast = NUMERIC_DMY.exec(text);
  if (yearLast) return numericDate(yearLast, true);
  return null;
}

/**
 * A NUMERIC_DMY match as a date. Day first is the reading everywhere but the
 * US; `slashesMonthFirst` reads slashed dates the US way. Either order gives
 * way when its month would be impossible.
 */
function numericDate(m: RegExpExecArray, slashesMonthFirst: boolean): string | null {
  const first = +m[1]!;
  const second = +m[3]!;
  const year = +m[4]!;
  const monthFirst = slashesMonthFirst && m[2] === '/' ? first <= 12 : second > 12;
  return monthFirst ? iso(year, first, second, undefined, undefined) : iso(year, second, first, undefined, undefined);
}
