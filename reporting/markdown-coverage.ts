import type { Result } from "../explorer/result.ts";
import type { Coverage } from "../spec/common/coverage.ts";
import { coverageAspects, coverageHeading } from "./coverage.ts";
import { markdownInline } from "./escape/markdown-inline.ts";

/**
 * The Markdown report's coverage section: "What this pass covers" for a pass, "Configuration"
 * otherwise, then each aspect as a bold title and a list. Each line is one list item escaped
 * as inline text, so a line cannot end the list, start another block or carry markup.
 */
export function coverageSection(result: Result, covers: Coverage): string[] {
  const out = [`## ${coverageHeading(result)}`, ""];
  for (const { title, lines } of coverageAspects(covers)) {
    out.push(`**${title}**`, "", ...lines.map((line) => `- ${markdownInline(line)}`), "");
  }
  return out;
}
