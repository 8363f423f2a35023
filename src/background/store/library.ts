/**
 * The library: captured articles, the matching index over them, the
 * stories they form and the reader's corrections. Every capture is stored,
 * indexed and placed in a story in one transaction, so a worker stopped
 * half-way, or a full disk, leaves the library as it was before.
 */
import type { IDBPTransaction, StoreNames } from 'idb';
import type { CapturedArticle, Explanation, RelatedArticle, StoredArticle } from '../../core/article';
import type { Ranked } from '../../core/matching/engine';
import { FrequencyTable, packTotals, type AnyStoredTable, type PackedCounts } from '../../core/matching/frequency-table';
import { bandBitsOf, listingPool, MAX_POSTINGS, PackedIndex, postingsLimit, rankPacked, type PackedRanked, type PackedSource } from '../../core/matching/packed-index';
import { packSignature, unpackSignature } from '../../core/matching/packed-signature';
import { compare, prepare, type Idf } from '../../core/matching/score';
import { buildSignature, countedKeys, featuresOf, type Features, type Signature } from '../../core/matching/signature';
import { isNearDuplicate, keyHash } from '../../core/matching/simhash';
import { DEFAULT_STORY_THRESHOLDS, decideStory, type StoryLink } from '../../core/matching/stories';
import { vectorOf, type DocVector } from '../../core/matching/vector';
import { explain, RELATED_THRESHOLD } from '../../core/match';
import { upsertArticle, type VisitCapture } from './articles';
import { placementsInStore, StoryMemo } from './story-memo';
import { linksToKeep, reconsiderStory } from './story-seams';
import {
  describeStorageError,
  FREQUENCY_BASE,
  FREQUENCY_SINGLES,
  INDEX_BANDS,
  INDEX_GENERATION,
  INDEX_PENDING,
  INDEX_SIZE,
  STORIES_GENERATION,
  postingsPages,
  postingsRange,
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

const LIBRARY: Stores[] = ['articles', 'documents', 'vectors', 'postings', 'frequency-table', 'placements', 'stories', 'feedback', 'meta'];
const READ: Stores[] = ['documents', 'vectors', 'postings', 'frequency-table', 'placements', 'stories', 'feedback', 'meta'];
/**
 * Counts kept in records beside the base table before they are folded into
 * it: a cold read sets them one by one in front of the base (some 9 ms for
 * 157,000 at 100,000 articles, when folds came at a quarter of the table),
 * where the base itself costs nothing until the first filing; a fold
 * rewrites the whole table. A batch changes some thousands, and the table of
 * a large library holds several hundred thousand keys (megabytes rewritten
 * per fold): a fixed count would fold it every few batches, so the records
 * may reach a tenth of the table.
 */
const FOLD_AT = 16_000;
const FOLD_SHARE = 0.1;
/**
 * Captures filed per transaction by `ingestMany`: large enough to share the
 * fixed costs (the bookkeeping records, the lists read as a batch opens, a
 * list's last page rewritten once for every article of the batch filed
 * under it), small enough to keep a transaction to a second or so.
 */
export const INGEST_BATCH = 256;

/**
 * What this context holds of the index, valid for one index generation: a
 * context that finds another generation in `meta` (another context filed
 * meanwhile) starts over from what is stored.
 */
interface Held {
  generation: number;
  index: PackedIndex;
  /** Counts in the increment records stored beside the base table. */
  increments: number;
  /** Placements and stories this context knows, for its next filings (story-memo.ts). */
  memo?: StoryMemo;
}
const held = new WeakMap<object, Held>();

async function readMeta(tx: AnyTx): Promise<{ generation: number; size: number }> {
  const meta = tx.objectStore('meta');
  const [generation, size] = await Promise.all([meta.get(INDEX_GENERATION), meta.get(INDEX_SIZE)]);
  return { generation: (generation as number | undefined) ?? 0, size: (size as number | undefined) ?? 0 };
}

/**
 * Everything a cold context needs before its first ranking, in one round
 * trip: the table without its keys of count 1 (a filing reads them, see
 * `completeTable`), which would add half as much again to read.
 */
async function readIndex(tx: AnyTx, size: number): Promise<{ index: PackedIndex; increments: number }> {
  const table = tx.objectStore('frequency-table');
  // Increments are numbered, and numbers sort before strings: the range ends at the base.
  const range = IDBKeyRange.upperBound(FREQUENCY_BASE);
  const [records, bands] = await Promise.all([table.getAll(range), tx.objectStore('meta').get(INDEX_BANDS)]);
  let image: AnyStoredTable | undefined;
  const increments: PackedCounts[] = [];
  // Told apart by shape rather than by a second request for the keys: only increments have `hashes`.
  for (const r of records) {
    if ('hashes' in r) increments.push(r as PackedCounts);
    else image = r as AnyStoredTable;
  }
  const index = new PackedIndex(size, FrequencyTable.from(image, increments));
  if (bands instanceof Uint8Array) index.bands = bandBitsOf(bands);
  return { index, increments: increments.reduce((sum, p) => sum + p.hashes.length, 0) };
}

/** Every key's count, for what needs the counts of 1 too (filing, tools). */
async function completeTable(tx: AnyTx, index: PackedIndex): Promise<void> {
  if (index.df.complete) return;
  const singles = await tx.objectStore('frequency-table').get(FREQUENCY_SINGLES);
  index.df.addSingles(singles instanceof Uint32Array ? singles : new Uint32Array(0));
}

/** Reads missing postings and vectors through the caller's transaction. */
class TxSource implements PackedSource {
  constructor(private readonly tx: AnyTx) {}

  async postings(hashes: number[]): Promise<Map<number, Int32Array>> {
    const store = this.tx.objectStore('postings');
    const pages = await Promise.all(hashes.map((h) => store.getAll(postingsRange(h))));
    const out = new Map<number, Int32Array>();
    hashes.forEach((h, i) => {
      const found = pages[i]!;
      if (found.length === 1) out.set(h, found[0]!);
      else if (found.length) {
        const list = new Int32Array(found.reduce((sum, p) => sum + p.length, 0));
        let at = 0;
        for (const p of found) {
          list.set(p, at);
          at += p.length;
        }
        out.set(h, list);
      }
    });
    return out;
  }

  async vectors(docs: number[]): Promise<Map<number, DocVector>> {
    return byNumber(this.tx.objectStore('vectors'), docs);
  }
}

/**
 * Numbers this close are read in one range request, the ones between them
 * with them: reports of one event tend to be filed together, and a request
 * costs more than reading a few records of some kilobytes more.
 */
const RUN_GAP = 4;

/** The records of some filing numbers, read in runs of near numbers. */
async function byNumber<V extends { n: number }>(store: { get(n: number): Promise<V | undefined>; getAll(range: IDBKeyRange): Promise<V[]> }, numbers: number[]): Promise<Map<number, V>> {
  const sorted = [...new Set(numbers)].sort((a, b) => a - b);
  const runs: [number, number][] = [];
  for (const n of sorted) {
    const last = runs[runs.length - 1];
    if (last && n - last[1] <= RUN_GAP) last[1] = n;
    else runs.push([n, n]);
  }
  const found = await Promise.all(runs.map(([from, to]) => (from === to ? store.get(from).then((v) => (v ? [v] : [])) : store.getAll(IDBKeyRange.bound(from, to)))));
  const wanted = new Set(sorted);
  const out = new Map<number, V>();
  for (const records of found) for (const r of records) if (wanted.has(r.n)) out.set(r.n, r);
  return out;
}

/**
 * The index as this context holds it, brought up to date with what is
 * stored: kept from earlier queries when nothing was filed since, or the
 * frequency table read in one request (the rest is read as queries need it).
 */
async function indexFor(db: object, tx: AnyTx): Promise<{ state: Held; source: TxSource }> {
  let state = held.get(db);
  // Nothing held: the table is read at once, beside the generation, rather than after it.
  const reading = state ? null : readIndex(tx, 0);
  const { generation, size } = await readMeta(tx);
  if (!state || state.generation !== generation) {
    const read = await (reading ?? readIndex(tx, 0));
    read.index.size = size;
    state = { generation, ...read };
    held.set(db, state);
  }
  return { state, source: new TxSource(tx) };
}

/**
 * The library's current inverse document frequency of a key, for comparisons
 * made with strings: the index's own, whose table remembers what the ranking
 * just looked up (the same keys, mostly) and spares a logarithm per key.
 */
function idfOf(index: PackedIndex): Idf {
  return (key) => index.idf(keyHash(key));
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

/** The reader's corrections, for the story decisions of one transaction. */
interface Corrections {
  /** "Not the same story" pairs. */
  splits: [string, string][];
  /** Whether the reader put two articles in one story. */
  merged: (a: string, b: string) => boolean;
}

async function correctionsIn(tx: AnyTx): Promise<Corrections> {
  const all = await tx.objectStore('feedback').getAll();
  const merges = new Set(all.filter((f) => f.kind === 'merge').flatMap((f) => [`${f.pair[0]}\n${f.pair[1]}`, `${f.pair[1]}\n${f.pair[0]}`]));
  return { splits: all.filter((f) => f.kind === 'split').map((f) => f.pair), merged: (a, b) => merges.has(`${a}\n${b}`) };
}

async function placementsOf(tx: AnyTx, ids: string[]): Promise<Map<string, Placement>> {
  const store = tx.objectStore('placements');
  const found = await Promise.all(ids.map((id) => store.get(id)));
  return new Map(found.filter((p): p is Placement => p !== undefined).map((p) => [p.articleId, p]));
}

/**
 * Moves every member of `from` into `into`, keeping the story records and
 * placements in step (and `memo`, when a filing holds one).
 */
async function mergeStories(tx: Tx, into: Story, fromId: string, now: string, memo?: StoryMemo): Promise<void> {
  const stories = tx.objectStore('stories');
  const from = memo ? (await memo.storiesOf(tx, [fromId])).get(fromId) : await stories.get(fromId);
  if (!from || from.id === into.id) return;
  const placements = memo ?? placementsInStore(tx);
  const moving = await placements.placementsOf(tx, from.members);
  await Promise.all([...moving.values()].map((p) => placements.placeLater({ ...p, storyId: into.id })));
  into.members.push(...from.members);
  into.updatedAt = now;
  memo?.forgetStory(from.id);
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
  /** Key hash → its list's length before this filing (the pages from there on are rewritten). */
  touched: Map<number, number>;
  increments: Map<number, number>;
  filed: number;
  /** The reader's corrections: no filing changes them, so they are read once per transaction. */
  corrections?: Corrections;
  /** Placements and stories as written by this context's filings (the latest state of each). */
  memo: StoryMemo;
  /**
   * Records a filing adds, put once it is done (`writeAdded`), so that the
   * database writes them while the next filing ranks; nothing reads them back
   * before the transaction ends (the index holds the vectors, the memo the
   * placements).
   */
  documents: StoredDocument[];
  vectors: DocVector[];
  /** Stories changed by this transaction and not written yet: a story joined by several articles of a batch is written once. */
  unwritten: Map<string, Story>;
}

/** Puts the records filings added and the placements they changed so far (not waited for: a failed write aborts the transaction). */
function writeAdded(tx: Tx, filing: Filing): void {
  const documents = tx.objectStore('documents');
  for (const d of filing.documents) unawaited(documents.put(d));
  const vectors = tx.objectStore('vectors');
  for (const v of filing.vectors) unawaited(vectors.put(v, v.n));
  filing.documents = [];
  filing.vectors = [];
  const placements = tx.objectStore('placements');
  for (const p of filing.memo.placementsToWrite()) unawaited(placements.put(p));
}

/** Puts what the filings of a transaction changed, before it ends: the stories last (one put per story, however many joined it). */
function writeFiled(tx: Tx, filing: Filing): void {
  writeAdded(tx, filing);
  const stories = tx.objectStore('stories');
  for (const story of filing.unwritten.values()) unawaited(stories.put(story));
  filing.unwritten.clear();
}

/** The stories of `ids`: changed by this transaction and not written yet, or as the memo knows or reads them. */
async function storiesOf(tx: Tx, filing: Filing, ids: string[]): Promise<Map<string, Story>> {
  const out = new Map<string, Story>();
  const rest: string[] = [];
  for (const id of ids) {
    const s = filing.unwritten.get(id);
    if (s) out.set(id, s);
    else rest.push(id);
  }
  if (rest.length) for (const [id, s] of await filing.memo.storiesOf(tx, rest)) out.set(id, s);
  return out;
}

/** Indexes a stored article and places it in a story, inside the caller's transaction. `previous`: its filing number, if it was filed before. */
async function fileInto(tx: Tx, filing: Filing, article: StoredArticle, features: Features, previous: number | undefined, now: string): Promise<Omit<Ingested, 'article'> & { n: number }> {
  const index = filing.state.index;
  const counted = countedKeys(features);
  const hashes = Uint32Array.from(counted, keyHash);
  const n = previous ?? index.size;
  // Weighed (which keys it keeps and is filed under) with the library as it was before it came.
  const df = new Map<string, number>();
  counted.forEach((k, i) => df.set(k, index.df.get(hashes[i]!)));
  const signature = buildSignature(article.id, features, article.publishedAt, df, index.size);
  const vector = vectorOf(n, signature);
  await index.loadFor(vector, filing.source);
  // Counted before it is ranked, so it is scored against the library it has just joined,
  // exactly as every later query of it will be.
  const count = (h: number) => filing.increments.set(h, (filing.increments.get(h) ?? 0) + 1);
  const lengths = new Map([...vector.index, ...vector.bands].map((h) => [h, index.postings.get(h)?.length ?? 0]));
  for (const h of index.file(vector, previous === undefined ? hashes : null, count)) if (!filing.touched.has(h)) filing.touched.set(h, lengths.get(h)!);
  if (previous === undefined) filing.filed++;
  filing.documents.push({ n, id: article.id, signature: packSignature(signature), summary: summaryOf(article) });
  filing.vectors.push(vector);
  // The pool a listing compares (`listingPool`): in a large library the second fifty of the most
  // voted are other events of the same kind, far below the weakest link a story decision reads.
  const ranked = await rankPacked(index, vector, { limit: 40, source: filing.source, pool: listingPool(index.size) });

  const { memo } = filing;
  const existing = previous !== undefined ? (await memo.placementsOf(tx, [article.id])).get(article.id) : undefined;
  if (existing) {
    // A fresh capture of a known address keeps its place: the reader may have put it there.
    return { n, storyId: existing.storyId, copyOf: existing.reportId === article.id ? null : existing.reportId };
  }
  const strong = ranked.filter((r) => r.nearDuplicate || r.score >= WEAK_LINK);
  // Reports of one event tend to arrive together: what this context placed lately is known without a read.
  const placed = await memo.placementsOf(tx, strong.map((r) => r.id));
  const copy = ranked.find((r) => r.nearDuplicate && placed.has(r.id));
  const reportId = copy ? placed.get(copy.id)!.reportId : article.id;

  const storyRecords = await storiesOf(tx, filing, [...new Set([...placed.values()].map((p) => p.storyId))]);
  const storyOf = new Map<string, string>();
  for (const s of storyRecords.values()) for (const m of s.members) storyOf.set(m, s.id);
  const links: StoryLink[] = ranked
    .filter((r) => storyOf.has(r.id))
    .map((r) => ({ articleId: r.id, storyId: storyOf.get(r.id)!, score: r.score, nearDuplicate: r.nearDuplicate }));
  const corrections = (filing.corrections ??= await correctionsIn(tx));
  const { splits } = corrections;
  const splitPlaces = splits.length ? await memo.placementsOf(tx, splits.flat()) : new Map<string, Placement>();
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
    for (const other of decision.absorb) {
      // An absorbed story is deleted: a write of it still pending would bring it back.
      filing.unwritten.delete(other);
      await mergeStories(tx, story, other, now, memo);
    }
  } else {
    story = { id: crypto.randomUUID(), members: [article.id], createdAt: now, updatedAt: now };
  }
  const placement = { articleId: article.id, storyId: story.id, reportId, links: linksToKeep(ranked) };
  memo.placeLater(placement);
  memo.story(story);
  filing.unwritten.set(story.id, story);
  // A story that has just grown may turn out to hold two events (story-seams.ts).
  const cut = decision.join ? await reconsiderStory(tx, story, now, corrections.merged, undefined, memo) : null;
  if (cut) {
    // Both halves were written by the cut.
    filing.unwritten.delete(story.id);
    memo.story(cut);
  }
  const storyId = cut?.members.includes(article.id) ? cut.id : story.id;
  return { n, storyId, copyOf: reportId === article.id ? null : reportId };
}

/** The terms a ranking searches besides the keys the article is filed under (as `rankPacked`). */
const SEARCHED_TERMS = 40;

/**
 * Reads, in one round trip, the lists a batch's filings will most likely
 * need: each would otherwise stop its filing for a read of its own. The keys
 * are picked with the frequencies as the batch opens; a filing that ends up
 * needing another list still reads it then.
 */
async function prefetchLists(filing: Filing, features: Features[]): Promise<void> {
  const index = filing.state.index;
  // As `loadFor` (filed under: lists that still grow) and `rankPacked` (searched: lists short enough).
  const cap = postingsLimit(index.size);
  const wanted: number[] = [];
  const bands = new Set<number>();
  for (const f of features) {
    const counted = countedKeys(f);
    const df = new Map<string, number>();
    for (const k of counted) df.set(k, index.df.get(keyHash(k)));
    const signature = buildSignature('', f, null, df, index.size);
    const v = vectorOf(0, signature);
    for (const h of v.bands) bands.add(h);
    wanted.push(...v.bands);
    for (const h of v.index) if (index.df.get(h) < MAX_POSTINGS) wanted.push(h);
    for (const h of v.keys.subarray(0, Math.min(v.terms, SEARCHED_TERMS))) if (index.df.get(h) < cap) wanted.push(h);
  }
  await index.loadPostings(wanted, filing.source, bands);
}

/** Opens a filing: the index as stored, brought into this context's memory. */
async function beginFiling(db: ParallaxDB, tx: Tx): Promise<Filing> {
  const [{ state, source }, stories] = await Promise.all([indexFor(db, tx), tx.objectStore('meta').get(STORIES_GENERATION)]);
  await completeTable(tx, state.index);
  // Until it commits, what this transaction changes in memory is no one else's to read.
  held.delete(db);
  const generation = (stories as number | undefined) ?? 0;
  if (state.memo?.generation !== generation) state.memo = new StoryMemo(generation);
  return { state, source, touched: new Map(), increments: new Map(), filed: 0, memo: state.memo, documents: [], vectors: [], unwritten: new Map() };
}

/** The reader changed placements or stories: what any context remembers of them is stale. */
async function forgetStories(tx: Tx): Promise<void> {
  const meta = tx.objectStore('meta');
  await meta.put(((await meta.get(STORIES_GENERATION)) as number | undefined ?? 0) + 1, STORIES_GENERATION);
}

/** Writes what the filing changed in the index: the lists it touched, one record of increments, the size. */
async function endFiling(tx: Tx, filing: Filing): Promise<void> {
  writeFiled(tx, filing);
  const { state } = filing;
  const postings = tx.objectStore('postings');
  for (const [h, from] of filing.touched) for (const [key, page] of postingsPages(h, state.index.postings.get(h)!, from)) unawaited(postings.put(page, key));
  const table = tx.objectStore('frequency-table');
  if (filing.increments.size) {
    if (state.increments + filing.increments.size >= Math.max(FOLD_AT, state.index.df.size * FOLD_SHARE)) {
      // Folded: the base becomes the table as held, and the increment records go.
      await table.clear();
      const { base, singles } = state.index.df.parts();
      unawaited(table.put(base, FREQUENCY_BASE));
      unawaited(table.put(singles, FREQUENCY_SINGLES));
      state.increments = 0;
    } else {
      unawaited(table.put(packTotals(filing.increments.keys(), state.index.df), state.index.size));
      state.increments += filing.increments.size;
    }
  }
  const meta = tx.objectStore('meta');
  if (filing.touched.size) unawaited(meta.put(state.index.bands, INDEX_BANDS));
  state.generation++;
  unawaited(meta.put(state.index.size, INDEX_SIZE));
  await meta.put(state.generation, INDEX_GENERATION);
}

/** Once a filing has committed, what it holds in memory becomes what this context knows. */
function commitFiling(db: object, filing: Filing): void {
  held.set(db, filing.state);
}

/**
 * A write not waited for: if it fails, the transaction aborts and the caller
 * hears it from `tx.done`; the request's own rejection is not a second error.
 */
function unawaited(request: Promise<unknown>): void {
  request.catch(() => undefined);
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
  // Analysis is the slow part and needs no database: each batch's is done before its transaction
  // opens, the next one's while the browser commits the last.
  const analyse = (from: number) => captures.slice(from, from + INGEST_BATCH).map(featuresOfArticle);
  let next = analyse(0);
  for (let i = 0; i < captures.length; i += INGEST_BATCH) {
    const batch = captures.slice(i, i + INGEST_BATCH);
    const features = next;
    let tx: Tx | null = null;
    try {
      tx = db.transaction(LIBRARY, 'readwrite', { durability: 'relaxed' });
      const articles = tx.objectStore('articles');
      const byUrl = articles.index('by-url');
      // Every earlier capture of the batch's addresses, and its document, read at once rather than one by one.
      const [filing, known] = await Promise.all([beginFiling(db, tx), Promise.all(batch.map((c) => byUrl.get(c.canonicalUrl)))]);
      const docsById = tx.objectStore('documents').index('by-id');
      const [knownDocs] = await Promise.all([Promise.all(known.map((a) => (a ? docsById.getKey(a.id) : undefined))), prefetchLists(filing, features)]);
      const seen = new Map<string, { article: StoredArticle; n: number | undefined }>();
      known.forEach((a, j) => {
        if (a) seen.set(a.canonicalUrl, { article: a, n: knownDocs[j] });
      });
      const at = now.toISOString();
      for (let j = 0; j < batch.length; j++) {
        const capture = batch[j]!;
        const before = seen.get(capture.canonicalUrl);
        // Put with the filing's own records, once it is done (see Filing).
        let article: StoredArticle | undefined;
        const { stored } = await upsertArticle({ index: () => ({ get: async () => before?.article }), put: async (a) => (article = a) }, capture, now);
        const { n, ...result } = await fileInto(tx, filing, stored, features[j]!, before?.n, at);
        if (article) unawaited(articles.put(article));
        writeAdded(tx, filing);
        // A second capture of one address within the batch finds the first, as it would one batch later.
        seen.set(capture.canonicalUrl, { article: stored, n });
        out.push({ article: stored, ...result });
      }
      await endFiling(tx, filing);
      const done = tx.done;
      // Nothing is requested from here on, so the transaction commits while this runs.
      next = i + INGEST_BATCH < captures.length ? analyse(i + INGEST_BATCH) : [];
      await done;
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
        await fileInto(tx, filing, article, features, undefined, article.capturedAt);
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

/** The vector of an article this context holds, if its index is current (checked again once the query reads the generation). */
function heldVector(db: object, articleId: string): DocVector | undefined {
  const index = held.get(db)?.index;
  const n = index?.numbers.get(articleId);
  return n === undefined ? undefined : index!.vectors.get(n);
}

/**
 * Terms past the article's index keys whose lists a cold ranking is likely to
 * search: it searches the forty heaviest under the current frequencies, and
 * a vector's terms are stored heaviest first under the frequencies it was
 * filed with.
 */
const SEARCH_AHEAD = 60;

/**
 * The lists a ranking of `v` will most likely search: its index keys, its
 * bands and its first terms. Without the frequencies some are read for
 * nothing (a key too common to be searched); one the ranking wants and this
 * missed is read then, as without it.
 */
async function readSearchLists(tx: AnyTx, v: DocVector): Promise<{ hashes: number[]; found: Map<number, Int32Array> }> {
  const hashes = [...new Set<number>([...v.index, ...v.bands, ...v.keys.subarray(0, Math.min(v.terms, SEARCH_AHEAD))])];
  return { hashes, found: await new TxSource(tx).postings(hashes) };
}

/** The stored records of some filed articles. */
async function documentsOf(tx: AnyTx, docs: number[]): Promise<Map<number, StoredDocument>> {
  return byNumber(tx.objectStore('documents'), docs);
}

/** Documents a listing needs, asked for before it knows all it lists. */
interface ListingReads {
  docs: Set<number>;
  documents: Promise<Map<number, StoredDocument>>;
}

function startListingReads(tx: AnyTx, docs: number[]): ListingReads {
  const reads = { docs: new Set(docs), documents: documentsOf(tx, docs) };
  // Not awaited when the listing is redone (see relatedTo): its failure then concerns nobody.
  unawaited(reads.documents);
  return reads;
}

/** The documents of `docs`, reading what `started` did not ask for. */
async function finishListingReads(tx: AnyTx, started: ListingReads | null, docs: number[]): Promise<Map<number, StoredDocument>> {
  const [early, late] = await Promise.all([started?.documents ?? new Map<number, StoredDocument>(), documentsOf(tx, docs.filter((n) => !started?.docs.has(n)))]);
  const wanted = new Set(docs);
  return new Map([...early, ...late].filter(([n]) => wanted.has(n)));
}

/**
 * The members of the story and of the report an article is placed in: two
 * requests, where reading the placement of each listed article took one
 * each (a story's members and its placements are written together).
 */
async function companionsOf(tx: AnyTx, place: Placement | undefined): Promise<{ story: Set<string>; report: Set<string> }> {
  if (!place) return { story: new Set(), report: new Set() };
  const [story, report] = await Promise.all([tx.objectStore('stories').get(place.storyId), tx.objectStore('placements').index('by-report').getAllKeys(place.reportId)]);
  return { story: new Set(story?.members), report: new Set(report) };
}

/**
 * Articles related to a stored one, best first, with what they share. The
 * ranking runs on numbers; the articles it lists are compared again from
 * their signatures, so every listed score and explanation is score.ts's own.
 */
export async function relatedTo(db: ParallaxDB, articleId: string, options: RelatedOptions = {}): Promise<RelatedArticle[]> {
  const { limit = 30, minScore = RELATED_THRESHOLD } = options;
  const tx = db.transaction(READ, 'readonly');
  const guessed = held.get(db);
  const mine = heldVector(db, articleId);
  const ownVector: Promise<DocVector | undefined> = mine ? Promise.resolve(mine) : tx.objectStore('vectors').index('by-id').get(articleId);
  // A context holding nothing asks for these lists as soon as the article's vector is in: they arrive
  // right behind the frequency table (asked for first, and by far the largest read) instead of a
  // round trip after it. A context holding the table reads just the lists its ranking picks, as fast.
  const ownLists = mine || guessed ? null : ownVector.then((v) => (v ? readSearchLists(tx, v) : null));
  const placed = tx.objectStore('placements').get(articleId);
  // Asked for as soon as the placement is in, not once every first read is: the story and report
  // then come back with the listed documents rather than a round trip behind them.
  const companions = placed.then((p) => companionsOf(tx, p));
  const first = Promise.all([ownVector, tx.objectStore('feedback').index('by-article').getAll(articleId), indexFor(db, tx)]);
  unawaited(first);
  unawaited(companions);
  if (ownLists) unawaited(ownLists);
  const rank = (index: PackedIndex, vector: DocVector, source: PackedSource) => rankPacked(index, vector, { limit: Math.max(limit, 40), source, counted: true, pool: listingPool(index.size) });
  // A context holding the article ranks it on the index it holds while those reads travel, and
  // asks at once for what the ranking lists by score. Kept only if the generation they bring
  // says nobody filed since; otherwise the ranking is done again below on what is stored.
  let early: { ranked: PackedRanked[]; reads: ListingReads } | null = null;
  if (mine && guessed) {
    const ranked = await rank(guessed.index, mine, new TxSource(tx));
    const likely = ranked.filter((r) => r.score >= minScore - 0.01);
    early = { ranked, reads: startListingReads(tx, [mine.n, ...likely.map((r) => r.n)]) };
  }
  const [stored, feedback, { state, source }] = await first;
  if (state !== guessed) early = null;
  const index = state.index;
  const lists = await ownLists;
  if (lists) for (const h of lists.hashes) if (!index.postings.has(h)) index.postings.set(h, lists.found.get(h) ?? []);
  // A vector held from before another context filed may be stale: read it then.
  const vector = mine && !index.vectors.has(mine.n) ? await tx.objectStore('vectors').get(mine.n) : (index.vectors.get(stored?.n ?? -1) ?? stored);
  if (!vector) return [];
  if (!index.vectors.has(vector.n)) index.hold(vector);
  const partner = (f: Feedback) => (f.pair[0] === articleId ? f.pair[1] : f.pair[0]);
  const split = new Set(feedback.filter((f) => f.kind === 'split').map(partner));
  const confirmed = new Set(feedback.filter((f) => f.kind === 'merge').map(partner));
  const ranked = early?.ranked ?? (await rank(index, vector, source));
  // Listed: close enough (the numeric score is within a hair of the one recomputed below), in the
  // story, or confirmed by the reader; split pairs never. Only those are read.
  const candidates = ranked.filter((r) => !split.has(r.id));
  // The story's members say which weaker candidates it lists, and with the report's, how each listed one is placed.
  const { story: members, report } = await companions;
  const listed = candidates.filter((r) => r.score >= minScore - 0.01 || confirmed.has(r.id) || members.has(r.id));
  const missing = [...confirmed].filter((id) => !candidates.some((r) => r.id === id));
  const byId = tx.objectStore('documents').index('by-id');
  const [docs, extra] = await Promise.all([finishListingReads(tx, early?.reads ?? null, [vector.n, ...listed.map((r) => r.n)]), Promise.all(missing.map((id) => byId.get(id)))]);
  for (const d of extra) if (d) docs.set(d.n, d);
  const own = docs.get(vector.n);
  docs.delete(vector.n);
  if (!own) return [];

  const idf = idfOf(index);
  const ownSignature = unpackSignature(own.signature);
  const q = prepare(ownSignature, idf);
  const out: RelatedArticle[] = [];
  for (const d of docs.values()) {
    const signature = unpackSignature(d.signature);
    const r: Ranked = { id: d.id, comparison: compare(q, signature, idf, undefined, true), nearDuplicate: isNearDuplicate(ownSignature.hash, signature.hash), signature };
    const sameStory = members.has(d.id);
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
      sameReport: report.has(d.id),
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
  await completeTable(tx, state.index);
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
  unawaited(forgetStories(tx));
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
  unawaited(forgetStories(tx));
  const at = now.toISOString();
  const feedback = tx.objectStore('feedback');
  await feedback.delete(feedbackRecord('split', articleId, otherId, at).id);
  if (mine.storyId !== theirs.storyId) {
    const splits = (await correctionsIn(tx)).splits.filter(([x, y]) => !(new Set([x, y]).has(articleId) && new Set([x, y]).has(otherId)));
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
