import { parseHTML } from 'linkedom';
import { captureDocument } from '../../src/core/capture';

/** A Document parsed from HTML, as the capture code receives it in a page. */
export function documentFrom(html: string): Document {
  return parseHTML(html).document as unknown as Document;
}

/** A news page's HTML around an article: a menu of two links, the article, a footer line. */
export function newsPage(o: { head: string; article: string; section: [href: string, label: string]; footer: string; lang?: string }): string {
  return `<!doctype html><html lang="${o.lang ?? 'en'}"><head>${o.head}</head><body>
    <nav><a href="/">Home</a><a href="${o.section[0]}">${o.section[1]}</a></nav>
    <article>${o.article}</article>
    <footer><p>${o.footer}</p></footer>
  </body></html>`;
}

/** Eight paragraphs of an orchard story: enough body for the capture to find. */
export const ORCHARD_PROSE = Array.from(
  { length: 8 },
  (_, n) => `<p>Paragraph ${n} follows the orchard cooperative through a wet spring, the late blossom and what the pickers expect of the harvest.</p>`,
).join('');

/** The orchard story's page: a menu, `body`, a footer line. */
export function orchardPage(head: string, body: string): Document {
  return documentFrom(`<!doctype html><html lang="en"><head>${head}</head><body>
    <nav><a href="/">Home</a><a href="/farming">Farming</a></nav>
    ${body}
    <footer><p>The valley gazette, printed weekly since long ago.</p></footer>
  </body></html>`);
}

/** Captured at the orchard story's address, with a time box a loaded test machine cannot reach (past it the visible-text scans are skipped). */
export const captureOrchardPage = (doc: Document) => captureDocument(doc, 'https://valley.example/orchards/spring', { timeBudgetMs: 10_000 });
