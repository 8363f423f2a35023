/** Builds the capture code as one classic script, as a browser would run it in a page. */
import { resolve } from 'node:path';
import { build } from 'vite';

const ENTRY = resolve(import.meta.dirname, 'page-entry.ts');

/** Source of a script that defines `globalThis.__parallaxCapture(doc, url)`. */
export async function buildCaptureBundle(): Promise<string> {
  const result = await build({
    configFile: false,
    logLevel: 'warn',
    build: {
      write: false,
      minify: false,
      // The content script targets these browsers too; keep the same syntax level.
      target: 'chrome116',
      lib: { entry: ENTRY, formats: ['iife'], name: '__parallaxCaptureBundle', fileName: () => 'capture.js' },
    },
  });
  const outputs = Array.isArray(result) ? result : [result];
  for (const out of outputs) {
    if (!('output' in out)) continue;
    const chunk = out.output.find((o) => o.type === 'chunk');
    if (chunk && chunk.type === 'chunk') return chunk.code;
  }
  throw new Error('vite produced no capture bundle');
}
