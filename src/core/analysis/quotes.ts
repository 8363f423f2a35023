/**
 * Direct quotes and who said them. The speaker is read from the attribution
 * next to the quote ("…," said Carl Seel / Seel said, "…"); a bare "he said"
 * falls back to the person last named before it, as a reader would.
 */
import type { Entity } from './entities';

export interface Quote {
  text: string;
  /** Name as written in the attribution or resolved from a pronoun; null when nobody is named. */
  speaker: string | null;
  start: number;
}

const QUOTE_RE = /“([^”]{8,1200})”|"([^"\n]{8,1200})"|«\s?([^»]{8,1200}?)\s?»|„([^“”]{8,1200})[“”]/g;
const SAYS = '(?:said|says|told|added|asked|explained|stated|wrote|warned|insisted|argued|tweeted|recalled|continued)';
// Initials keep their full stop ("J. Smith"); a longer word's full stop ends the sentence, and the name.
const NAME = "((?:[A-Z]\\.|[A-Z][\\p{L}'’-]+)(?:\\s(?:[A-Z]\\.|[A-Z][\\p{L}'’-]+|de|van|von|al|bin))*)";
const AFTER = [new RegExp(`^[,\\s]*${SAYS}\\s+(?:the\\s+)?(?:[a-z]+\\s+){0,3}?${NAME}`, 'u'), new RegExp(`^[,\\s]*${NAME}\\s+${SAYS}`, 'u')];
const BEFORE = [new RegExp(`${NAME}\\s+${SAYS}(?:\\s+\\w+){0,4}?[,:]?\\s*$`, 'u'), new RegExp(`according to\\s+${NAME}[,:]?\\s*$`, 'u')];
const PRONOUN = /^[,\s]*(?:(?:he|she)\s+(?:said|says|added|told)|(?:said|says|added)\s+(?:he|she))\b/i;
const PRONOUN_BEFORE = /\b(?:he|she)\s+(?:said|says|added|told\s+\w+)[,:]?\s*$/i;

function wordCount(s: string): number {
  return s.split(/\s+/).filter(Boolean).length;
}

/** Direct quotes of at least four words, in reading order. */
export function extractQuotes(text: string, people: Entity[] = []): Quote[] {
  const persons = people.filter((p) => p.kind === 'person' || p.kind === 'other');
  const out: Quote[] = [];
  QUOTE_RE.lastIndex = 0;
  for (let m = QUOTE_RE.exec(text); m; m = QUOTE_RE.exec(text)) {
    const inner = (m[1] ?? m[2] ?? m[3] ?? m[4] ?? '').trim();
    if (wordCount(inner) < 4) continue;
    const end = m.index + m[0].length;
    const after = text.slice(end, end + 120).split('\n')[0]!;
    const before = text.slice(Math.max(0, m.index - 120), m.index).split('\n').at(-1)!;
    let speaker: string | null = null;
    for (const re of AFTER) speaker ??= after.match(re)?.[1] ?? null;
    for (const re of BEFORE) speaker ??= before.match(re)?.[1] ?? null;
    if (!speaker && (PRONOUN.test(after) || PRONOUN_BEFORE.test(before))) {
      const earlier = persons.filter((p) => p.first < m!.index).sort((a, b) => b.first - a.first);
      speaker = earlier.find((p) => p.kind === 'person')?.name ?? null;
    }
    if (speaker) speaker = resolve(speaker.replace(/[.,]$/, ''), persons);
    out.push({ text: inner, speaker, start: m.index });
  }
  return out;
}

/** "Seel" → "Carl Seel" when the full name appears in the article. */
function resolve(name: string, people: Entity[]): string {
  const last = name.split(' ').at(-1)!;
  return people.find((p) => p.name.split(' ').at(-1) === last && p.name.length > name.length)?.name ?? name;
}
