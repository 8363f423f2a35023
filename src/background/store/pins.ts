/**
 * Pins: the reader keeps a story (an article and its related coverage) or
 * one article. Both live in the `pins` store, whose `by-article` index is
 * unique on `articleId`, so a story pin and an article pin of the same
 * article cannot both file the plain id there. An article pin is therefore
 * stored under `article:<id>` (as its key and its indexed `articleId`) and
 * handed out with the plain id; story pins are stored as they always were.
 * No schema change: records written before article pins existed read as
 * story pins.
 */
import type { Pin, PinKind } from '../../shared/messages';
import { describeStorageError, type ParallaxDB } from './schema';

const ARTICLE_PREFIX = 'article:';

const storedArticleId = (kind: PinKind, articleId: string) => (kind === 'article' ? `${ARTICLE_PREFIX}${articleId}` : articleId);

/** The pin as the rest of Parallax sees it: its kind stated, its article id plain. */
function fromRecord(record: Pin): Pin {
  const kind: PinKind = record.kind ?? (record.articleId.startsWith(ARTICLE_PREFIX) ? 'article' : 'story');
  const articleId = kind === 'article' ? record.articleId.slice(ARTICLE_PREFIX.length) : record.articleId;
  return { ...record, kind, articleId };
}

export async function addPin(db: ParallaxDB, pin: Omit<Pin, 'id'>): Promise<Pin> {
  const kind = pin.kind ?? 'story';
  const key = storedArticleId(kind, pin.articleId);
  try {
    const tx = db.transaction('pins', 'readwrite');
    const existing = await tx.store.index('by-article').get(key);
    const saved: Pin = { ...pin, kind, articleId: key, id: existing?.id ?? key, pinnedAt: existing?.pinnedAt ?? pin.pinnedAt };
    await tx.store.put(saved);
    await tx.done;
    return fromRecord(saved);
  } catch (err) {
    throw describeStorageError(err);
  }
}

export async function removePin(db: ParallaxDB, pinId: string): Promise<boolean> {
  const tx = db.transaction('pins', 'readwrite');
  const existed = (await tx.store.getKey(pinId)) !== undefined;
  await tx.store.delete(pinId);
  await tx.done;
  return existed;
}

/** The reader's pin of the story of `articleId`, or of that article alone. */
export async function pinForArticle(db: ParallaxDB, articleId: string, kind: PinKind = 'story'): Promise<Pin | undefined> {
  const record = await db.getFromIndex('pins', 'by-article', storedArticleId(kind, articleId));
  return record && fromRecord(record);
}

/** Every pin, newest first. */
export async function listPins(db: ParallaxDB): Promise<Pin[]> {
  const pins = await db.getAll('pins');
  return pins.map(fromRecord).sort((a, b) => b.pinnedAt.localeCompare(a.pinnedAt));
}
