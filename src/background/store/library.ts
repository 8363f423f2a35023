/**
 * The library: captured articles, the matching index over them, the
 * stories they form and the reader's corrections. Every capture is stored,
 * indexed and placed in a story in one transaction, so a worker stopped
 * half-way, or a full disk, leaves the library as it was before.
 */
import type { IDBPTransaction, StoreNames } from 'idb';
import type { CapturedArticle, Explanation, RelatedArticle, StoredArticle } from '../../core/article';
import { compareWith, rank, type IndexReader, type Ranked } from '../../core/matching/engine';
import { buildSignature, countedKeys, featuresOf, type Features, type Signature } from '../../core/matching/signature';
import { decideStory, type StoryLink } from '../../core/matching/stories';
import { explain, RELATED_THRESHOLD } from '../../core/match';
import { upsertArticle } from './articles';
import { linksToKeep, reconsiderStory } from './story-seams';
import {
  describeStorageError,
  INDEX_PENDING,
  INDEX_SIZE,
  type Feedback,
  type FeedbackKind,
  type IndexedArticle,
  type ParallaxDB,
  type ParallaxSchema,
  type Placement,
  type Story,
} from './schema';

type Stores = StoreNames<ParallaxSchema>;
type Tx = IDBPTransaction<ParallaxSchema, Stores[], 'readwrite'>;
type AnyTx = Tx | IDBPTransaction<ParallaxSchema, Stores[], 'readonly'>;

const LIBRARY: Stores[] = ['articles', 'signatures', 'frequencies', 'placements', 'stories', 'feedback', 'meta'];
const READ: Stores[] = ['signatures', 'frequencies', 'placements', 'feedback', 'meta'];

/**
 * Document frequencies this context has read, valid for one index size: a
 * query reads the size first and drops the cache when another context has
 * filed articles since. Ingests in this context update it in place once
 * they commit. Comparing an article with a hundred candidates needs the
 * frequencies of some ten thousand keys; read once, they stay in memory.
 */
interface FrequencyCache {
  size: number;
  df: Map<string, number>;
  /** Whether `df` holds the whole table (a key it lacks is counted nowhere). */
  complete: boolean;
}
/** Beyond this many keys the cache starts over rather than grow without end. */
const CACHE_KEYS = 2_000_000;
/** More missing keys than this and the whole table is read at once: two requests instead of thousands. */
const BULK_READ = 256;
const caches = new WeakMap<object, FrequencyCache>();

function cacheFor(db: object, size: number): FrequencyCache {
  let cache = caches.get(db);
  if (!cache || cache.size !== size || cache.df.size > CACHE_KEYS) {
    cache = { size, df: new Map(), complete: false };
    caches.set(db, cache);
  }
  return cache;
}

/** The matching index as stored in an open transaction. */
class StoredIndex implements IndexReader {
  private cache: FrequencyCache | null = null;
  /**
   * @param pending frequencies an ingest of this transaction has written (the
   * index size after it, and the keys it counted); other keys are unchanged.
   */
  constructor(
    private readonly tx: AnyTx,
    private readonly pending: { size: number; df: Map<string, number> } | null = null,
  ) {}

  /** The size before any pending ingest, read once per transaction. */
  private async base(): Promise<FrequencyCache> {
    if (!this.cache) {
      const size = ((await this.tx.objectStore('meta').get(INDEX_SIZE)) as number | undefined) ?? 0;
      this.cache = cacheFor(this.tx.db, this.pending ? this.pending.size - 1 : size);
    }
    return this.cache;
  }

  async size(): Promise<number> {
    return this.pending?.size ?? (await this.base()).size;
  }

  async frequencies(keys: string[]): Promise<Map<string, number>> {
    const cache = await this.base();
    const out = new Map<string, number>();
    const missing: string[] = [];
    for (const k of keys) {
      const v = this.pending?.df.get(k) ?? cache.df.get(k) ?? (cache.complete ? 0 : undefined);
      if (v === undefined) missing.push(k);
      else if (v > 0) out.set(k, v);
    }
    if (missing.length > BULK_READ) {
      await this.readAll(cache);
      for (const k of missing) {
        const v = this.pending?.df.get(k) ?? cache.df.get(k) ?? 0;
        if (v > 0) out.set(k, v);
      }
    } else if (missing.length) {
      const store = this.tx.objectStore('frequencies');
      const counts = await Promise.all(missing.map((k) => store.get(k)));
      missing.forEach((k, i) => {
        const v = counts[i] ?? 0;
        cache.df.set(k, v);
        if (v > 0) out.set(k, v);
      });
    }
    return out;
  }

  async frequencyLookup(): Promise<(key: string) => number | undefined> {
    const cache = await this.base();
    if (!cache.complete) await this.readAll(cache);
    const pending = this.pending;
    return pending ? (key) => pending.df.get(key) ?? cache.df.get(key) : (key) => cache.df.get(key);
  }

  /** The whole table in two requests: far cheaper than thousands of single reads. */
  private async readAll(cache: FrequencyCache): Promise<void> {
    const store = this.tx.objectStore('frequencies');
    const [all, counts] = await Promise.all([store.getAllKeys(), store.getAll()]);
    for (let i = 0; i < all.length; i++) cache.df.set(all[i]!, counts[i]!);
    cache.complete = true;
  }

  async postings(keys: string[], limit: number): Promise<Map<string, string[]>> {
    const index = this.tx.objectStore('signatures').index('by-key');
    const lists = await Promise.all(keys.map((k) => index.getAllKeys(k, limit)));
    return new Map(keys.map((k, i) => [k, lists[i]!]));
  }

  async signatures(ids: string[]): Promise<Map<string, Signature>> {
    const store = this.tx.objectStore('signatures');
    const sigs = await Promise.all(ids.map((id) => store.get(id)));
    const out = new Map<string, Signature>();
    for (const s of sigs) if (s) out.set(s.id, s);
    return out;
  }
}

/** Once an ingest has committed, what it counted becomes what this context knows. */
function commitPending(db: object, pending: { size: number; df: Map<string, number> } | null): void {
  if (!pending) return;
  const cache = caches.get(db);
  if (!cache || cache.size !== pending.size - 1) return;
  cache.size = pending.size;
  for (const [k, v] of pending.df) cache.df.set(k, v);
}

export interface Ingested {
  article: StoredArticle;
  storyId: string;
  /** Whether the text is a copy of a report already in the library. */
  copyOf: string | null;
}

function summaryOf(a: StoredArticle): IndexedArticle['summary'] {
  return { title: a.title, siteName: a.siteName, url: a.url, publishedAt: a.publishedAt, wordCount: a.wordCount };
}

function featuresOfArticle(a: CapturedArticle): Features {
  return featuresOf({ title: a.title, text: a.text, lang: a.lang, siteName: a.siteName, byline: a.byline });
}

/** Split feedback as pairs of articles, for the story decisions of one transaction. */
async function splitsIn(tx: AnyTx): Promise<[string, string][]> {
  const all = await tx.objectStore('feedback').getAll();
  return all.filter((f) => f.kind === 'split').map((f) => f.pair);
}

async function placementsOf(tx: AnyTx, ids: string[]): Promise<Map<string, Placement>> {
  const store = tx.objectStore('placements');
  const found = await Promise.all(ids.map((id) => store.get(id)));
  return new Map(found.filter((p): p is Placement => p !== undefined).map((p) => [p.articleId, p]));
}

/** Moves every member of `from` into `into`, keeping the story records and placements in step. */
async function mergeStories(tx: Tx, into: Story, fromId: string, now: string): Promise<void> {
  const stories = tx.objectStore('stories');
  const from = await stories.get(fromId);
  if (!from || from.id === into.id) return;
  const placements = tx.objectStore('placements');
  await Promise.all(
    from.members.map(async (id) => {
      const p = await placements.get(id);
      if (p) await placements.put({ ...p, storyId: into.id });
    }),
  );
  into.members.push(...from.members);
  into.updatedAt = now;
  await stories.delete(from.id);
}

type Pending = { size: number; df: Map<string, number> } | null;

/** Indexes a stored article and places it in a story, inside the caller's transaction. */
async function indexInto(tx: Tx, article: StoredArticle, features: Features, isNew: boolean, now: string): Promise<Omit<Ingested, 'article'> & { pending: Pending }> {
  const meta = tx.objectStore('meta');
  const counted = countedKeys(features);
  const before = new StoredIndex(tx);
  const [n, df] = await Promise.all([before.size(), before.frequencies(counted)]);
  const sig = buildSignature(article.id, features, article.publishedAt, df, n);
  // Counted before ranking, so the article is scored against the library it has just joined,
  // exactly as every later query of it will be.
  const writes: Promise<unknown>[] = [tx.objectStore('signatures').put({ ...sig, summary: summaryOf(article) })];
  let pending: Pending = null;
  if (isNew) {
    pending = { size: n + 1, df: new Map(counted.map((k) => [k, (df.get(k) ?? 0) + 1])) };
    const freq = tx.objectStore('frequencies');
    for (const [k, v] of pending.df) writes.push(freq.put(v, k));
    writes.push(meta.put(n + 1, INDEX_SIZE));
  }
  await Promise.all(writes);
  const index = new StoredIndex(tx, pending);
  const ranked = await rank(index, sig, { exclude: new Set([article.id]), limit: 40 });

  const placements = tx.objectStore('placements');
  const existing = await placements.get(article.id);
  if (existing) {
    // A fresh capture of a known address keeps its place: the reader may have put it there.
    return { storyId: existing.storyId, copyOf: existing.reportId === article.id ? null : existing.reportId, pending };
  }
  const placed = await placementsOf(tx, ranked.map((r) => r.id));
  const copy = ranked.find((r) => r.nearDuplicate && placed.has(r.id));
  const reportId = copy ? placed.get(copy.id)!.reportId : article.id;

  const links: StoryLink[] = ranked
    .filter((r) => placed.has(r.id))
    .map((r) => ({ articleId: r.id, storyId: placed.get(r.id)!.storyId, score: r.comparison.score, nearDuplicate: r.nearDuplicate }));
  const stories = tx.objectStore('stories');
  const storyIds = [...new Set(links.map((l) => l.storyId))];
  const storyRecords = new Map((await Promise.all(storyIds.map((id) => stories.get(id)))).filter((s): s is Story => !!s).map((s) => [s.id, s]));
  const splits = await splitsIn(tx);
  const splitPlaces = splits.length ? await placementsOf(tx, [...new Set(splits.flat())]) : new Map<string, Placement>();
  const apart = (a: string, b: string) =>
    splits.some(([x, y]) => {
      const sx = splitPlaces.get(x)?.storyId;
      const sy = splitPlaces.get(y)?.storyId;
      return (sx === a && sy === b) || (sx === b && sy === a);
    });
  const decision = decideStory(
    links,
    (id) => storyRecords.get(id)?.members.length ?? 1,
    () => true,
    (a, b) => !apart(a, b),
  );
  let story: Story;
  if (decision.join && storyRecords.has(decision.join)) {
    story = storyRecords.get(decision.join)!;
    story.members.push(article.id);
    story.updatedAt = now;
    for (const other of decision.absorb) await mergeStories(tx, story, other, now);
  } else {
    story = { id: crypto.randomUUID(), members: [article.id], createdAt: now, updatedAt: now };
  }
  await Promise.all([stories.put(story), placements.put({ articleId: article.id, storyId: story.id, reportId, links: linksToKeep(ranked) })]);
  // A story that has just grown may turn out to hold two events (story-seams.ts).
  const cut = decision.join ? await reconsiderStory(tx, story, now) : null;
  const storyId = cut?.members.includes(article.id) ? cut.id : story.id;
  return { storyId, copyOf: reportId === article.id ? null : reportId, pending };
}

/** A request that fails before reaching the database leaves the transaction open; what it already wrote must not commit. */
function abortQuietly(tx: Tx | null): void {
  try {
    tx?.abort();
  } catch {
    // Already finished or aborted by the browser.
  }
  tx?.done.catch(() => undefined);
}

/**
 * Saves a capture and files it: deduplicated by canonical URL, indexed for
 * matching, grouped with copies of the same report and placed in a story.
 */
export async function ingest(db: ParallaxDB, captured: CapturedArticle, now = new Date()): Promise<Ingested> {
  // Analysis is the slow part and needs no database: do it before the transaction opens.
  const features = featuresOfArticle(captured);
  let tx: Tx | null = null;
  try {
    tx = db.transaction(LIBRARY, 'readwrite');
    const { stored, previous } = await upsertArticle(tx.objectStore('articles'), captured, now);
    const hasSignature = previous ? (await tx.objectStore('signatures').getKey(previous.id)) !== undefined : false;
    const { pending, ...placed } = await indexInto(tx, stored, features, !hasSignature, now.toISOString());
    await tx.done;
    commitPending(db, pending);
    return { article: stored, ...placed };
  } catch (err) {
    abortQuietly(tx);
    throw describeStorageError(err);
  }
}

/**
 * Indexes articles saved before the library had an index (a database
 * upgraded from v1) or whose indexing never finished. Each article is its
 * own transaction, so a stopped worker resumes where it stopped and never
 * counts an article twice.
 */
export async function indexPending(db: ParallaxDB, options: { max?: number } = {}): Promise<number> {
  const max = options.max ?? Infinity;
  if (!(await db.get('meta', INDEX_PENDING))) return 0;
  const ids = (await db.getAllKeysFromIndex('articles', 'by-captured')) as string[];
  let done = 0;
  for (const id of ids) {
    if (done >= max) return done;
    if ((await db.getKey('signatures', id)) !== undefined) continue;
    const article = await db.get('articles', id);
    if (!article) continue;
    const features = featuresOfArticle(article);
    const tx = db.transaction(LIBRARY, 'readwrite');
    // Checked again inside the transaction: another context may have indexed it meanwhile.
    if ((await tx.objectStore('signatures').getKey(id)) === undefined) {
      const { pending } = await indexInto(tx, article, features, true, article.capturedAt);
      await tx.done;
      commitPending(db, pending);
      done++;
    } else await tx.done;
  }
  await db.delete('meta', INDEX_PENDING);
  return done;
}

export interface RelatedOptions {
  limit?: number;
  /** Lowest score listed; stories and confirmed pairs are listed whatever their score. */
  minScore?: number;
}

/** Articles related to a stored one, best first, with what they share. */
export async function relatedTo(db: ParallaxDB, articleId: string, options: RelatedOptions = {}): Promise<RelatedArticle[]> {
  const { limit = 30, minScore = RELATED_THRESHOLD } = options;
  const tx = db.transaction(READ, 'readonly');
  const signatures = tx.objectStore('signatures');
  const [sig, feedback] = await Promise.all([signatures.get(articleId), tx.objectStore('feedback').index('by-article').getAll(articleId)]);
  if (!sig) return [];
  const partner = (f: Feedback) => (f.pair[0] === articleId ? f.pair[1] : f.pair[0]);
  const split = new Set(feedback.filter((f) => f.kind === 'split').map(partner));
  const confirmed = new Set(feedback.filter((f) => f.kind === 'merge').map(partner));

  const index = new StoredIndex(tx);
  const ranked = await rank(index, sig, { exclude: new Set([articleId, ...split]), limit: Math.max(limit, 40), explain: true });
  const missing = [...confirmed].filter((id) => !ranked.some((r) => r.id === id));
  if (missing.length) {
    const others = (await Promise.all(missing.map((id) => signatures.get(id)))).filter((o): o is IndexedArticle => o !== undefined);
    ranked.push(...(await compareWith(index, sig, others)).map((r) => ({ ...r, nearDuplicate: false })));
  }
  const places = await placementsOf(tx, [articleId, ...ranked.map((r) => r.id)]);
  const own = places.get(articleId);
  const out: RelatedArticle[] = [];
  for (const r of ranked) {
    const place = places.get(r.id);
    const sameStory = own !== undefined && place?.storyId === own.storyId;
    const isConfirmed = confirmed.has(r.id);
    if (r.comparison.score < minScore && !sameStory && !isConfirmed) continue;
    const summary = (r.signature as IndexedArticle).summary;
    const explanation: Explanation = explain(r);
    out.push({
      id: r.id,
      title: summary.title,
      siteName: summary.siteName,
      url: summary.url,
      publishedAt: summary.publishedAt,
      wordCount: summary.wordCount,
      score: r.comparison.score,
      sharedTerms: explanation.terms.slice(0, 6),
      explanation,
      sameStory,
      sameReport: own !== undefined && place?.reportId === own.reportId,
      confirmed: isConfirmed,
    });
  }
  // The reader's word comes first, then the story, then the score.
  const rankOf = (a: RelatedArticle) => (a.confirmed ? 2 : 0) + (a.sameStory ? 1 : 0);
  return out.sort((a, b) => rankOf(b) - rankOf(a) || b.score - a.score).slice(0, limit);
}

/** The ranked ids a query returns, best first, whatever their score (the eval reads these). */
export async function rankedIds(db: ParallaxDB, articleId: string, limit = 30): Promise<string[]> {
  return (await relatedTo(db, articleId, { limit, minScore: -1 })).map((r) => r.id);
}

export async function placementOf(db: ParallaxDB, articleId: string): Promise<Placement | undefined> {
  return db.get('placements', articleId);
}

export async function storyMembers(db: ParallaxDB, storyId: string): Promise<string[]> {
  return (await db.get('stories', storyId))?.members ?? [];
}

function feedbackRecord(kind: FeedbackKind, a: string, b: string, at: string): Feedback {
  const pair: [string, string] = a < b ? [a, b] : [b, a];
  return { id: `${kind}:${pair[0]}:${pair[1]}`, kind, pair, at };
}

export class FeedbackError extends Error {
  override name = 'FeedbackError';
}

/** Opens the transaction for the reader's word on a pair and finds where both are placed; refuses a pair that cannot be judged. */
async function pairToJudge(db: ParallaxDB, articleId: string, otherId: string): Promise<{ tx: Tx; mine: Placement; theirs: Placement }> {
  if (articleId === otherId) throw new FeedbackError('An article is always in its own story.');
  const tx = db.transaction(LIBRARY, 'readwrite');
  const places = await placementsOf(tx, [articleId, otherId]);
  const mine = places.get(articleId);
  const theirs = places.get(otherId);
  if (!mine || !theirs) throw new FeedbackError('One of these articles is no longer in your library.');
  return { tx, mine, theirs };
}

/**
 * "Not the same story": records the reader's word and takes `articleId`
 * (with its copies of the same report) out of the story it shares with
 * `otherId`. Later grouping never puts them back together.
 */
export async function splitStory(db: ParallaxDB, articleId: string, otherId: string, now = new Date()): Promise<{ storyId: string; otherStoryId: string }> {
  const { tx, mine, theirs } = await pairToJudge(db, articleId, otherId);
  const at = now.toISOString();
  const feedback = tx.objectStore('feedback');
  const record = feedbackRecord('split', articleId, otherId, at);
  await feedback.put(record);
  await feedback.delete(feedbackRecord('merge', articleId, otherId, at).id);
  if (mine.storyId !== theirs.storyId) {
    await tx.done;
    return { storyId: mine.storyId, otherStoryId: theirs.storyId };
  }
  const stories = tx.objectStore('stories');
  const story = (await stories.get(mine.storyId))!;
  const placements = tx.objectStore('placements');
  // Copies of the same report leave together, and so do articles the reader said are this one's story.
  const merged = new Set((await feedback.index('by-article').getAll(articleId)).filter((f) => f.kind === 'merge').flatMap((f) => f.pair));
  const leaving = new Set([articleId]);
  for (const id of story.members) {
    if (id === otherId) continue;
    const p = await placements.get(id);
    if (p && (p.reportId === mine.reportId || merged.has(id))) leaving.add(id);
  }
  const moved: Story = { id: crypto.randomUUID(), members: [...leaving], createdAt: at, updatedAt: at };
  story.members = story.members.filter((id) => !leaving.has(id));
  story.updatedAt = at;
  await Promise.all([
    stories.put(story),
    stories.put(moved),
    ...[...leaving].map(async (id) => {
      const p = await placements.get(id);
      if (p) await placements.put({ ...p, storyId: moved.id });
    }),
  ]);
  await tx.done;
  return { storyId: moved.id, otherStoryId: story.id };
}

/**
 * "Same story": records the reader's word and joins the two stories. Refused
 * when the reader earlier said some article of one is not the story of some
 * article of the other (other than this very pair, whose earlier word this replaces).
 */
export async function mergeStory(db: ParallaxDB, articleId: string, otherId: string, now = new Date()): Promise<{ storyId: string }> {
  const { tx, mine, theirs } = await pairToJudge(db, articleId, otherId);
  const at = now.toISOString();
  const feedback = tx.objectStore('feedback');
  await feedback.delete(feedbackRecord('split', articleId, otherId, at).id);
  if (mine.storyId !== theirs.storyId) {
    const splits = (await splitsIn(tx)).filter(([x, y]) => !(new Set([x, y]).has(articleId) && new Set([x, y]).has(otherId)));
    const splitPlaces = await placementsOf(tx, [...new Set(splits.flat())]);
    const conflict = splits.find(([x, y]) => {
      const s = new Set([splitPlaces.get(x)?.storyId, splitPlaces.get(y)?.storyId]);
      return s.has(mine.storyId) && s.has(theirs.storyId);
    });
    if (conflict) {
      tx.abort();
      await tx.done.catch(() => undefined);
      throw new FeedbackError('You said earlier that two articles of these stories are not the same story; undo that first.');
    }
    const stories = tx.objectStore('stories');
    const into = (await stories.get(theirs.storyId))!;
    await mergeStories(tx, into, mine.storyId, at);
    await stories.put(into);
  }
  await feedback.put(feedbackRecord('merge', articleId, otherId, at));
  await tx.done;
  return { storyId: theirs.storyId };
}

export type { Ranked };
