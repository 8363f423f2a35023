import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { compareCommand } from '../../../src/cli/compare';
import { ORCHARD } from './fixtures';

function files(): string[] {
  const dir = mkdtempSync(join(tmpdir(), 'parallax-cli-'));
  const [a, b] = ORCHARD;
  const txt = join(dir, 'lakeside.txt');
  writeFileSync(txt, `\n${a!.title}\n${a!.text}`);
  const html = join(dir, 'wire.html');
  const paragraphs = b!.text.split('\n').map((p) => `<p>${p.replace(/&/g, '&amp;').replace(/</g, '&lt;')}</p>`).join('');
  writeFileSync(html, `<!doctype html><html lang="en"><head><title>${b!.title}</title><meta property="og:type" content="article"><meta property="og:site_name" content="Valley Wire"></head><body><article><h1>${b!.title}</h1>${paragraphs}</article></body></html>`);
  return [txt, html];
}

async function run(args: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const log = vi.spyOn(console, 'log').mockImplementation((s: string) => void out.push(s));
  const error = vi.spyOn(console, 'error').mockImplementation((s: string) => void err.push(s));
  try {
    return { code: await compareCommand(args), out: out.join('\n'), err: err.join('\n') };
  } finally {
    log.mockRestore();
    error.mockRestore();
  }
}

describe('parallax compare', () => {
  it('compares a text file and a saved page, readably', async () => {
    const { code, out } = await run(files());
    expect(code).toBe(0);
    expect(out).toContain('2 reports (2 independent): lakeside, Valley Wire');
    expect(out).toMatch(/WHERE THE FIGURES DIFFER[\s\S]*220 homes \(lakeside\)\s+\|\s+250 homes \(Valley Wire\)/);
    expect(out).toMatch(/ONLY IN ONE REPORT[\s\S]*culvert/);
  });

  it('prints the sections as JSON with --json', async () => {
    const { code, out } = await run([...files(), '--json']);
    expect(code).toBe(0);
    const json = JSON.parse(out) as Record<string, unknown>;
    expect(Object.keys(json)).toEqual(expect.arrayContaining(['agreed', 'onlyHere', 'figures', 'quotes', 'headlines', 'timeline', 'wire']));
  });

  it('says what is wrong with bad arguments and unreadable files', async () => {
    expect((await run(['one.txt'])).code).toBe(2);
    expect((await run(['a.txt', 'b.txt', '--frobnicate'])).err).toContain('unexpected argument "--frobnicate"');
    const missing = await run(['/nonexistent/a.txt', '/nonexistent/b.txt']);
    expect(missing.code).toBe(1);
    expect(missing.err).toMatch(/no such file/i);
  });
});
