import type { Settings } from '../../shared/messages';
import type { ParallaxDB } from './schema';

const DEFAULTS: Settings = { autoCaptureSites: [] };

export async function getSettings(db: ParallaxDB): Promise<Settings> {
  const stored = (await db.get('meta', 'settings')) as Partial<Settings> | undefined;
  return { ...DEFAULTS, ...stored };
}

export async function updateSettings(db: ParallaxDB, change: Partial<Settings>): Promise<Settings> {
  const tx = db.transaction('meta', 'readwrite');
  const current = { ...DEFAULTS, ...((await tx.store.get('settings')) as Partial<Settings> | undefined) };
  const next = { ...current, ...change };
  await tx.store.put(next, 'settings');
  await tx.done;
  return next;
}
