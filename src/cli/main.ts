/**
 * `parallax extract FILE.html [--url URL]`: prints the captured article as JSON.
 * `parallax compare FILE... [--json]`: compares several reports (see compare.ts).
 * `--url` is the address the page was saved from; it resolves relative links
 * and is the fallback canonical address.
 */
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { COMPARE_USAGE, compareCommand } from './compare';
import { captureFile } from './extract';

const USAGE = `usage: parallax extract FILE.html [--url URL]\n       ${COMPARE_USAGE.replace('usage: ', '')}`;

export async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (command === '--help' || command === '-h' || command === 'help') {
    console.log(USAGE);
    return 0;
  }
  if (command === 'compare') return compareCommand(rest);
  if (command !== 'extract') {
    console.error(command ? `parallax: unknown command "${command}"\n${USAGE}` : USAGE);
    return 2;
  }
  let file: string | null = null;
  let url: string | null = null;
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i]!;
    if (arg === '--url') {
      url = rest[++i] ?? null;
      if (!url) {
        console.error(`parallax: --url needs an address\n${USAGE}`);
        return 2;
      }
    } else if (arg.startsWith('--url=')) url = arg.slice('--url='.length);
    else if (!file && !arg.startsWith('-')) file = arg;
    else {
      console.error(`parallax: unexpected argument "${arg}"\n${USAGE}`);
      return 2;
    }
  }
  if (!file) {
    console.error(USAGE);
    return 2;
  }
  try {
    const path = resolve(file);
    const article = await captureFile(path, url ?? pathToFileURL(path).href);
    console.log(JSON.stringify(article, null, 2));
    return 0;
  } catch (err) {
    console.error(`parallax: ${err instanceof Error ? err.message : String(err)}`);
    return 1;
  }
}
