/**
 * Second thoughts about a story in the store (the decision is
 * core/matching/refine.ts): each article's placement keeps the scores it had
 * with its best matches when it arrived, so a story's members can be weighed
 * against each other without comparing a single vector again. When a story
 * grows and turns out to hold two events, the newer group leaves for a story
 * of its own. Runs inside the caller's transaction.
 */
import type { IDBPTransaction, StoreNames } from 'idb';
import { DEFAULT_SPLIT, findSeam, type SplitThresholds } from '../../core/matching/refine';
import type { ParallaxSchema, Story } from './schema';
import { placementsInStore, type PlacementAccess } from './story-memo';

type Tx = IDBPTransaction<ParallaxSchema, StoreNames<ParallaxSchema>[], 'readwrite'>;

/** The links an arriving article leaves on its placement: its matches worth weighing later, scores to three decimals. */
export function linksToKeep(ranked: { id: string; score: number }[], t: SplitThresholds = DEFAULT_SPLIT): [string, number][] {
  return ranked
    .filter((r) => r.score >= t.floor)
    .slice(0, t.keep)
    .map((r) => [r.id, Math.round(r.score * 1000) / 1000]);
}

/**
 * Cuts `story` in two when its members fall into two groups that resemble
 * themselves far more than each other. Members the reader put together
 * ("same story", `merged`: read once per filing transaction by the caller)
 * are never cut apart. `placements`: where placements are read and
 * the moved ones recorded (a filing's memo, else the store). Returns the new story, if any.
 */
export async function reconsiderStory(
  tx: Tx,
  story: Story,
  now: string,
  merged: (a: string, b: string) => boolean,
  t: SplitThresholds = DEFAULT_SPLIT,
  placements: PlacementAccess = placementsInStore(tx),
): Promise<Story | null> {
  if (story.members.length < 2 * t.minGroup || story.members.length > t.maxSize) return null;
  const byId = await placements.placementsOf(tx, story.members);
  const links = new Map<string, Map<string, number>>();
  for (const p of byId.values()) if (p.links) links.set(p.articleId, new Map(p.links));
  // The later of two articles found the earlier one: either side's record holds the link.
  const linkOf = (a: string, b: string) => links.get(a)?.get(b) ?? links.get(b)?.get(a) ?? 0;
  const seam = findSeam(story.members, linkOf, t, merged);
  if (!seam) return null;
  const moved: Story = { id: crypto.randomUUID(), members: seam.leave, createdAt: now, updatedAt: now };
  story.members = seam.keep;
  story.updatedAt = now;
  await Promise.all([
    tx.objectStore('stories').put(story),
    tx.objectStore('stories').put(moved),
    ...seam.leave.map((id) => {
      const p = byId.get(id);
      return p ? placements.placeLater({ ...p, storyId: moved.id }) : undefined;
    }),
  ]);
  return moved;
}
