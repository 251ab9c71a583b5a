import { describe, expect, it } from "vitest";
import type { LivenessResult, Result } from "../../explorer/result.ts";
import { htmlReport } from "../../reporting/html.ts";
import { markdownReport, verdictLine } from "../../reporting/markdown.ts";
import { sequenceDiagram } from "../../reporting/mermaid.ts";
import { summaryTable } from "../../reporting/summary-table.ts";
import { sequenceSvg } from "../../reporting/svg-sequence.ts";
import { judge } from "../../reporting/verdict.ts";
import type { TraceStep } from "../../reporting/trace.ts";
import { coverage, passResult } from "./fixtures.ts";
import { mermaidProblems } from "./mermaid-check.ts";

const schedule = (steps: TraceStep["step"][], cycleFrom: number) => ({ version: 1 as const, model: "links/x", config: {}, seed: 0, steps, cycleFrom });
const trace: TraceStep[] = [
  { step: { drop: "DATA S->R", from: "S", to: "R" }, description: "drop DATA S->R", participants: { S: "waiting" }, violated: [] },
  { step: { gst: true }, description: "global stabilisation time", violated: [] },
  { step: { timeout: "S", timer: "retransmit" }, description: "timeout retransmit at S", violated: ["eventually ACK"] },
];
const lasso = schedule(trace.map((entry) => entry.step), 2);
const violated: LivenessResult = { name: "eventually ACK", kind: "eventually", verdict: "violated", lasso, cutOffStates: 0 };
const lassoResult = (): Result => ({ ...passResult({ model: "links/x" }), result: "violation", property: "eventually ACK", counterexample: lasso, liveness: [violated], maxDepth: 3 });

describe("liveness in the reports", () => {
  it("the Mermaid diagram draws a lasso's cycle as a marked loop, and a deadlock as a note after the last step", () => {
    const diagram = sequenceDiagram(trace, { S: "waiting", R: "listening" }, 2);
    const lines = diagram.split("\n");
    const loop = lines.indexOf("  loop cycle: steps 3–3 repeat for ever (a fair lasso)");
    expect(loop).toBeGreaterThan(lines.findIndex((line) => line.includes("2. global stabilisation time")));
    expect(lines.at(-1)).toBe("  end");
    expect(mermaidProblems(diagram)).toEqual([]);
    const deadlock = sequenceDiagram(trace, {}, 3);
    expect(deadlock).not.toContain("loop");
    expect(deadlock.split("\n").at(-1)).toMatch(/Note over .*: deadlock: no action is enabled, the run stops here$/);
    expect(sequenceDiagram(trace, {})).not.toMatch(/loop|deadlock/);
  });

  it("the SVG frames the cycle's steps, or says deadlock after the last", () => {
    expect(sequenceSvg(trace, {}, 1)).toContain("cycle: repeats for ever");
    expect(sequenceSvg(trace, {}, 3)).toContain("deadlock: no action is enabled");
    expect(sequenceSvg(trace, {})).not.toMatch(/repeats for ever|deadlock/);
  });

  it("Markdown and HTML say each property's finding, the counterexample's shape, and an undecided lasso's steps", () => {
    const undecided: LivenessResult = { name: "eventually done", kind: "always-eventually", verdict: "undecided", cutOffRun: { ...schedule(trace.map((entry) => entry.step), 0), cycleFrom: undefined }, cutOffStates: 4, cutOffBeforeGst: 1 };
    const holds: LivenessResult = { name: "eventually ACK", kind: "eventually", verdict: "holds", bound: 7 };
    const result = passResult({ model: "links/x", liveness: [holds, undecided, { name: "unbounded", kind: "eventually", verdict: "holds" }, { name: "later", kind: "eventually", verdict: "unchecked", reason: "a safety property failed first" }] });
    const markdown = markdownReport({ result, description: "d", assumptions: "a", covers: coverage, warnings: [] });
    expect(markdown).toContain("## Liveness (under weak fairness)");
    expect(markdown).toContain("| eventually ACK | eventually | holds within 7 steps of GST |");
    expect(markdown).toContain("| eventually done | always eventually | undecided: a run of 3 steps reaches the model's cut-off after GST without it; 4 states at the model's cut-off, 1 of them before GST (not judged) |");
    expect(markdown).toContain("| unbounded | eventually | holds under fairness (no bound in steps) |");
    expect(markdown).toContain("| later | eventually | unchecked: a safety property failed first |");
    expect(markdown).toContain("### Undecided: eventually done");
    // An asynchronous model's undecided run is reported as what it is: termination not guaranteed.
    const flp = markdownReport({ result: passResult({ model: "links/x", liveness: [{ ...undecided, reason: "termination not guaranteed (FLP witness): …" }] }), description: "d", assumptions: "a", covers: coverage, warnings: [] });
    expect(flp).toContain("| eventually done | always eventually | undecided: a run of 3 steps reaches the model's cut-off after GST without it — termination not guaranteed (FLP witness): …; 4 states");
    expect(markdown).toContain("Here the run reaches the model's cut-off after GST: what the protocol does next is beyond the model's bound.");
    expect(verdictLine(result)).toBe("pass — no invariant violated in any reachable state; liveness undecided at the model's cut-off for 1 of 4");
    expect(verdictLine(lassoResult())).toBe("violation of eventually ACK");
    expect(verdictLine({ ...lassoResult(), violationKind: "liveness" })).toBe("violation of eventually ACK — liveness: a fair run never reaches it");
    expect(verdictLine({ ...lassoResult(), property: "termination", violationKind: "deadlock" })).toBe("violation of termination — a deadlock: it fails in a state with no enabled action");
    expect(verdictLine(passResult({ liveness: [holds] }))).toBe("pass — no invariant violated in any reachable state; every liveness property holds");
    const html = htmlReport([{ result, description: "d", assumptions: "a", covers: coverage, warnings: [] }], "now");
    expect(html).toContain("<h3>Liveness (under weak fairness)</h3>");
    expect(html).toContain("<td>holds within 7 steps of GST</td>");
    const violation = markdownReport({ result: lassoResult(), description: "d", assumptions: "a", covers: coverage, warnings: [], trace });
    expect(violation).toContain("## Counterexample (lasso: 2 steps, then a cycle of 1 repeated for ever)");
    expect(violation).toContain("| eventually ACK | eventually | violated by a lasso of 2 steps then a cycle of 1 |");
    expect(htmlReport([{ result: lassoResult(), description: "d", assumptions: "a", covers: coverage, warnings: [], trace }], "now")).toContain("Counterexample (lasso: 2 steps, then a cycle of 1 repeated for ever)");
    expect(summaryTable([{ result, judgement: { outcome: "as-expected", reasons: [] } }])).toContain("pass (liveness 2 holds, 1 undecided, 1 unchecked)");
  });
});

describe("judging liveness against the pins", () => {
  const result = passResult({ liveness: [{ name: "eventually ACK", kind: "eventually", verdict: "holds", bound: 7 }] });
  const expected = { result: "pass" as const, distinctStates: 1000, maxDepth: 12 };

  it("as expected when every finding equals its pin", () => {
    expect(judge(result, { ...expected, liveness: { "eventually ACK": { verdict: "holds", bound: 7 } } })).toEqual({ outcome: "as-expected", reasons: [] });
    expect(judge(lassoResult(), { result: "violation", property: "eventually ACK", distinctStates: 1000, maxDepth: 3, liveness: { "eventually ACK": { verdict: "violated", stem: 2, cycle: 1 } } }).outcome).toBe("as-expected");
  });

  it("names every drift: another bound, another verdict, a finding not pinned, a pin not declared", () => {
    expect(judge(result, { ...expected, liveness: { "eventually ACK": { verdict: "holds", bound: 6 } } }).reasons).toEqual(["liveness eventually ACK: holds within 7 steps of GST differs from the pinned: holds within 6 steps of GST"]);
    expect(judge(result, { ...expected, liveness: { "eventually ACK": { verdict: "undecided", steps: 3 } } }).reasons).toEqual([
      "liveness eventually ACK: holds within 7 steps of GST, pinned undecided: a run of 3 steps reaches the model's cut-off after GST without it",
    ]);
    expect(judge(result, expected).reasons).toEqual(["liveness eventually ACK (holds within 7 steps of GST) is not pinned"]);
    expect(judge(result, { ...expected, liveness: { "eventually ACK": { verdict: "holds", bound: 7 }, gone: { verdict: "holds" } } }).reasons).toEqual(["liveness gone is pinned but the model does not declare it"]);
    // Another strategy's bound is not judged, only its verdict.
    expect(judge(result, { ...expected, liveness: { "eventually ACK": { verdict: "holds", bound: 6 } } }, { figures: false }).outcome).toBe("as-expected");
  });
});
