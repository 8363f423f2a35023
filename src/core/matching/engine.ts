/**
 * Ranking over an inverted index. The index (in IndexedDB in the extension,
 * in memory in tests) only has to answer four questions; everything that
 * decides what counts as the same event lives here and in score.ts, so the
 * extension, the eval and the benchmark run the same matcher.
 */
import { compare, DEFAULT_WEIGHTS, prepare, type Comparison, type Idf, type Prepared, type ScoreWeights } from './score';
import { BAND, ENTITY, FIGURE, inverseFrequency, type Signature } from './signature';
import { isNearDuplicate } from './simhash';

export interface IndexReader {
  /** Articles indexed so far. */
  size(): Promise<number>;
  /** How many indexed articles count each key; unseen keys may be left out. */
  frequencies(keys: string[]): Promise<Map<string, number>>;
  /** Ids of articles filed under each key, at most `limit` per key. */
  postings(keys: string[], limit: number): Promise<Map<string, string[]>>;
  signatures(ids: string[]): Promise<Map<string, Signature>>;
  /**
   * A synchronous frequency lookup, when the index holds every frequency in
   * memory (or can load them at once): comparing with a hundred candidates
   * then needs no batch of some ten thousand keys.
   */
  frequencyLookup?(): Promise<((key: string) => number | undefined) | null>;
}

export interface RankOptions {
  /** Ids never to return (the article itself, other captures of it). */
  exclude?: ReadonlySet<string>;
  limit?: number;
  /** Articles re-scored in full after the inverted-index pass. */
  pool?: number;
  weights?: ScoreWeights;
  /** Whether to list what the articles share (costs a little). */
  explain?: boolean;
}

export interface Ranked {
  id: string;
  comparison: Comparison;
  /** Same text give or take a few words: a copy of one report (wire copy). */
  nearDuplicate: boolean;
  signature: Signature;
}

/**
 * Keys shared by more articles than this are too common to find candidates
 * with: their lists cost the most to read and spread their votes over
 * everything. A small library searches under every key.
 */
function postingsLimit(n: number): number {
  return Math.min(4_000, Math.max(200, Math.ceil(n / 50)));
}
const CHANNEL = { term: 1, entity: 0.8, figure: 0.5, band: 0.6 };

function channelOf(key: string): number {
  if (key.startsWith(ENTITY)) return CHANNEL.entity;
  if (key.startsWith(FIGURE)) return CHANNEL.figure;
  if (key.startsWith(BAND)) return CHANNEL.band;
  return CHANNEL.term;
}

/** Every key whose frequency a comparison of `sig` reads. */
function keysOf(sig: Signature): string[] {
  return [...sig.terms, ...sig.entities, ...sig.figures];
}

/**
 * Reads the frequencies of every key of `sigs` (one batch) and returns the
 * library's current inverse document frequency. Keys the library has not
 * counted weigh as if seen once: a key of a stored article is always counted,
 * so this only concerns a query that is not in the library.
 */
export async function idfFor(index: IndexReader, sigs: Iterable<Signature>, known?: Map<string, number>): Promise<{ idf: Idf; df: Map<string, number> }> {
  const n = await index.size();
  const lookup = await index.frequencyLookup?.();
  if (lookup) {
    const size = Math.max(n, 1);
    // The table of frequencies is only wanted for the query's own keys (to pick search keys).
    const df = new Map<string, number>(known ?? []);
    if (!known) for (const s of sigs) for (const k of keysOf(s)) df.set(k, lookup(k) ?? 0);
    return { idf: (key) => inverseFrequency(Math.max(1, lookup(key) ?? 0), size), df };
  }
  const df = new Map(known ?? []);
  const wanted = new Set<string>();
  for (const s of sigs) for (const k of keysOf(s)) if (!df.has(k)) wanted.add(k);
  if (wanted.size) for (const [k, v] of await index.frequencies([...wanted])) df.set(k, v);
  const size = Math.max(n, 1);
  const idf: Idf = (key) => inverseFrequency(Math.max(1, df.get(key) ?? 0), size);
  return { idf, df };
}

export async function rank(index: IndexReader, sig: Signature, options: RankOptions = {}): Promise<Ranked[]> {
  const { exclude, limit = 40, pool = 100, weights = DEFAULT_WEIGHTS, explain = false } = options;
  const first = await idfFor(index, [sig]);
  const q = prepare(sig, first.idf);
  // Search under the query's distinctive keys, plus its other heavy terms: the
  // candidate may have filed the event under different words than the query.
  const searchKeys = new Set(sig.keys);
  const heavy = [...q.terms].sort((a, b) => b[1] - a[1]);
  for (let i = 0; i < Math.min(heavy.length, 40); i++) searchKeys.add(heavy[i]![0]);
  // A key most of the library shares finds nothing in particular, and reading its list costs the most.
  const cap = postingsLimit(await index.size());
  const useful = [...searchKeys].filter((k) => k.startsWith(BAND) || (first.df.get(k) ?? 0) < cap);
  const postings = await index.postings(useful, cap);
  const votes = new Map<string, number>();
  for (const [key, ids] of postings) {
    if (ids.length >= cap) continue;
    const w = key.startsWith(BAND) ? CHANNEL.band : weightOf(q, key) * channelOf(key);
    for (const id of ids) {
      if (id === sig.id || exclude?.has(id)) continue;
      votes.set(id, (votes.get(id) ?? 0) + w);
    }
  }
  const shortlist = [...votes].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).slice(0, pool).map(([id]) => id);
  const sigs = await index.signatures(shortlist);
  const { idf } = await idfFor(index, sigs.values(), first.df);
  const ranked: Ranked[] = [];
  for (const id of shortlist) {
    const other = sigs.get(id);
    if (!other) continue;
    ranked.push({ id, comparison: compare(q, other, idf, weights, explain), nearDuplicate: isNearDuplicate(sig.hash, other.hash), signature: other });
  }
  return ranked.sort((a, b) => b.comparison.score - a.comparison.score || (a.id < b.id ? -1 : 1)).slice(0, limit);
}

function weightOf(q: Prepared, key: string): number {
  return q.terms.get(key) ?? q.entities.get(key) ?? q.figures.get(key) ?? 0;
}

/** Compares a signature with a few named others, weighed with the index's current frequencies. */
export async function compareWith(index: IndexReader, sig: Signature, others: Signature[], weights: ScoreWeights = DEFAULT_WEIGHTS): Promise<Ranked[]> {
  const { idf } = await idfFor(index, [sig, ...others]);
  const q = prepare(sig, idf);
  return others.map((o) => ({ id: o.id, comparison: compare(q, o, idf, weights, true), nearDuplicate: isNearDuplicate(sig.hash, o.hash), signature: o }));
}

/** Ranks a signature against a few others directly, without an index (small sets, tests). */
export function rankAmong(sig: Signature, others: Signature[], idf: Idf, weights: ScoreWeights = DEFAULT_WEIGHTS): Ranked[] {
  const q: Prepared = prepare(sig, idf);
  return others
    .filter((o) => o.id !== sig.id)
    .map((o) => ({ id: o.id, comparison: compare(q, o, idf, weights, true), nearDuplicate: isNearDuplicate(sig.hash, o.hash), signature: o }))
    .sort((a, b) => b.comparison.score - a.comparison.score || (a.id < b.id ? -1 : 1));
}
