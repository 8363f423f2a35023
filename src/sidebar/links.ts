/** A link that opens the article scrolled to the sentence, in browsers that support text fragments. */
export function sentenceLink(url: string, sentence: string): string {
  const words = sentence.replace(/^[\s"“‘'(]+/, '').split(/\s+/).slice(0, 8).join(' ');
  const encode = (s: string) => encodeURIComponent(s).replace(/-/g, '%2D').replace(/,/g, '%2C').replace(/&/g, '%26');
  return `${url.split('#')[0]}#:~:text=${encode(words)}`;
}
