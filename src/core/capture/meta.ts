/** <meta> tags: Open Graph, Twitter cards, Dublin Core and the common CMS names. */
import { all, attr, clean } from './dom';

/** Every <meta> by lower-cased name, property or itemprop; the first non-empty value of each wins. */
export type MetaTags = Map<string, string>;

export function readMeta(doc: Document): MetaTags {
  const tags: MetaTags = new Map();
  for (const el of all(doc, 'meta[content]')) {
    const value = clean(attr(el, 'content'));
    if (!value) continue;
    for (const key of ['property', 'name', 'itemprop']) {
      const name = attr(el, key)?.trim().toLowerCase();
      if (name && !tags.has(name)) tags.set(name, value);
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
