/** A warning on stderr, one line, prefixed so that scripts can tell it from an error (which exits non-zero). */
export function warn(line: string): void {
  process.stderr.write(`warning: ${line}\n`);
}
