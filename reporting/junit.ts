import type { Result } from "../explorer/result.ts";
import { verdictLine } from "./markdown.ts";
import type { Judgement } from "./verdict.ts";

export interface JunitCase {
  result: Result;
  judgement: Judgement;
}

/**
 * reports/junit.xml: one test case per model; "unexpected" fails, "incomplete" is an error. A
 * finished simulation that found nothing passes, with its caveat in system-out.
 */
export function junitReport(cases: readonly JunitCase[]): string {
  const failures = cases.filter((c) => c.judgement.outcome === "unexpected").length;
  const errors = cases.filter((c) => c.judgement.outcome === "incomplete").length;
  const time = cases.reduce((sum, c) => sum + c.result.seconds, 0);
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="consensus-check" tests="${cases.length}" failures="${failures}" errors="${errors}" time="${time.toFixed(3)}">`,
    `  <testsuite name="models" tests="${cases.length}" failures="${failures}" errors="${errors}" time="${time.toFixed(3)}">`,
  ];
  for (const { result, judgement } of cases) {
    const name = `${result.model}: ${result.result}${result.property ? ` (${result.property})` : ""}`;
    lines.push(`    <testcase classname="${xml(result.model)}" name="${xml(name)}" time="${result.seconds.toFixed(3)}">`);
    if (judgement.outcome === "unexpected") {
      lines.push(`      <failure message="${xml(judgement.reasons.join("; "))}"/>`);
    } else if (judgement.outcome === "incomplete") {
      lines.push(`      <error message="${xml(judgement.reasons.join("; "))}"/>`);
    }
    const figures = `states=${result.distinctStates} transitions=${result.transitions} depth=${result.maxDepth} seed=${result.seed}`;
    const caveat = result.result === "no-violation" ? `\n${verdictLine(result)}; nothing is proven` : result.error ? `\nerror: ${result.error}` : "";
    lines.push(`      <system-out>${xml(figures + caveat)}</system-out>`);
    lines.push("    </testcase>");
  }
  lines.push("  </testsuite>", "</testsuites>", "");
  return lines.join("\n");
}

export function xml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}
