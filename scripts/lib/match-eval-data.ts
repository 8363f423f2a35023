/**
 * The matching eval set (../shared/eval/matching/articles.jsonl) and its
 * split into two halves of events, so a change tuned on one half can be
 * measured on events it never saw.
 */

export interface EvalArticle {
  id: string;
  event_id: string;
  set: string;
  outlet?: string;
  date?: string;
  url?: string;
  title?: string;
  text: string;
}

export function readEvalArticles(jsonl: string): EvalArticle[] {
  return jsonl
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as EvalArticle);
}

/**
 * The unit that goes to one half whole: an ECB+ topic (both of its
 * confusable incidents, "ecb-3-ecb" and "ecb-3-ecbplus", so each half keeps
 * its pairs of look-alike events), otherwise the event.
 */
export function splitUnit(a: Pick<EvalArticle, 'event_id'>): string {
  return /^(ecb-\d+)-/.exec(a.event_id)?.[1] ?? a.event_id;
}

/** FNV-1a: a fixed, content-blind hash, so the halves never depend on what scores well. */
function fnv1a(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h;
}

/** "A" or "B": which half of the events an article's unit falls in. */
export function foldOf(a: Pick<EvalArticle, 'event_id'>): 'A' | 'B' {
  return fnv1a(splitUnit(a)) % 2 === 0 ? 'A' : 'B';
}
