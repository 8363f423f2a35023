import { parseHTML } from 'linkedom';

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
