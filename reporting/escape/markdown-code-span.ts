import { visibleControls } from "./visible-controls.ts";

/**
 * Inline code (the replay command, which names the model's file): a code span shows its
 * content literally, backslashes included, so the only ways out are a backtick run of the
 * delimiter's length and a line break. The delimiter is one backtick longer than the longest
 * run inside, line breaks become spaces, and content starting or ending with a backtick or a
 * space is padded with one space each side, which CommonMark strips again.
 */
export function markdownCodeSpan(text: string): string {
  const content = visibleControls(text.replace(/\r\n|[\t\r\n\u2028\u2029]/g, " "));
  const longest = Math.max(0, ...[...content.matchAll(/`+/g)].map((run) => run[0].length));
  const fence = "`".repeat(longest + 1);
  const pad = /^[ `]|[ `]$/.test(content) ? " " : "";
  return `${fence}${pad}${content}${pad}${fence}`;
}
