import { visibleControls } from "./visible-controls.ts";

/**
 * Plain text inside a Markdown paragraph, heading, blockquote or emphasis, shown as typed and
 * never as markup (CommonMark plus GitHub's extensions).
 *
 * Decisions: line breaks (and tabs) become spaces, because one line of ours must stay one line (a
 * newline could start a heading, a list, a fence or end a blockquote), and leading and
 * trailing whitespace is trimmed (four leading spaces would start a code block). Control
 * characters become visible (`visibleControls`), as `report --format md` prints to a terminal.
 * Every character with inline meaning is backslash-escaped: \ ` * _ [ ] < # & ~ $ | (raw HTML
 * and autolinks, links, emphasis, code spans, strikethrough, entity references, GitHub math,
 * closing heading hashes, table cells: a line with a | followed by a "|---|" line is a table
 * header, so it is escaped everywhere and not only in cells). A leading > - + = or "1." /
 * "1)" is escaped too, which would otherwise start a blockquote or a list item or underline a
 * heading when the text begins a line; elsewhere, with every < escaped, > means nothing and
 * stays readable ("0->1"). Bare URLs stay bare (GitHub links them, which only ever points at
 * what the text names).
 */
export function markdownInline(text: string): string {
  const oneLine = visibleControls(text.replace(/\r\n|[\t\r\n\u2028\u2029]/g, " ")).trim();
  return oneLine
    .replace(/[\\`*_[\]<#&~$|]/g, (char) => `\\${char}`)
    .replace(/^[>\-+=]/, (char) => `\\${char}`)
    .replace(/^(\d+)([.)])/, (_, digits: string, mark: string) => `${digits}\\${mark}`);
}
