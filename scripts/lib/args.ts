/** `--name value` and `--name=value` flags; anything else is an error, so typos do not pass silently. */
export function parseArgs(argv: string[], known: Record<string, string | undefined>): Record<string, string | undefined> {
  const out = { ...known };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const m = /^--([a-z-]+)(?:=(.*))?$/.exec(arg);
    if (!m || !(m[1]! in known)) throw new Error(`unknown argument: ${arg} (known: ${Object.keys(known).map((k) => `--${k}`).join(', ')})`);
    out[m[1]!] = m[2] ?? argv[++i];
  }
  return out;
}
