/**
 * The Markdown docs/cli.md is made of. Descriptions come from our own sources (commander
 * descriptions, zod `.describe()`s), which use backticks for code: those stay code spans,
 * and everything else is escaped so that `<reports>` or a `|` is shown as typed.
 */

/** Our text in a table cell or a paragraph: `code` kept, other markup escaped, one line. */
export function text(source: string): string {
  return source
    .replace(/\s*\n\s*/g, " ")
    .split(/(`[^`]*`)/)
    .map((part, index) => (index % 2 === 1 ? part.replace(/\|/g, "\\|") : part.replace(/[\\*_[\]<#&~$|]/g, (char) => `\\${char}`)))
    .join("");
}

/** A code span (no backticks inside in our sources); a `|` in it is escaped for tables. */
export function code(source: string): string {
  if (source.includes("`")) throw new Error(`a code span cannot hold a backtick: ${source}`);
  return `\`${source.replace(/\|/g, "\\|")}\``;
}

export function table(headers: readonly string[], rows: readonly (readonly string[])[]): string {
  const line = (cells: readonly string[]): string => `| ${cells.join(" | ")} |`;
  return [line(headers), line(headers.map(() => "---")), ...rows.map(line)].join("\n");
}

/** GitHub's heading anchor: lower case, punctuation dropped, spaces as hyphens. */
export function anchor(heading: string): string {
  return heading
    .toLowerCase()
    .replace(/[^\p{L}\p{N} _-]/gu, "")
    .replace(/ /g, "-");
}

export function link(heading: string): string {
  return `[${heading}](#${anchor(heading)})`;
}
