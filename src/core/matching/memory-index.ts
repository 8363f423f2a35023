/** The index held in memory: for tests, the benchmark's comparison runs and one-off batches. */
import type { IndexReader } from './engine';
import { countedKeys, type Features, type Signature } from './signature';

export class MemoryIndex implements IndexReader {
  private readonly df = new Map<string, number>();
  private readonly lists = new Map<string, string[]>();
  private readonly sigs = new Map<string, Signature>();

  async size(): Promise<number> {
    return this.sigs.size;
  }

  async frequencies(keys: string[]): Promise<Map<string, number>> {
    const out = new Map<string, number>();
    for (const k of keys) {
      const n = this.df.get(k);
      if (n !== undefined) out.set(k, n);
    }
    return out;
  }

  async frequencyLookup(): Promise<(key: string) => number | undefined> {
    return (key) => this.df.get(key);
  }

  async postings(keys: string[], limit: number): Promise<Map<string, string[]>> {
    const out = new Map<string, string[]>();
    for (const k of keys) {
      const ids = this.lists.get(k);
      if (ids) out.set(k, ids.length > limit ? ids.slice(0, limit) : ids);
    }
    return out;
  }

  async signatures(ids: string[]): Promise<Map<string, Signature>> {
    const out = new Map<string, Signature>();
    for (const id of ids) {
      const s = this.sigs.get(id);
      if (s) out.set(id, s);
    }
    return out;
  }

  add(sig: Signature, features: Features): void {
    for (const k of countedKeys(features)) this.df.set(k, (this.df.get(k) ?? 0) + 1);
    for (const k of sig.keys) {
      const list = this.lists.get(k);
      if (list) list.push(sig.id);
      else this.lists.set(k, [sig.id]);
    }
    this.sigs.set(sig.id, sig);
  }
}
