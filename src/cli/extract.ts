/** Captures a saved HTML file in node, with the same code the extension runs in the page. */
import { readFile } from 'node:fs/promises';
import { parseHTML } from 'linkedom';
import type { CapturedArticle } from '../core/article';
import { captureDocument } from '../core/capture';

/** Charset the file declares in its first bytes, as a browser would sniff it. */
function declaredCharset(head: string): string | null {
  const m = /<meta[^>]+charset\s*=\s*["']?\s*([\w-]+)/i.exec(head);
  return m ? m[1]!.toLowerCase() : null;
}

export function decodeHtml(bytes: Uint8Array): string {
  const label = declaredCharset(new TextDecoder('latin1').decode(bytes.subarray(0, 4096)));
  try {
    return new TextDecoder(label ?? 'utf-8').decode(bytes);
  } catch {
    // An unknown label: UTF-8 is what the web mostly is.
    return new TextDecoder('utf-8').decode(bytes);
  }
}

export function captureHtml(html: string, url: string): CapturedArticle {
  const { document } = parseHTML(html);
  return captureDocument(document as unknown as Document, url);
}

export async function captureFile(path: string, url: string): Promise<CapturedArticle> {
  return captureHtml(decodeHtml(await readFile(path)), url);
}
