import { markdownInline } from "./markdown-inline.ts";

/**
 * One cell of a GitHub Markdown table row: inline text whose `|` would end the cell early
 * and add a column. `markdownInline` has already turned line breaks (which would end the row)
 * into spaces and escaped every backslash, so each `|` left in its output is the input's own
 * and gets exactly one escaping backslash.
 */
export function markdownCell(text: string): string {
  return markdownInline(text).replace(/\|/g, "\\|");
}
