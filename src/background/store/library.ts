/**
 * The library: captured articles, the matching index over them, the
 * stories they form and the reader's corrections. Every capture is stored,
 * indexed and placed in a story in one transaction, so a worker stopped
 * half-way, or a full disk, leaves the library as it was before.
 */
import type { IDBPTransaction, StoreNames } from 'idb';
import type { CapturedArticle, Explanation, RelatedArticle, StoredArticle } from '../../core/article';
import type { Ranked } from '../../core/matching/engine';
import { FrequencyTable, packIncrements, type PackedCounts } from '../../core/matching/frequency-table';
import { PackedIndex, rankPacked, type PackedRanked, type PackedSource } from '../../core/matching/packed-index';
import { compare, prepare, type Idf } from '../../core/matching/score';
import { buildSignature, countedKeys, featuresOf, inverseFrequency, type Features, type Signature } from '../../core/matching/signature';
import { isNearDuplicate, keyHash } from '../../core/matching/simhash';
import { DEFAULT_STORY_THRESHOLDS, decideStory, type StoryLink } from '../../core/matching/stories';
import { vectorOf, type DocVector } from '../../core/matching/vector';
import { explain, RELATED_THRESHOLD } from '../../core/match';
import { upsertArticle, type VisitCapture } from './articles';
import { linksToKeep, reconsiderStory } from './story-seams';
import {
  describeStorageError,
  FREQUENCY_BASE,
  INDEX_GENERATION,
  INDEX_PENDING,
  INDEX_SIZE,
  type ArticleSummary,
  type Feedback,
  type FeedbackKind,
  type ParallaxDB,
  type ParallaxSchema,
  type Placement,
  type StoredDocument,
  type Story,
} from './schema';

type Stores = StoreNames<ParallaxSchema>;
type Tx = IDBPTransaction<ParallaxSchema, Stores[], 'readwrite'>;
type AnyTx = Tx | IDBPTransaction<ParallaxSchema, Stores[], 'readonly'>;

const LIBRARY: Stores[] = ['articles', 'documents', 'postings', 'frequency-table', 'placements', 'stories', 'feedback', 'meta'];
const READ: Stores[] = ['documents', 'postings', 'frequency-table', 'placements', 'stories', 'feedback', 'meta'];
/** Increment records kept beside the base table before they are folded into it. */
const FOLD_EVERY = 256;
/** Captures filed per transaction by `ingestMany`: large enough to share the fixed costs, small enough to keep a transaction short. */
export const INGEST_BATCH = 64;

/**
 * What this context holds of the index, valid for one index generation: a
 * context that finds another generation in `meta` (another context filed
 * meanwhile) starts over from what is stored.
 */
interface Held {
  generation: number;
  index: PackedIndex;
  /** Increment records stored beside the base table. */
  increments: number;
}
const held = new WeakMap<object, Held>();

async function readMeta(tx: AnyTx): Promise<{ generation: number; size: number }> {
  const meta = tx.objectStore('meta');
  const [generation, size] = await Promise.all([meta.get(INDEX_GENERATION), meta.get(INDEX_SIZE)]);
  return { generation: (generation as number | undefined) ?? 0, size: (size as number | undefined) ?? 0 };
}

/** Reads missing postings and vectors through the caller's transaction. */
class TxSource implements PackedSource {
  /** Full records read for vectors, kept for this transaction (explanations need their signatures). */
  readonly documents = new Map<number, StoredDocument>();
  constructor(private readonly tx: AnyTx) {}

  async postings(hashes: number[]): Promise<Map<number, Int32Array>> {
    const store = this.tx.objectStore('postings');
    const lists = await Promise.all(hashes.map((h) => store.get(h)));
    const out = new Map<number, Int32Array>();
    hashes.forEach((h, i) => {
      if (lists[i]) out.set(h, lists[i]!);
    });
    return out;
  }

  async vectors(docs: number[]): Promise<Map<number, DocVector>> {
    const store = this.tx.objectStore('documents');
    const found = await Promise.all(docs.map((n) => store.get(n)));
    const out = new Map<number, DocVector>();
    for (const d of found) {
      if (!d) continue;
      this.documents.set(d.n, d);
      out.set(d.n, d.vector);
    }
    return out;
  }
}

/**
 * The index as this context holds it, brought up to date with what is
 * stored: kept from earlier queries when nothing was filed since, or the
 * frequency table read in one request (the rest is read as queries need it).
 */
async function indexFor(db: object, tx: AnyTx): Promise<{ state: Held; source: TxSource }> {
  const { generation, size } = await readMeta(tx);
  let state = held.get(db);
  if (!state || state.generation !== generation) {
    const records = await tx.objectStore('frequency-table').getAll();
    state = { generation, index: new PackedIndex(size, FrequencyTable.from(records)), increments: Math.max(0, records.length - 1) };
    held.set(db, state);
  }
  return { state, source: new TxSource(tx) };
}

/** The library's current inverse document frequency of a key, for comparisons made with strings. */
function idfOf(index: PackedIndex): Idf {
  const size = Math.max(index.size, 1);
  return (key) => inverseFrequency(Math.max(1, index.df.get(keyHash(key))), size);
}

export interface Ingested {
  article: StoredArticle;
  storyId: string;
  /** Whether the text is a copy of a report already in the library. */
  copyOf: string | null;
}

function summaryOf(a: StoredArticle): ArticleSummary {
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

/**
 * A link below both story thresholds cannot make a story joined or merged on
 * its own; it still counts in the average of a story some stronger link
 * reaches, and those stories are read whole. So only the stronger links'
 * placements are read.
 */
const WEAK_LINK = Math.min(DEFAULT_STORY_THRESHOLDS.join, DEFAULT_STORY_THRESHOLDS.merge);

/** What one filing transaction changes in the index, written once at its end. */
interface Filing {
  state: Held;
  source: TxSource;
  touched: Set<number>;
  increments: Map<number, number>;
  filed: number;
}

/** Indexes a stored article and places it in a story, inside the caller's transaction. */
async function fileInto(tx: Tx, filing: Filing, article: StoredArticle, features: Features, now: string): Promise<Omit<Ingested, 'article'>> {
  const index = filing.state.index;
  const documents = tx.objectStore('documents');
  const previous = await documents.index('by-id').get(article.id);
  const counted = countedKeys(features);
  const hashes = Uint32Array.from(counted, keyHash);
  const n = previous?.n ?? index.size;
  // Weighed (which keys it keeps and is filed under) with the library as it was before it came.
  const df = new Map<string, number>();
  counted.forEach((k, i) => df.set(k, index.df.get(hashes[i]!)));
  const signature = buildSignature(article.id, features, article.publishedAt, df, index.size);
  // Counted before it is ranked, so it is scored against the library it has just joined,
  // exactly as every later query of it will be.
  if (!previous) {
    for (const h of hashes) {
      index.df.add(h, 1);
      filing.increments.set(h, (filing.increments.get(h) ?? 0) + 1);
    }
    index.size = n + 1;
    filing.filed++;
  }
  const vector = vectorOf(n, signature);
  await index.loadPostings([...vector.index, ...vector.bands], filing.source);
  for (const h of index.file(vector, null)) filing.touched.add(h);
  void documents.put({ n, id: article.id, vector, signature, summary: summaryOf(article) });
  const ranked = await rankPacked(index, vector, { exclude: new Set([n]), limit: 40, source: filing.source });

  const placements = tx.objectStore('placements');
  const existing = await placements.get(article.id);
  if (existing) {
    // A fresh capture of a known address keeps its place: the reader may have put it there.
    return { storyId: existing.storyId, copyOf: existing.reportId === article.id ? null : existing.reportId };
  }
  const strong = ranked.filter((r) => r.nearDuplicate || r.score >= WEAK_LINK);
  const placed = await placementsOf(tx, strong.map((r) => r.id));
  const copy = ranked.find((r) => r.nearDuplicate && placed.has(r.id));
  const reportId = copy ? placed.get(copy.id)!.reportId : article.id;

  const stories = tx.objectStore('stories');
  const storyIds = [...new Set([...placed.values()].map((p) => p.storyId))];
  const storyRecords = new Map((await Promise.all(storyIds.map((id) => stories.get(id)))).filter((s): s is Story => !!s).map((s) => [s.id, s]));
  const storyOf = new Map<string, string>();
  for (const s of storyRecords.values()) for (const m of s.members) storyOf.set(m, s.id);
  const links: StoryLink[] = ranked
    .filter((r) => storyOf.has(r.id))
    .map((r) => ({ articleId: r.id, storyId: storyOf.get(r.id)!, score: r.score, nearDuplicate: r.nearDuplicate }));
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
  return { storyId, copyOf: reportId === article.id ? null : reportId };
}

/** Opens a filing: the index as stored, brought into this context's memory. */
async function beginFiling(db: ParallaxDB, tx: Tx): Promise<Filing> {
  const { state, source } = await indexFor(db, tx);
  // Until it commits, what this transaction changes in memory is no one else's to read.
  held.delete(db);
  return { state, source, touched: new Set(), increments: new Map(), filed: 0 };
}

/** Writes what the filing changed in the index: the lists it touched, one record of increments, the size. */
async function endFiling(tx: Tx, filing: Filing): Promise<void> {
  const { state } = filing;
  const postings = tx.objectStore('postings');
  for (const h of filing.touched) void postings.put(Int32Array.from(state.index.postings.get(h)!), h);
  const table = tx.objectStore('frequency-table');
  if (filing.increments.size) {
    if (state.increments + 1 >= FOLD_EVERY) {
      // Folded: the base becomes the table as held, and the increment records go.
      await table.clear();
      void table.put(state.index.df.pack(), FREQUENCY_BASE);
      state.increments = 0;
    } else {
      void table.put(packIncrements(filing.increments), state.index.size);
      state.increments++;
    }
  }
  const meta = tx.objectStore('meta');
  state.generation++;
  void meta.put(state.index.size, INDEX_SIZE);
  await meta.put(state.generation, INDEX_GENERATION);
}

/** Once a filing has committed, what it holds in memory becomes what this context knows. */
function commitFiling(db: object, filing: Filing): void {
  held.set(db, filing.state);
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
export async function ingest(db: ParallaxDB, captured: VisitCapture, now = new Date()): Promise<Ingested> {
  return (await ingestMany(db, [captured], now))[0]!;
}

/**
 * Files captures in order, `INGEST_BATCH` per transaction: each batch is
 * stored whole or not at all, and later captures are ranked against the
 * earlier ones of the same batch exactly as if filed one by one.
 */
export async function ingestMany(db: ParallaxDB, captures: VisitCapture[], now = new Date()): Promise<Ingested[]> {
  const out: Ingested[] = [];
  for (let i = 0; i < captures.length; i += INGEST_BATCH) {
    const batch = captures.slice(i, i + INGEST_BATCH);
    // Analysis is the slow part and needs no database: do it before the transaction opens.
    const features = batch.map(featuresOfArticle);
    let tx: Tx | null = null;
    try {
      tx = db.transaction(LIBRARY, 'readwrite', { durability: 'relaxed' });
      const filing = await beginFiling(db, tx);
      const at = now.toISOString();
      for (let j = 0; j < batch.length; j++) {
        const { stored } = await upsertArticle(tx.objectStore('articles'), batch[j]!, now);
        out.push({ article: stored, ...(await fileInto(tx, filing, stored, features[j]!, at)) });
      }
      await endFiling(tx, filing);
      await tx.done;
      commitFiling(db, filing);
    } catch (err) {
      abortQuietly(tx);
      throw describeStorageError(err);
    }
  }
  return out;
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
    if ((await db.getKeyFromIndex('documents', 'by-id', id)) !== undefined) continue;
    const article = await db.get('articles', id);
    if (!article) continue;
    const features = featuresOfArticle(article);
    const tx = db.transaction(LIBRARY, 'readwrite');
    try {
      // Checked again inside the transaction: another context may have indexed it meanwhile.
      if ((await tx.objectStore('documents').index('by-id').getKey(id)) === undefined) {
        const filing = await beginFiling(db, tx);
        await fileInto(tx, filing, article, features, article.capturedAt);
        await endFiling(tx, filing);
        await tx.done;
        commitFiling(db, filing);
        done++;
      } else await tx.done;
    } catch (err) {
      abortQuietly(tx);
      throw describeStorageError(err);
    }
  }
  await db.delete('meta', INDEX_PENDING);
  return done;
}

export interface RelatedOptions {
  limit?: number;
  /** Lowest score listed; stories and confirmed pairs are listed whatever their score. */
  minScore?: number;
}

/** The stored records of some filed articles: from this query's reads, else read now. */
async function documentsOf(tx: AnyTx, source: TxSource, docs: number[]): Promise<Map<number, StoredDocument>> {
  const out = new Map<number, StoredDocument>();
  const missing: number[] = [];
  for (const n of docs) {
    const d = source.documents.get(n);
    if (d) out.set(n, d);
    else missing.push(n);
  }
  const store = tx.objectStore('documents');
  for (const d of await Promise.all(missing.map((n) => store.get(n)))) if (d) out.set(d.n, d);
  return out;
}

/**
 * Articles related to a stored one, best first, with what they share. The
 * ranking runs on numbers; the articles it lists are compared again from
 * their signatures, so every listed score and explanation is score.ts's own.
 */
export async function relatedTo(db: ParallaxDB, articleId: string, options: RelatedOptions = {}): Promise<RelatedArticle[]> {
  const { limit = 30, minScore = RELATED_THRESHOLD } = options;
  const tx = db.transaction(READ, 'readonly');
  const [own, feedback, place, { state, source }] = await Promise.all([
    tx.objectStore('documents').index('by-id').get(articleId),
    tx.objectStore('feedback').index('by-article').getAll(articleId),
    tx.objectStore('placements').get(articleId),
    indexFor(db, tx),
  ]);
  if (!own) return [];
  const index = state.index;
  const partner = (f: Feedback) => (f.pair[0] === articleId ? f.pair[1] : f.pair[0]);
  const split = new Set(feedback.filter((f) => f.kind === 'split').map(partner));
  const confirmed = new Set(feedback.filter((f) => f.kind === 'merge').map(partner));
  const storyMembers = new Set(place ? ((await tx.objectStore('stories').get(place.storyId))?.members ?? []) : []);

  const ranked: PackedRanked[] = await rankPacked(index, own.vector, { exclude: new Set([own.n]), limit: Math.max(limit, 40), source });
  // What is listed: close enough, in the story, or confirmed by the reader; split pairs never.
  const listed = ranked.filter((r) => !split.has(r.id) && (r.score >= minScore - 0.05 || storyMembers.has(r.id) || confirmed.has(r.id)));
  const missing = [...confirmed].filter((id) => !listed.some((r) => r.id === id));
  const byId = tx.objectStore('documents').index('by-id');
  const extra = (await Promise.all(missing.map((id) => byId.get(id)))).filter((d): d is StoredDocument => d !== undefined);
  const docs = await documentsOf(tx, source, listed.map((r) => r.n));
  for (const d of extra) docs.set(d.n, d);
  const places = await placementsOf(tx, [...docs.values()].map((d) => d.id));

  const idf = idfOf(index);
  const q = prepare(own.signature, idf);
  const out: RelatedArticle[] = [];
  for (const d of docs.values()) {
    const r: Ranked = { id: d.id, comparison: compare(q, d.signature, idf, undefined, true), nearDuplicate: isNearDuplicate(own.signature.hash, d.signature.hash), signature: d.signature };
    const other = places.get(d.id);
    const sameStory = place !== undefined && other?.storyId === place.storyId;
    const isConfirmed = confirmed.has(d.id);
    if (r.comparison.score < minScore && !sameStory && !isConfirmed) continue;
    const explanation: Explanation = explain(r);
    const summary = d.summary;
    out.push({
      id: d.id,
      title: summary.title,
      siteName: summary.siteName,
      url: summary.url,
      publishedAt: summary.publishedAt,
      wordCount: summary.wordCount,
      score: r.comparison.score,
      sharedTerms: explanation.terms.slice(0, 6),
      explanation,
      sameStory,
      sameReport: place !== undefined && other?.reportId === place.reportId,
      confirmed: isConfirmed,
    });
  }
  // The reader's word comes first, then the story, then the score.
  const rankOf = (a: RelatedArticle) => (a.confirmed ? 2 : 0) + (a.sameStory ? 1 : 0);
  return out.sort((a, b) => rankOf(b) - rankOf(a) || b.score - a.score || (a.id < b.id ? -1 : 1)).slice(0, limit);
}

/** How many filed articles have `key` (for tests and tools). */
export async function documentFrequency(db: ParallaxDB, key: string): Promise<number> {
  const tx = db.transaction(READ, 'readonly');
  const { state } = await indexFor(db, tx);
  return state.index.df.get(keyHash(key));
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

export type { Ranked, Signature };
