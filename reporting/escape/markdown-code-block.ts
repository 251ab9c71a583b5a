import { visibleControls } from "./visible-controls.ts";

/**
 * A fenced code block (the counterexample JSON, the Mermaid diagram). A fence only closes on
 * a line of at least as many backticks as opened it, so a fence one longer than the longest
 * run of backticks inside (and at least the usual three) can never be closed by the content.
 * `info` is the language tag, a constant of ours ("json", "mermaid"). Lone CRs, which
 * CommonMark reads as line endings and a terminal as "back to column 0", become LFs.
 */
export function markdownCodeBlock(text: string, info: string): string {
  const body = visibleControls(text.replace(/\r\n?/g, "\n"), "tab-and-line-breaks");
  const longest = Math.max(0, ...[...body.matchAll(/`+/g)].map((run) => run[0].length));
  const fence = "`".repeat(Math.max(3, longest + 1));
  return `${fence}${info}\n${body}\n${fence}`;
}
