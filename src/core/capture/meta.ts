/** <meta> tags: Open Graph, Twitter cards, Dublin Core and the common CMS names. */
import { all, attr, attributeNames, clean } from './dom';

/** Every <meta> by lower-cased name, property or itemprop; the first non-empty value of each wins. */
export type MetaTags = Map<string, string>;

export function readMeta(doc: Document): MetaTags {
  const tags: MetaTags = new Map();
  for (const el of all(doc, 'meta[content]')) {
    // One call for the attribute names, then only the attributes the tag has: most carry two of the four.
    let content: string | null = null;
    let property: string | null = null;
    let name: string | null = null;
    let itemprop: string | null = null;
    const names = attributeNames(el);
    for (let i = 0; i < names.length; i++) {
      const n = names[i]!;
      if (n === 'content') content = attr(el, n);
      else if (n === 'property') property = attr(el, n);
      else if (n === 'name') name = attr(el, n);
      else if (n === 'itemprop') itemprop = attr(el, n);
    }
    const value = clean(content);
    if (!value) continue;
    for (const raw of [property, name, itemprop]) {
      const key = raw?.trim().toLowerCase();
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
