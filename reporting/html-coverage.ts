import type { Result } from "../explorer/result.ts";
import type { Coverage } from "../spec/common/coverage.ts";
import { coverageAspects, coverageHeading } from "./coverage.ts";
import { htmlText } from "./escape/html-text.ts";

/**
 * A model's coverage in reports/index.html: the Markdown report's heading, then a definition
 * list, one term per aspect and one definition per line. Ends with a line break.
 */
export function htmlCoverage(result: Result, covers: Coverage): string {
  const aspects = coverageAspects(covers).map(({ title, lines }) => `<dt>${htmlText(title)}</dt>${lines.map((line) => `<dd>${htmlText(line)}</dd>`).join("")}`);
  return `<h3>${htmlText(coverageHeading(result))}</h3>
<dl class="covers">${aspects.join("\n")}</dl>
`;
}
