/**
 * Ranking over an inverted index. The index (in IndexedDB in the extension,
 * in memory in tests) only has to answer four questions; everything that
 * decides what counts as the same event lives here and in score.ts, so the
 * extension, the eval and the benchmark run the same matcher.
 */
import { compare, DEFAULT_WEIGHTS, prepare, type Comparison, type Prepared, type ScoreWeights } from './score';
import { BAND, ENTITY, FIGURE, type Signature } from './signature';
import { isNearDuplicate } from './simhash';

export interface IndexReader {
  /** Articles indexed so far. */
  size(): Promise<number>;
  /** How many indexed articles count each key; unseen keys may be left out. */
  frequencies(keys: string[]): Promise<Map<string, number>>;
  /** Ids of articles filed under each key, at most `limit` per key. */
  postings(keys: string[], limit: number): Promise<Map<string, string[]>>;
  signatures(ids: string[]): Promise<Map<string, Signature>>;
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

/** Keys shared by more articles than this are too common to find candidates with. */
const POSTINGS_LIMIT = 4_000;
const CHANNEL = { term: 1, entity: 0.8, figure: 0.5, band: 0.6 };

function channelOf(key: string): number {
  if (key.startsWith(ENTITY)) return CHANNEL.entity;
  if (key.startsWith(FIGURE)) return CHANNEL.figure;
  if (key.startsWith(BAND)) return CHANNEL.band;
  return CHANNEL.term;
}

/** The query's own weight for each of its index keys. */
function queryWeights(sig: Signature): Map<string, number> {
  const out = new Map<string, number>();
  const put = (keys: string[], weights: number[]) => keys.forEach((k, i) => out.set(k, weights[i]! * channelOf(k)));
  put(sig.terms, sig.termWeights);
  put(sig.entities, sig.entityWeights);
  put(sig.figures, sig.figureWeights);
  return out;
}

export async function rank(index: IndexReader, sig: Signature, options: RankOptions = {}): Promise<Ranked[]> {
  const { exclude, limit = 40, pool = 100, weights = DEFAULT_WEIGHTS, explain = false } = options;
  const qWeights = queryWeights(sig);
  // Search under the query's distinctive keys, plus its other heavy terms: the
  // candidate may have filed the event under different words than the query.
  const searchKeys = new Set(sig.keys);
  for (let i = 0; i < Math.min(sig.terms.length, 40); i++) searchKeys.add(sig.terms[i]!);
  const postings = await index.postings([...searchKeys], POSTINGS_LIMIT);
  const votes = new Map<string, number>();
  for (const [key, ids] of postings) {
    if (ids.length >= POSTINGS_LIMIT) continue;
    const w = key.startsWith(BAND) ? CHANNEL.band : (qWeights.get(key) ?? 0);
    for (const id of ids) {
      if (id === sig.id || exclude?.has(id)) continue;
      votes.set(id, (votes.get(id) ?? 0) + w);
    }
  }
  const shortlist = [...votes].sort((a, b) => b[1] - a[1]).slice(0, pool).map(([id]) => id);
  const sigs = await index.signatures(shortlist);
  const q = prepare(sig);
  const ranked: Ranked[] = [];
  for (const id of shortlist) {
    const other = sigs.get(id);
    if (!other) continue;
    ranked.push({ id, comparison: compare(q, prepare(other), weights, explain), nearDuplicate: isNearDuplicate(sig.hash, other.hash), signature: other });
  }
  return ranked.sort((a, b) => b.comparison.score - a.comparison.score || (a.id < b.id ? -1 : 1)).slice(0, limit);
}

/** Ranks a signature against a few others directly, without an index (small sets, tests). */
export function rankAmong(sig: Signature, others: Signature[], weights: ScoreWeights = DEFAULT_WEIGHTS): Ranked[] {
  const q: Prepared = prepare(sig);
  return others
    .filter((o) => o.id !== sig.id)
    .map((o) => ({ id: o.id, comparison: compare(q, prepare(o), weights, true), nearDuplicate: isNearDuplicate(sig.hash, o.hash), signature: o }))
    .sort((a, b) => b.comparison.score - a.comparison.score);
}
