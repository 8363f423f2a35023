/** Query parameters that identify a campaign or a click, never the article. */
const TRACKING_PARAMS = /^(utm_\w+|fbclid|gclid|dclid|gbraid|wbraid|msclkid|mc_cid|mc_eid|igshid|yclid|_ga|_hs\w+|ref|ref_src|cmpid|ocid|smid|s_cid|cid|taid|at_\w+)$/i;

// A fragment that is a route ("#/world/123", "#!/story") names the article in a single-page app, so it stays.
const ROUTE_FRAGMENT = /^#!?\/./;

/** Canonical form of an article address: https kept, tracking and in-page fragments dropped. */
export function canonicalizeUrl(raw: string, base?: string): string | null {
  let url: URL;
  try {
    url = new URL(raw, base);
  } catch {
    return null;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
  if (!ROUTE_FRAGMENT.test(url.hash)) url.hash = '';
  // forEach, not an iterator: Firefox content scripts see URLSearchParams through a wrapper whose iterators fail.
  const tracking: string[] = [];
  url.searchParams.forEach((_value, key) => {
    if (TRACKING_PARAMS.test(key)) tracking.push(key);
  });
  for (const key of tracking) url.searchParams.delete(key);
  url.searchParams.sort();
  url.hostname = url.hostname.toLowerCase();
  return url.toString();
}

/** Host without a leading "www.", for showing an outlet when it has no name. */
export function displayHost(raw: string): string {
  try {
    return new URL(raw).hostname.replace(/^www\./, '');
  } catch {
    return raw;
  }
}

/** Match pattern covering every page of the origin of `raw`, e.g. "https://example.org/*". */
export function originPattern(raw: string): string | null {
  try {
    const url = new URL(raw.includes('://') ? raw : `https://${raw}`);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
    // Browsers disagree on odd hosts (Chromium percent-encodes spaces), so accept only real host names.
    if (!/^(?:[a-z0-9-]+(?:\.[a-z0-9-]+)*|\[[0-9a-f:.]+\])$/.test(url.hostname)) return null;
    return `${url.protocol}//${url.hostname}/*`;
  } catch {
    return null;
  }
}
