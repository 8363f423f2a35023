/** The benchmark's page script: the real store, run in the browser's own IndexedDB. */
import { percentile, runStore } from './bench-store';

declare global {
  var __parallaxBench: { runStore: typeof runStore; percentile: typeof percentile };
}

globalThis.__parallaxBench = { runStore, percentile };
