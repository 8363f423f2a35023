/** <meta> tags: Open Graph, Twitter cards, Dublin Core and the common CMS names. */
import { all, clean, readAttributes } from './dom';

/** Every <meta> by lower-cased name, property or itemprop; the first non-empty value of each wins. */
export type MetaTags = Map<string, string>;

const META_ATTRIBUTES = ['content', 'property', 'name', 'itemprop'] as const;

export function readMeta(doc: Document): MetaTags {
  const tags: MetaTags = new Map();
  const values: (string | null)[] = [null, null, null, null];
  for (const el of all(doc, 'meta[content]')) {
    readAttributes(el, META_ATTRIBUTES, values);
    const value = clean(values[0]);
    if (!value) continue;
    // Property, name, itemprop, in that order (see META_ATTRIBUTES).
    for (let i = 1; i < values.length; i++) {
      const key = values[i]?.trim().toLowerCase();
      if (key && !tags.has(key)) tags.set(key, value);
    }
  }
  return tags;
}

/** The first of `keys` the page sets. */
export function metaValue(tags: MetaTags, ...keys: string[]): string | null {
  for (const key of keys) {
    const value = tags.get(key);
    if (value) return value;
  }
  return null;
}
