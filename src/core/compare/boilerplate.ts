/**
 * Telling reportage from what slipped into a capture around it: promotions,
 * comment forms, source lists, share prompts, bylines and section labels.
 * None of these is a fact about the event, so none may show up as one.
 */

/** A line that opens a trailing block of non-reportage: everything after it goes too. */
const TRAILING_OPENERS =
  /^(?:sources?|references|related(?: stories| articles| coverage| reading)?|more (?:stories|from|on this)|read (?:more|next|also)|recommended|leave a (?:reply|comment)|comments?|\d+ comments?|join the (?:conversation|discussion)|share (?:this|on)|subscribe\b|sign up\b|get (?:the|our) .*newsletter|newsletter|learn (?:more )?about (?:our|the)|advertisement|sponsored|about the author|tags?:|topics?:|filed under)/i;

/** Lines that are page furniture wherever they appear. */
const FURNITURE = [
  /^(?:posted|published|updated|last updated)\b.{0,60}$/i,
  /^by\s+[\p{Lu}][\p{L}'’.-]*(?:\s+[\p{Lu}][\p{L}'’.-]*){0,4}(?:,.{0,60})?$/iu,
  /^(?:uncategori[sz]ed|advertisement|sponsored content|skip to content|share|print|email)$/i,
  /your email address will not be published/i,
  /required fields are marked/i,
  /^(?:click|tap) here\b/i,
  /\b(?:subscribe|sign up) (?:to|for) (?:our|the) .*newsletter/i,
  /^all rights reserved|^©|^copyright\b/i,
  // Editors' notes about the article itself, not the event.
  /^(?:update[ds]?\b[^:]{0,30}:\s*)?this (?:story|article|report|post) (?:has been|was) (?:updated|corrected|amended|changed)\b/i,
  /^(?:correction|clarification|editor['’]?s note)s?\s*[:—–-]/i,
  /^\(?(?:additional )?(?:reporting|writing|editing) by\b/i,
  // Funding and independence disclosures.
  /\b(?:receives|is supported by|gets) (?:funding|support|grants?|donations) from\b/i,
  /\b(?:role|say|influence) (?:in|over) (?:our|its) (?:coverage|journalism|reporting|editorial)/i,
];

/** A line crediting the quote above it. */
const CREDIT = /^[—–]\s*[\p{Lu}][\p{L}'’.-]+\s+[\p{Lu}].{0,100}$/u;

/** Ends like a sentence (closing quotes and brackets allowed). */
const SENTENCE_END = /[.!?…]["”’)\]]*\s*$/;

export function isFurniture(line: string): boolean {
  const text = line.trim();
  return FURNITURE.some((re) => re.test(text));
}

/** A short line without a full stop is a heading or label, not a statement. */
export function isHeadingLike(line: string): boolean {
  const text = line.trim();
  const words = text.split(/\s+/).length;
  return words < 14 && !SENTENCE_END.test(text);
}

/**
 * The paragraphs of `text` that are reportage. A trailing block (sources,
 * comments, promotions) is cut whole, since what follows its opener is more
 * of the same; an opener in the first half only removes its own line, as a
 * "Related" box near the top is rarely the end of the story.
 */
export function reportageParagraphs(text: string): string[] {
  const paragraphs = text
    .split(/\n+/)
    .map((p) => p.replace(/\s+/g, ' ').trim())
    .filter(Boolean);
  const kept: string[] = [];
  for (let i = 0; i < paragraphs.length; i++) {
    const p = paragraphs[i]!;
    if (TRAILING_OPENERS.test(p) && (isHeadingLike(p) || p.length < 80)) {
      if (i >= paragraphs.length / 2) break;
      continue;
    }
    // "— Colette Mbeki, home health aide" under a quote set apart credits that quote: keep it with it.
    if (CREDIT.test(p) && /["”]$/.test(kept.at(-1) ?? '')) {
      kept[kept.length - 1] += ` ${p}`;
      continue;
    }
    if (isFurniture(p) || isHeadingLike(p)) continue;
    // A bullet naming an outlet and a headline ("- CNN: China says…") is a source list entry.
    if (/^[-•*]\s*[\p{Lu}][\p{L} .&]{1,40}:\s/u.test(p)) continue;
    kept.push(p);
  }
  return kept;
}
