import { defineConfig } from 'vitest/config';
import { crx } from '@crxjs/vite-plugin';
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import baseManifest from './manifest.json' with { type: 'json' };
import { manifestFor, withoutExposedScripts, type Browser, type Manifest } from './src/build/manifest';
import type { Plugin } from 'vite';

// `vite build --mode firefox` builds dist/firefox; any other mode builds dist/chrome.
export default defineConfig(({ mode }) => {
  const browser: Browser = mode === 'firefox' ? 'firefox' : 'chrome';
  const isTest = Boolean(process.env.VITEST);
  return {
    publicDir: 'src/static',
    esbuild: { jsx: 'automatic', jsxImportSource: 'preact' },
    plugins: isTest
      ? []
      : [
          crx({
            // crxjs types its manifest more narrowly than the JSON we keep.
            manifest: manifestFor(baseManifest as Manifest, browser) as never,
            browser,
          }),
          finalManifest(),
        ],
    build: {
      outDir: `dist/${browser}`,
      emptyOutDir: true,
      target: browser === 'firefox' ? 'firefox128' : 'chrome116',
      sourcemap: false,
      rollupOptions: {
        // Pages the manifest does not name for crxjs (Firefox's sidebar_action is unknown to it).
        input: {
          sidebar: resolve(import.meta.dirname, 'src/sidebar/index.html'),
          collection: resolve(import.meta.dirname, 'src/collection/index.html'),
        },
      },
    },
    server: { port: 5199, strictPort: true, hmr: { port: 5199 } },
    test: {
      projects: [
        {
          extends: true,
          test: {
            name: 'unit',
            include: ['test/unit/**/*.test.{ts,tsx}'],
            environment: 'node',
            setupFiles: ['test/unit/setup.ts'],
            // Correctness only: a shared CI machine under load must not turn a slow pass into a failure.
            testTimeout: 30_000,
          },
        },
        {
          extends: true,
          test: {
            name: 'e2e',
            include: ['test/e2e/**/*.e2e.ts'],
            environment: 'node',
            testTimeout: 120_000,
            hookTimeout: 180_000,
            fileParallelism: false,
            globalSetup: ['test/e2e/global-setup.ts'],
          },
        },
      ],
    },
  };
});

/** Last word on the emitted manifest: crxjs writes it late, so edit the file it wrote. */
function finalManifest(): Plugin {
  return {
    name: 'parallax:final-manifest',
    enforce: 'post',
    writeBundle(options) {
      const file = resolve(options.dir ?? '.', 'manifest.json');
      const manifest = JSON.parse(readFileSync(file, 'utf8')) as Manifest;
      writeFileSync(file, `${JSON.stringify(withoutExposedScripts(manifest), null, 2)}\n`);
    },
  };
}
