/**
 * Versions of one article the reader saw more than once: whether a new
 * capture is a real change, and what changed (headline, paragraphs).
 *
 * What counts as a change: after normalising (whitespace, case, curly
 * quotes and dashes), the headline differs, or a paragraph is added,
 * removed or reworded. A short line whose words stay the same while only
 * its numbers move ("1,204 views", "Updated 5 min ago") is page furniture
 * that ticks by itself, not an edit; in a longer paragraph a changed figure
 * is an edit and counts.
 */

/** One word of a compared pair, marked when only one side has it. */
export interface DiffWord {
  text: string;
  op: 'same' | 'added' | 'removed';
}

export interface HeadlineChange {
  before: string;
  after: string;
  /** Both headlines' words in reading order: removed words, then added ones, where they differ. */
  words: DiffWord[];
}

export type ParagraphChange =
  | { kind: 'added'; text: string }
  | { kind: 'removed'; text: string }
  | { kind: 'changed'; before: string; text: string; words: DiffWord[] };

/** What changed between two versions of an article, as seen by the reader. */
export interface VersionChange {
  /** When Parallax first saw the newer version (ISO). */
  seenAt: string;
  headline: HeadlineChange | null;
  paragraphs: ParagraphChange[];
  /** Changed paragraphs left out of `paragraphs` to keep the record small. */
  omitted: number;
}

/** An earlier version of a stored article. */
export interface ArticleVersion {
  /** When Parallax first saw this version (ISO). */
  seenAt: string;
  title: string;
  /** The version's text; null once dropped to keep the record within its size cap. */
  text: string | null;
  modifiedAt: string | null;
  /** What changed from this version to the next one. */
  next: VersionChange;
}

export interface VersionLimits {
  /** Earlier versions kept; the oldest go first. */
  maxVersions: number;
  /** Characters of earlier texts kept across all versions; older texts are dropped first. */
  maxTextChars: number;
  /** Paragraph changes listed per version. */
  maxParagraphs: number;
  /** Longest paragraph text kept in a change record. */
  maxParagraphChars: number;
}

export const VERSION_LIMITS: VersionLimits = { maxVersions: 8, maxTextChars: 400_000, maxParagraphs: 24, maxParagraphChars: 800 };

/** Lines shorter than this many words may tick (counters, relative times) without being edited. */
const VOLATILE_WORDS = 8;
/** Below this share of shared words a removed and an added paragraph are two paragraphs, not one reworded. */
const REWORDED = 0.5;
/** Beyond this many paragraphs on a side, the alignment works on what is new and gone only. */
const MAX_ALIGN = 600;

export function normalizeForChange(text: string): string {
  return text
    .normalize('NFKC')
    .replace(/[‘’‚‛′]/g, "'")
    .replace(/[“”„‟″]/g, '"')
    .replace(/[‐‑‒–—―−]/g, '-')
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase();
}

export function paragraphsOf(text: string): string[] {
  return text
    .split(/\n\s*\n/)
    .map((p) => p.replace(/\s+/g, ' ').trim())
    .filter((p) => /[\p{L}\p{N}]/u.test(p));
}

const tokens = (text: string) => text.split(/\s+/).filter(Boolean);

/** The key a paragraph is compared by: volatile lines lose their numbers, so ticking counters compare equal. */
function paragraphKey(p: string): string {
  const norm = normalizeForChange(p);
  if (tokens(norm).length < VOLATILE_WORDS) return norm.replace(/\d[\d.,:]*/g, '#');
  return norm;
}

type Op<T> = { op: 'same'; a: T; b: T } | { op: 'removed'; a: T } | { op: 'added'; b: T };

/** Longest-common-subsequence alignment of two sequences by key. */
function align<T>(a: T[], b: T[], key: (x: T) => string): Op<T>[] {
  const ka = a.map(key);
  const kb = b.map(key);
  if (a.length > MAX_ALIGN || b.length > MAX_ALIGN) return alignBySet(a, b, ka, kb);
  const n = a.length;
  const m = b.length;
  // lengths[i][j] = LCS of a[i..] and b[j..], in one flat array.
  const lengths = new Uint32Array((n + 1) * (m + 1));
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      lengths[i * (m + 1) + j] = ka[i] === kb[j] ? lengths[(i + 1) * (m + 1) + j + 1]! + 1 : Math.max(lengths[(i + 1) * (m + 1) + j]!, lengths[i * (m + 1) + j + 1]!);
    }
  }
  const out: Op<T>[] = [];
  let i = 0;
  let j = 0;
  while (i < n && j < m) {
    if (ka[i] === kb[j]) out.push({ op: 'same', a: a[i++]!, b: b[j++]! });
    else if (lengths[(i + 1) * (m + 1) + j]! >= lengths[i * (m + 1) + j + 1]!) out.push({ op: 'removed', a: a[i++]! });
    else out.push({ op: 'added', b: b[j++]! });
  }
  while (i < n) out.push({ op: 'removed', a: a[i++]! });
  while (j < m) out.push({ op: 'added', b: b[j++]! });
  return out;
}

/** For very long texts: what is only on one side, in each side's order, without a quadratic table. */
function alignBySet<T>(a: T[], b: T[], ka: string[], kb: string[]): Op<T>[] {
  const inB = new Set(kb);
  const inA = new Set(ka);
  const out: Op<T>[] = [];
  a.forEach((x, i) => {
    if (!inB.has(ka[i]!)) out.push({ op: 'removed', a: x });
  });
  b.forEach((x, j) => {
    if (!inA.has(kb[j]!)) out.push({ op: 'added', b: x });
  });
  return out;
}

/** Word-level difference of two short texts, for marking what a rewording changed. */
export function diffWords(before: string, after: string): DiffWord[] {
  const ops = align(tokens(before), tokens(after), (w) => normalizeForChange(w).replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, '') || w);
  return ops.map((o) => (o.op === 'same' ? { text: o.b, op: 'same' } : o.op === 'removed' ? { text: o.a, op: 'removed' } : { text: o.b, op: 'added' }));
}

function sharedWordShare(a: string, b: string): number {
  const wa = new Set(tokens(normalizeForChange(a)));
  const wb = new Set(tokens(normalizeForChange(b)));
  if (!wa.size || !wb.size) return 0;
  let shared = 0;
  for (const w of wa) if (wb.has(w)) shared++;
  return shared / Math.max(wa.size, wb.size);
}

const clip = (text: string, max: number) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);

/**
 * What changed from one version to the next, or null when nothing counts as
 * a change (see the rule at the top of this file).
 */
export function diffVersions(
  before: { title: string; text: string },
  after: { title: string; text: string },
  seenAt: string,
  limits: Pick<VersionLimits, 'maxParagraphs' | 'maxParagraphChars'> = VERSION_LIMITS,
): VersionChange | null {
  const headline =
    normalizeForChange(before.title) === normalizeForChange(after.title) ? null : { before: before.title, after: after.title, words: diffWords(before.title, after.title) };

  const ops = align(paragraphsOf(before.text), paragraphsOf(after.text), paragraphKey);
  const changes: ParagraphChange[] = [];
  // A run of removed paragraphs followed by added ones is paired up where the texts are mostly the same words: a rewording.
  for (let k = 0; k < ops.length; ) {
    if (ops[k]!.op === 'same') {
      k++;
      continue;
    }
    const removed: string[] = [];
    const added: string[] = [];
    while (k < ops.length && ops[k]!.op !== 'same') {
      const o = ops[k++]!;
      if (o.op === 'removed') removed.push(o.a);
      else if (o.op === 'added') added.push(o.b);
    }
    const used = new Set<number>();
    for (const r of removed) {
      const match = added.findIndex((a, i) => !used.has(i) && sharedWordShare(r, a) >= REWORDED);
      if (match >= 0) {
        used.add(match);
        changes.push({ kind: 'changed', before: r, text: added[match]!, words: diffWords(r, added[match]!) });
      } else changes.push({ kind: 'removed', text: r });
    }
    added.forEach((a, i) => used.has(i) || changes.push({ kind: 'added', text: a }));
  }

  if (!headline && !changes.length) return null;
  const kept = changes.slice(0, limits.maxParagraphs).map((c) => clipChange(c, limits.maxParagraphChars));
  return { seenAt, headline, paragraphs: kept, omitted: changes.length - kept.length };
}

function clipChange(c: ParagraphChange, max: number): ParagraphChange {
  if (c.kind !== 'changed') return { ...c, text: clip(c.text, max) };
  if (c.before.length + c.text.length <= max * 2) return c;
  // Too long to keep word marks for: keep both texts, clipped, and mark nothing.
  return { kind: 'changed', before: clip(c.before, max), text: clip(c.text, max), words: [] };
}

interface VersionedRecord {
  title: string;
  text: string;
  modifiedAt: string | null;
  capturedAt: string;
  versions?: ArticleVersion[];
}

/**
 * The versions list after a new capture of the same article: the old
 * record's text is kept as an earlier version when the new one changes it.
 * Returns the list unchanged when nothing counts as a change.
 */
export function nextVersions(previous: VersionedRecord, captured: { title: string; text: string }, seenAt: string, limits: VersionLimits = VERSION_LIMITS): ArticleVersion[] | undefined {
  const change = diffVersions(previous, captured, seenAt, limits);
  if (!change) return previous.versions;
  const earlier = previous.versions ?? [];
  const firstSeen = earlier.length ? earlier[earlier.length - 1]!.next.seenAt : previous.capturedAt;
  const list = [...earlier, { seenAt: firstSeen, title: previous.title, text: previous.text, modifiedAt: previous.modifiedAt, next: change }];
  return capVersions(list, limits);
}

function capVersions(list: ArticleVersion[], limits: VersionLimits): ArticleVersion[] {
  const kept = list.slice(-limits.maxVersions);
  let chars = 0;
  // Newest first: the texts closest to the current one are the last to go.
  for (let i = kept.length - 1; i >= 0; i--) {
    const text = kept[i]!.text;
    if (text === null) continue;
    if (chars + text.length > limits.maxTextChars) kept[i] = { ...kept[i]!, text: null };
    else chars += text.length;
  }
  return kept;
}

/** The changes an article went through while the reader watched, oldest first. */
export function changesOf(record: { versions?: ArticleVersion[] }): VersionChange[] {
  return (record.versions ?? []).map((v) => v.next);
}
