/** Article facts from JSON-LD blocks; tolerant of @graph, arrays and broken JSON. */

export interface LinkedArticle {
  headline: string | null;
  authors: string[];
  datePublished: string | null;
  dateModified: string | null;
  publisher: string | null;
  isArticle: boolean;
}

const ARTICLE_TYPES = /^(NewsArticle|Article|ReportageNewsArticle|AnalysisNewsArticle|OpinionNewsArticle|BackgroundNewsArticle|BlogPosting|LiveBlogPosting|Report|ScholarlyArticle|TechArticle)$/;

type Node = Record<string, unknown>;

function flatten(value: unknown, out: Node[], depth = 0): void {
  if (depth > 6 || value === null || typeof value !== 'object') return;
  if (Array.isArray(value)) {
    for (const v of value) flatten(v, out, depth + 1);
    return;
  }
  const node = value as Node;
  out.push(node);
  if (node['@graph']) flatten(node['@graph'], out, depth + 1);
}

function types(node: Node): string[] {
  const t = node['@type'];
  return (Array.isArray(t) ? t : [t]).filter((x): x is string => typeof x === 'string');
}

function text(value: unknown): string | null {
  if (typeof value === 'string') return value.trim() || null;
  if (Array.isArray(value)) return text(value[0]);
  if (value && typeof value === 'object') return text((value as Node).name);
  return null;
}

function names(value: unknown): string[] {
  const list = Array.isArray(value) ? value : [value];
  return list.map(text).filter((n): n is string => n !== null);
}

export function readJsonLd(doc: Document): LinkedArticle | null {
  const nodes: Node[] = [];
  for (const script of doc.querySelectorAll('script[type="application/ld+json"]')) {
    const raw = script.textContent ?? '';
    if (raw.length > 1_000_000) continue;
    try {
      flatten(JSON.parse(raw), nodes);
    } catch {
      // Pages ship broken JSON-LD often enough; other signals remain.
    }
  }
  const article = nodes.find((n) => types(n).some((t) => ARTICLE_TYPES.test(t)));
  if (!article) return null;
  return {
    headline: text(article.headline) ?? text(article.name),
    authors: names(article.author),
    datePublished: text(article.datePublished),
    dateModified: text(article.dateModified),
    publisher: text(article.publisher),
    isArticle: true,
  };
}
