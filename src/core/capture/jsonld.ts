/** Article facts from JSON-LD blocks; tolerant of @graph, arrays, nesting and broken JSON. */
import { all, clean, parseJson } from './dom';

export interface LinkedData {
  headline: string | null;
  /** People first; organisations only when no person is named. */
  authors: string[];
  authorsArePeople: boolean;
  datePublished: string | null;
  dateModified: string | null;
  publisher: string | null;
  section: string | null;
  description: string | null;
  image: string | null;
  url: string | null;
  language: string | null;
  /** The page declares a paywall (isAccessibleForFree: false). */
  paywalled: boolean;
  /** Every @type named on the page, for telling articles from products, forums and listings. */
  types: string[];
  /** The page has an article-type node. */
  isArticle: boolean;
}

export const ARTICLE_TYPES = /^(NewsArticle|Article|ReportageNewsArticle|AnalysisNewsArticle|OpinionNewsArticle|BackgroundNewsArticle|ReviewNewsArticle|AskPublicNewsArticle|SatiricalArticle|BlogPosting|SocialMediaPosting|LiveBlogPosting|Report|ScholarlyArticle|TechArticle|Review)$/;
/** Longest script we parse: article metadata is a few kilobytes; megabytes are app state. */
const MAX_SCRIPT = 1_000_000;
const MAX_NODES = 2_000;

type Node = Record<string, unknown>;

function collect(value: unknown, out: Node[], depth: number): void {
  if (depth > 8 || out.length >= MAX_NODES || value === null || typeof value !== 'object') return;
  if (Array.isArray(value)) {
    for (const v of value) collect(v, out, depth + 1);
    return;
  }
  const node = value as Node;
  if (typeOf(node).length) out.push(node);
  if (node['@graph']) collect(node['@graph'], out, depth + 1);
  if (node.mainEntity) collect(node.mainEntity, out, depth + 1);
  if (node.mainEntityOfPage && typeof node.mainEntityOfPage === 'object') collect(node.mainEntityOfPage, out, depth + 1);
}

function typeOf(node: Node): string[] {
  const t = node['@type'];
  const list = Array.isArray(t) ? t : [t];
  // Types may arrive as full IRIs ("http://schema.org/NewsArticle").
  return list.filter((x): x is string => typeof x === 'string').map((x) => x.replace(/^https?:\/\/schema\.org\//, ''));
}

function text(value: unknown, depth = 0): string | null {
  if (depth > 4) return null;
  if (typeof value === 'string') return clean(value);
  if (typeof value === 'number') return String(value);
  if (Array.isArray(value)) return value.length ? text(value[0], depth + 1) : null;
  if (value && typeof value === 'object') {
    const node = value as Node;
    return text(node.name ?? node['@value'] ?? node.url ?? node['@id'], depth + 1);
  }
  return null;
}

const looksLikeAddress = (s: string): boolean => /^(https?:|www\.|\/)/i.test(s) || s.includes('@');

interface Named {
  name: string;
  person: boolean;
}

function people(value: unknown, byId: Map<string, Node>): Named[] {
  const list = Array.isArray(value) ? value : [value];
  const out: Named[] = [];
  for (let item of list.slice(0, 20)) {
    if (item && typeof item === 'object' && !Array.isArray(item)) {
      const ref = (item as Node)['@id'];
      // A bare reference ({"@id": "#author"}) names the node elsewhere in the graph.
      if (typeof ref === 'string' && !(item as Node).name && byId.has(ref)) item = byId.get(ref);
    }
    const name = text(item);
    if (!name || looksLikeAddress(name)) continue;
    const types = item && typeof item === 'object' ? typeOf(item as Node) : [];
    out.push({ name, person: !types.some((t) => /Organization|Corporation|NewsMediaOrganization|WebSite|Brand/.test(t)) });
  }
  return out;
}

export function readJsonLd(doc: Document): LinkedData | null {
  const nodes: Node[] = [];
  for (const script of all(doc, 'script[type="application/ld+json" i]')) {
    const raw = script.textContent ?? '';
    if (raw.length > MAX_SCRIPT) continue;
    try {
      // Only a block that has a CDATA marker is rewritten: the pattern would otherwise scan and copy the whole text for nothing.
      const json = raw.includes('<![CDATA[') || raw.includes(']]>') ? raw.replace(/^\s*<!\[CDATA\[|\]\]>\s*$/g, '') : raw;
      collect(parseJson(json), nodes, 0);
    } catch {
      // Pages ship broken JSON-LD often enough; other signals remain.
    }
  }
  if (!nodes.length) return null;
  const byId = new Map<string, Node>();
  for (const n of nodes) if (typeof n['@id'] === 'string') byId.set(n['@id'], n);
  const types = [...new Set(nodes.flatMap(typeOf))];
  const articles = nodes.filter((n) => typeOf(n).some((t) => ARTICLE_TYPES.test(t)));
  const page = nodes.find((n) => typeOf(n).some((t) => /WebPage$/.test(t)));
  // A page may describe its article in several blocks (one broken, one bare, one complete): each field
  // comes from the first article node that states it, and the web page node fills in for a page without any.
  const sources = articles.length ? articles : page ? [page] : [];
  if (!sources.length) return { ...EMPTY, types };
  const isArticle = articles.length > 0;
  const pick = <T>(read: (n: Node) => T | null): T | null => {
    for (const n of sources) {
      const value = read(n);
      if (value !== null) return value;
    }
    return null;
  };
  const named = pick((n) => {
    const found = people(n.author ?? n.creator, byId);
    return found.length ? found : null;
  }) ?? [];
  const persons = named.filter((n) => n.person);
  const publisher = pick((n) => (n.publisher ? n.publisher : null)) ?? nodes.find((n) => typeOf(n).some((t) => /Organization$/.test(t)));
  return {
    headline: pick((n) => text(n.headline)) ?? (isArticle ? pick((n) => text(n.name)) : null),
    authors: (persons.length ? persons : named).map((n) => n.name),
    authorsArePeople: persons.length > 0,
    datePublished: pick((n) => text(n.datePublished) ?? text(n.dateCreated)),
    dateModified: pick((n) => text(n.dateModified)),
    publisher: text(resolve(publisher, byId)),
    section: pick((n) => text(n.articleSection)),
    description: pick((n) => text(n.description)),
    image: pick((n) => text(resolve(n.image ?? n.thumbnailUrl, byId))),
    url: pick((n) => text(n.url) ?? text(n.mainEntityOfPage)),
    language: pick((n) => text(n.inLanguage)),
    paywalled: sources.some((n) => n.isAccessibleForFree === false || n.isAccessibleForFree === 'False' || n.isAccessibleForFree === 'false'),
    types,
    isArticle,
  };
}

function resolve(value: unknown, byId: Map<string, Node>): unknown {
  if (value && typeof value === 'object' && !Array.isArray(value)) {
    const ref = (value as Node)['@id'];
    if (typeof ref === 'string' && !(value as Node).name && !(value as Node).url && byId.has(ref)) return byId.get(ref);
  }
  return value;
}

const EMPTY: Omit<LinkedData, 'types'> = {
  headline: null,
  authors: [],
  authorsArePeople: false,
  datePublished: null,
  dateModified: null,
  publisher: null,
  section: null,
  description: null,
  image: null,
  url: null,
  language: null,
  paywalled: false,
  isArticle: false,
};
