/**
 * One manifest.json is written Chrome-first; this transform derives the
 * Firefox manifest from it so browser differences live in one place.
 */

export type Browser = 'chrome' | 'firefox';

/** Loose manifest shape: the transform only touches the keys it knows. */
export type Manifest = Record<string, unknown> & {
  permissions?: string[];
  side_panel?: { default_path: string };
  background?: { service_worker?: string; type?: string; scripts?: string[] };
  action?: { default_title?: string; default_icon?: Record<string, string> };
};

/** Stable add-on id: Firefox keys storage and the moz-extension UUID on it. */
export const GECKO_ID = 'parallax@parallax-reader.org';

/** Firefox 140 is the first release that understands data_collection_permissions. */
export const GECKO_MIN_VERSION = '140.0';
export const GECKO_ANDROID_MIN_VERSION = '142.0';

export function manifestFor(base: Manifest, browser: Browser): Manifest {
  const manifest: Manifest = structuredClone(base);
  if (browser === 'chrome') return manifest;

  const { side_panel: sidePanel, ...rest } = manifest;
  const firefox: Manifest = {
    ...rest,
    permissions: (manifest.permissions ?? []).filter((p) => p !== 'sidePanel'),
    browser_specific_settings: {
      gecko: {
        id: GECKO_ID,
        strict_min_version: GECKO_MIN_VERSION,
        // Parallax sends nothing anywhere; Firefox asks add-ons to declare it.
        data_collection_permissions: { required: ['none'] },
      },
      // Android learnt data_collection_permissions two releases after desktop.
      gecko_android: { strict_min_version: GECKO_ANDROID_MIN_VERSION },
    },
  };
  if (sidePanel) {
    firefox.sidebar_action = {
      default_panel: sidePanel.default_path,
      default_title: manifest.action?.default_title ?? manifest.name,
      default_icon: manifest.action?.default_icon,
      open_at_install: false,
    };
  }
  const worker = manifest.background?.service_worker;
  if (worker) firefox.background = { scripts: [worker], type: 'module' };
  return firefox;
}

/**
 * crxjs lists injected scripts as web-accessible so a page could load them;
 * Parallax injects with scripting.executeScript, which needs no such entry,
 * and an exposed file would let any site detect that Parallax is installed.
 */
export function withoutExposedScripts(manifest: Manifest): Manifest {
  const { web_accessible_resources: _exposed, ...rest } = manifest;
  return rest;
}
