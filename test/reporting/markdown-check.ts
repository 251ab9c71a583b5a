/**
 * The block structure of a Markdown document as CommonMark and GitHub read it, line by line,
 * for the hostile-string tests: a heading, a blockquote, a table row and its cell count, a
 * fence (with the lines inside it as "code"), a blank line or a paragraph line. The
 * characters with inline meaning that are not backslash-escaped are listed per line too.
 */
export interface MarkdownLine {
  kind: string;
  /** Unescaped inline markup characters, in order (empty inside code). */
  markup: string;
}

export function markdownShape(markdown: string): MarkdownLine[] {
  const lines: MarkdownLine[] = [];
  let fence: string | undefined;
  for (const line of markdown.split(/\r\n|\r|\n/)) {
    if (fence !== undefined) {
      const closing = new RegExp(`^ {0,3}${fence}\`*\\s*$`).test(line);
      lines.push({ kind: closing ? "fence-close" : "code", markup: "" });
      if (closing) fence = undefined;
      continue;
    }
    const opening = /^ {0,3}(`{3,})([^`]*)$/.exec(line);
    if (opening) {
      fence = opening[1]!;
      lines.push({ kind: `fence-open ${opening[2]}`, markup: "" });
      continue;
    }
    lines.push({ kind: blockKind(line), markup: unescaped(withoutCodeSpans(line), "\\`*_[]<#&~$|").join("") });
  }
  return lines;
}

/**
 * What a line outside a fence starts. A "- " list item (the reports' coverage lists) is "item"
 * followed by what its content would start on a line of its own, so content that opens a
 * nested list, a quote or a heading inside the item shows.
 */
function blockKind(line: string): string {
  if (/^#{1,6}(\s|$)/.test(line)) return `h${/^#+/.exec(line)![0].length}`;
  if (line.startsWith(">")) return "quote";
  if (line.startsWith("|")) return `row ${unescaped(line, "|").length}`;
  if (line.trim() === "") return "blank";
  if (line.startsWith("- ")) return `item ${blockKind(line.slice(2))}`;
  if (/^( {4}|\t|[-+*] |\d+[.)] |=+\s*$|-+\s*$)/.test(line)) return `other: ${line.slice(0, 10)}`;
  return "paragraph";
}

/** The characters of `set` in `line` that no backslash escapes. */
export function unescaped(line: string, set: string): string[] {
  const found: string[] = [];
  for (let index = 0; index < line.length; index++) {
    if (line[index] === "\\" && index + 1 < line.length && /[!-/:-@[-`{-~]/.test(line[index + 1]!)) {
      index++;
      continue;
    }
    if (set.includes(line[index]!)) found.push(line[index]!);
  }
  return found;
}

/**
 * A line's code spans, replaced by "`code`" (their content is literal); a code span is a run
 * of backticks closed by the next run of the same length.
 */
export function withoutCodeSpans(line: string): string {
  let out = "";
  let index = 0;
  while (index < line.length) {
    if (line[index] === "\\" && index + 1 < line.length) {
      out += line.slice(index, index + 2);
      index += 2;
      continue;
    }
    if (line[index] !== "`") {
      out += line[index++];
      continue;
    }
    const run = /^`+/.exec(line.slice(index))![0];
    const close = new RegExp(`(?<!\`)${run}(?!\`)`, "g");
    close.lastIndex = index + run.length;
    const match = close.exec(line);
    if (!match) {
      out += run;
      index += run.length;
      continue;
    }
    out += "`code`";
    index = match.index + run.length;
  }
  return out;
}
