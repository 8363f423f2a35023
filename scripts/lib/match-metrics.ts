/**
 * The matching figures exactly as ../shared/README.md defines them (and as
 * ../shared/scorers/match-score.py computes them): P@1, R-precision and MAP
 * over articles with at least one partner, BCubed over the stories.
 */

export interface GoldArticle {
  id: string;
  event_id: string;
  set: string;
}

export interface Prediction {
  ranked: string[];
  story: string;
}

export interface Scores {
  n: number;
  queries: number;
  p_at_1: number | null;
  r_prec: number | null;
  map: number | null;
  bcubed_p: number;
  bcubed_r: number;
  bcubed_f1: number;
}

const round = (x: number) => Math.round(x * 1000) / 1000;

export function scoreSubset(rows: GoldArticle[], pred: Record<string, Prediction>, label: Map<string, string>): Scores {
  const ids = new Set(rows.map((r) => r.id));
  const perEvent = new Map<string, number>();
  for (const id of ids) perEvent.set(label.get(id)!, (perEvent.get(label.get(id)!) ?? 0) + 1);
  let queries = 0;
  let p1 = 0;
  let rp = 0;
  let ap = 0;
  for (const id of ids) {
    const event = label.get(id)!;
    const r = perEvent.get(event)! - 1;
    if (r === 0) continue;
    queries++;
    const rel = (pred[id]?.ranked ?? []).filter((j) => ids.has(j) && j !== id).map((j) => label.get(j) === event);
    if (rel[0]) p1++;
    rp += rel.slice(0, r).filter(Boolean).length / r;
    let hits = 0;
    let sum = 0;
    rel.forEach((ok, k) => {
      if (ok) sum += ++hits / (k + 1);
    });
    ap += sum / r;
  }
  const storyOf = (id: string) => String(pred[id]?.story ?? `__single__${id}`);
  const members = new Map<string, string[]>();
  for (const id of ids) {
    const s = storyOf(id);
    const list = members.get(s);
    if (list) list.push(id);
    else members.set(s, [id]);
  }
  let bp = 0;
  let br = 0;
  for (const id of ids) {
    const cluster = members.get(storyOf(id))!;
    const inter = cluster.filter((j) => label.get(j) === label.get(id)).length;
    bp += inter / cluster.length;
    br += inter / perEvent.get(label.get(id)!)!;
  }
  const n = ids.size;
  bp /= n;
  br /= n;
  const f = bp + br ? (2 * bp * br) / (bp + br) : 0;
  return {
    n,
    queries,
    p_at_1: queries ? round(p1 / queries) : null,
    r_prec: queries ? round(rp / queries) : null,
    map: queries ? round(ap / queries) : null,
    bcubed_p: round(bp),
    bcubed_r: round(br),
    bcubed_f1: round(f),
  };
}

/** Overall and per set, keyed like the reference scorer's output. */
export function scoreAll(gold: GoldArticle[], pred: Record<string, Prediction>): Record<string, Scores> {
  const label = new Map(gold.map((g) => [g.id, g.event_id]));
  const out: Record<string, Scores> = { all: scoreSubset(gold, pred, label) };
  for (const set of [...new Set(gold.map((g) => g.set))].sort()) out[set] = scoreSubset(gold.filter((g) => g.set === set), pred, label);
  return out;
}
