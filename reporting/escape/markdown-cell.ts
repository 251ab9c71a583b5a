import { markdownInline } from "./markdown-inline.ts";

/**
 * One cell of a GitHub Markdown table row. What ends a cell early is a `|` (a new column) and
 * what ends the row is a line break; `markdownInline` escapes the one and turns the other into
 * a space, so a cell needs exactly the inline escaping and nothing on top (escaping `|` again
 * would write "\\|", a backslash and then a cell border). A name of its own all the same, so
 * each call site says which context it writes into.
 */
export function markdownCell(text: string): string {
  return markdownInline(text);
}
