import { parseHTML } from 'linkedom';

/** A Document parsed from HTML, as the capture code receives it in a page. */
export function documentFrom(html: string): Document {
  return parseHTML(html).document as unknown as Document;
}
