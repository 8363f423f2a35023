/**
 * What a filing context remembers of placements and stories between its
 * transactions. Each filing reads the placements of its best matches and
 * their stories; reads queue behind the transaction's pending writes, so
 * every one waits for the batch's puts so far. Reports of one event arrive
 * close together, so the placements and stories a filing needs are mostly
 * ones this context wrote or read a little earlier: remembered, they cost
 * no read. Valid while nothing else changes placements or stories: another
 * context's filing (a new index generation) or the reader's corrections (a
 * new `STORIES_GENERATION`) start a fresh memo.
 */
import type { IDBPTransaction, StoreNames } from 'idb';
import type { ParallaxSchema, Placement, Story } from './schema';

type AnyTx = IDBPTransaction<ParallaxSchema, StoreNames<ParallaxSchema>[], 'readonly' | 'readwrite'>;
type WriteTx = IDBPTransaction<ParallaxSchema, StoreNames<ParallaxSchema>[], 'readwrite'>;

/** What moving articles between stories needs of placements: a filing's memo, or the store itself (`placementsInStore`). */
export interface PlacementAccess {
  placementsOf(tx: AnyTx, ids: Iterable<string>): Promise<Map<string, Placement>>;
  /** Records a placement's new state: put now, or with the filing's own records. */
  placeLater(p: Placement): Promise<unknown> | void;
}

/** Placements read from and put straight into the store, for changes made outside a filing (the reader's corrections). */
export function placementsInStore(tx: WriteTx): PlacementAccess {
  const store = tx.objectStore('placements');
  return {
    placementsOf: (_tx, ids) => recallOrRead(ids, () => undefined, (id) => store.get(id), (p) => p.articleId),
    placeLater: (p) => store.put(p),
  };
}

/**
 * Placements and stories remembered, each: the most recently used are kept.
 * A placement with its links takes a few kilobytes of a worker's memory, so
 * a few thousand, some sixty batches' worth: the reports of one event arrive
 * close together. (A placement the transaction still has to write is kept
 * apart, in `unwritten`, and stories are written from the filing's own list.)
 */
const REMEMBERED = 4_096;

function remember<V>(map: Map<string, V>, key: string, value: V): void {
  // Re-inserted so that insertion order is order of last use, and the oldest go first.
  map.delete(key);
  map.set(key, value);
  if (map.size > REMEMBERED) map.delete(map.keys().next().value!);
}

export class StoryMemo implements PlacementAccess {
  private readonly placements = new Map<string, Placement>();
  private readonly stories = new Map<string, Story>();
  /** Placements decided by the open transaction and not put yet: put after each filing (`placementsToWrite`). */
  private readonly unwritten = new Map<string, Placement>();

  /** `generation`: the `STORIES_GENERATION` it was started at. */
  constructor(readonly generation: number) {}

  place(p: Placement): void {
    remember(this.placements, p.articleId, p);
  }

  /** A placement the open transaction decided, remembered now and put by `placementsToWrite`. */
  placeLater(p: Placement): void {
    this.place(p);
    this.unwritten.set(p.articleId, p);
  }

  /** The placements to put before the transaction ends (each in its latest state), forgotten as unwritten. */
  placementsToWrite(): Placement[] {
    const out = [...this.unwritten.values()];
    this.unwritten.clear();
    return out;
  }

  story(s: Story): void {
    remember(this.stories, s.id, s);
  }

  forgetStory(id: string): void {
    this.stories.delete(id);
  }

  /** The placements of `ids` that exist, remembered or read (all reads at once). */
  placementsOf(tx: AnyTx, ids: Iterable<string>): Promise<Map<string, Placement>> {
    return recallOrRead(ids, (id) => this.unwritten.get(id) ?? this.placements.get(id), (id) => tx.objectStore('placements').get(id), (p) => {
      this.place(p);
      return p.articleId;
    });
  }

  /** The stories of `ids` that exist, remembered or read (all reads at once). */
  storiesOf(tx: AnyTx, ids: Iterable<string>): Promise<Map<string, Story>> {
    return recallOrRead(ids, (id) => this.stories.get(id), (id) => tx.objectStore('stories').get(id), (s) => {
      this.story(s);
      return s.id;
    });
  }
}

/** What `recall` knows of `ids`, and the rest read in parallel; each record read is handed to `keep`, which names its id. */
async function recallOrRead<V>(ids: Iterable<string>, recall: (id: string) => V | undefined, read: (id: string) => Promise<V | undefined>, keep: (v: V) => string): Promise<Map<string, V>> {
  const out = new Map<string, V>();
  const unknown: string[] = [];
  for (const id of new Set(ids)) {
    const v = recall(id);
    if (v) out.set(id, v);
    else unknown.push(id);
  }
  for (const v of await Promise.all(unknown.map(read))) if (v) out.set(keep(v), v);
  return out;
}
