import type { Result } from "../explorer/result.ts";
import type { Coverage } from "../spec/common/coverage.ts";
import { coverageAspects } from "./coverage.ts";
import { xmlAttribute, xmlText } from "./escape/xml.ts";
import { verdictLine } from "./markdown.ts";
import { unreachedNote, witnessLength } from "./sometimes.ts";
import type { Judgement } from "./verdict.ts";

export interface JunitCase {
  result: Result;
  judgement: Judgement;
  /** What the check covers, one system-out line per line of each aspect. */
  covers: Coverage;
  /** When the run that produced `result` ended (ISO 8601), as in `ModelReport.ranAt`. */
  ranAt?: string;
}

/**
 * reports/junit.xml: one test case per model; "unexpected" fails, "incomplete" is an error. A
 * finished simulation that found nothing passes, with its caveat in system-out, where each
 * `sometimes` property is listed too, reached or not, and what the check covers.
 * JUnit has a timestamp only on the test suite, so the suite carries the earliest run's and
 * each test case names its own run in its system-out.
 */
export function junitReport(cases: readonly JunitCase[]): string {
  const failures = cases.filter((c) => c.judgement.outcome === "unexpected").length;
  const errors = cases.filter((c) => c.judgement.outcome === "incomplete").length;
  const time = cases.reduce((sum, c) => sum + c.result.seconds, 0);
  const timestamp = suiteTimestamp(cases);
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="consensus-check" tests="${cases.length}" failures="${failures}" errors="${errors}" time="${time.toFixed(3)}">`,
    `  <testsuite name="models" tests="${cases.length}" failures="${failures}" errors="${errors}" time="${time.toFixed(3)}"${timestamp ? ` timestamp="${timestamp}"` : ""}>`,
  ];
  for (const { result, judgement, covers, ranAt } of cases) {
    const name = `${result.model}: ${result.result}${result.property ? ` (${result.property})` : ""}`;
    lines.push(`    <testcase classname="${xmlAttribute(result.model)}" name="${xmlAttribute(name)}" time="${result.seconds.toFixed(3)}">`);
    if (judgement.outcome === "unexpected") {
      lines.push(`      <failure message="${xmlAttribute(judgement.reasons.join("; "))}"/>`);
    } else if (judgement.outcome === "incomplete") {
      lines.push(`      <error message="${xmlAttribute(judgement.reasons.join("; "))}"/>`);
    }
    const figures = `states=${result.distinctStates} transitions=${result.transitions} depth=${result.maxDepth} seed=${result.seed}`;
    const caveat = result.result === "no-violation" ? `
${verdictLine(result)}; nothing is proven` : result.error ? `
error: ${result.error}` : "";
    lines.push(`      <system-out>${xmlText(`${figures}${ranAt === undefined ? "" : ` ranAt=${ranAt}`}${caveat}${coverageLines(covers)}${sometimesLines(result)}`)}</system-out>`);
    lines.push("    </testcase>");
  }
  lines.push("  </testsuite>", "</testsuites>", "");
  return lines.join("\n");
}

/** "covers bounds: 4 replicas, f = 1; …": one line per line of each aspect. */
function coverageLines(covers: Coverage): string {
  return coverageAspects(covers)
    .flatMap(({ aspect, lines }) => lines.map((line) => `\ncovers ${aspect}: ${line}`))
    .join("");
}

/** One line per `sometimes` property: reached, with its witness's length, or not. */
function sometimesLines(result: Result): string {
  return (result.sometimes ?? [])
    .map((entry) => {
      const length = witnessLength(entry, result.strategy);
      return `\nsometimes ${entry.name}: ${length === undefined ? unreachedNote(result) : `reached, witness ${length}`}`;
    })
    .join("");
}

// An ISO 8601 date and time as `new Date().toISOString()` writes it, a zone optional. Date.parse
// alone will not do: V8 reads dates out of almost any string ("&amp; &#60;" is 1960).
const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})?$/;

/**
 * The earliest `ranAt` in the form the JUnit schema's timestamp takes (xs:dateTime without a
 * zone, read as UTC: "2026-11-23T09:15:00"); undefined when no case has an ISO 8601 one, so
 * an arbitrary string never reaches the attribute.
 */
function suiteTimestamp(cases: readonly JunitCase[]): string | undefined {
  const times = cases.map((c) => (c.ranAt !== undefined && ISO.test(c.ranAt) ? Date.parse(c.ranAt) : Number.NaN)).filter((ms) => !Number.isNaN(ms));
  return times.length === 0 ? undefined : new Date(Math.min(...times)).toISOString().slice(0, 19);
}
