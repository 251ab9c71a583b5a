import { describe, expect, it } from "vitest";
import { htmlReport } from "../../reporting/html.ts";
import { junitReport } from "../../reporting/junit.ts";
import { fileStem, markdownReport } from "../../reporting/markdown.ts";
import { sequenceDiagram } from "../../reporting/mermaid.ts";
import { stepTable } from "../../reporting/step-table.ts";
import { summaryTable } from "../../reporting/summary-table.ts";
import { sequenceSvg } from "../../reporting/svg-sequence.ts";
import { stepArrow } from "../../reporting/trace.ts";
import { coverage, passResult, sometimesEntries, violationResult, violationTrace } from "./fixtures.ts";

// The model's participants, as its initial state names them: the lanes, in this order.
const cluster = { R0: "primary", R1: "idle", R2: "idle", R3: "idle" };

describe("Mermaid sequence diagram of a counterexample", () => {
  const diagram = sequenceDiagram(violationTrace, cluster);

  it("declares every participant of the model as a lane, in the model's order", () => {
    expect(diagram.split("\n").slice(0, 5)).toEqual(["sequenceDiagram", "  participant R0", "  participant R1", "  participant R2", "  participant R3"]);
  });

  it("draws deliveries as arrows from the step's sender to its receiver, and a protocol step as a note over its actor with its label", () => {
    expect(diagram).toContain("  Note over R0: 1. pre-prepare to=R1 value=A");
    expect(diagram).toContain("  R0->>R1: 2. PRE-PREPARE");
    expect(diagram).toContain("  R0->>R1: 3. COMMIT");
  });

  it("notes each change of a participant's state and the violation", () => {
    expect(diagram).toContain("  Note over R1: prepared A");
    expect(diagram).toContain("  Note over R1: committed A");
    expect(diagram).toContain("  Note over R0,R3: step 3: agreement violated");
  });

  it("draws drops, duplicates, faults and replays", () => {
    const other = sequenceDiagram(
      [
        { step: { drop: "PREPARE R2->R3", from: "R2", to: "R3" }, description: "drop PREPARE R2->R3", violated: [] },
        { step: { duplicate: "COMMIT R1->R2", from: "R1", to: "R2" }, description: "duplicate COMMIT R1->R2", violated: [] },
        { step: { crash: "R2" }, description: "crash R2", violated: [] },
        { step: { step: "silent", actor: "R3" }, description: "R3: silent", violated: [] },
        { step: { gst: true }, description: "global stabilisation time", violated: [] },
        { step: { replay: "PREPARE R1->R2 R3->R0", from: "R3", to: "R0" }, description: "replay PREPARE R1->R2 R3->R0", violated: [] },
      ],
      cluster,
    );
    expect(other).toContain("R2-xR3: 1. dropped PREPARE");
    expect(other).toContain("Note over R1,R2: 2. network duplicates COMMIT");
    expect(other).toContain("Note over R2: 3. crash R2");
    expect(other).toContain("Note over R3: 4. silent");
    expect(other).toContain("Note over R0,R3: 5. global stabilisation time");
    expect(other).toContain("Note over R3: 6. replay PREPARE R1-#62;R2 R3-#62;R0");
  });

  it("reads no endpoint out of a message id: a message step without from/to is a note across all lanes", () => {
    const bare = sequenceDiagram([{ step: { deliver: "PREPARE v0 n1 R2->R3" }, description: "deliver PREPARE v0 n1 R2->R3", violated: [] }], cluster);
    expect(bare).toContain("  Note over R0,R3: 1. deliver PREPARE v0 n1 R2-#62;R3");
    expect(bare).not.toContain("R2->>R3");
  });

  it("draws a Byzantine step to a client (a forged REPLY) as a note over the Byzantine actor, giving the client no lane from its fields", () => {
    const forged = [{ step: { step: "forge-reply", actor: "R3", client: 1, timestamp: 1 }, description: "R3: forge-reply client=1 timestamp=1", violated: [] }];
    const mermaid = sequenceDiagram(forged, cluster);
    expect(mermaid).toContain("  Note over R3: 1. forge-reply client=1 timestamp=1");
    expect(mermaid).not.toContain("C1");
    const svg = sequenceSvg(forged, cluster);
    expect(svg).toContain("<title>forge-reply client=1 timestamp=1</title>");
    expect(svg).not.toContain(">C1</text>");
  });
});

describe("message arrows", () => {
  it("come from the step's structured endpoints, labelled by the message id without its endpoints", () => {
    expect(stepArrow({ deliver: "PREPARE v0 n1 d:3fa2c1 R2->R3", from: "R2", to: "R3" }, "deliver")).toEqual({ from: "R2", to: "R3", label: "PREPARE v0 n1 d:3fa2c1" });
    expect(stepArrow({ drop: "REPLY v0 t1 r:ok R2->C1", from: "R2", to: "C1" }, "drop")).toEqual({ from: "R2", to: "C1", label: "REPLY v0 t1 r:ok" });
    expect(stepArrow({ deliver: "PING", from: "P0", to: "P1" }, "deliver")).toEqual({ from: "P0", to: "P1", label: "PING" });
  });

  it("are none for a step without endpoints or of another kind", () => {
    expect(stepArrow({ deliver: "PREPARE v0 n1 2->3" }, "deliver")).toBeUndefined();
    expect(stepArrow({ deliver: "PREPARE R2->R3", from: "R2", to: "R3" }, "drop")).toBeUndefined();
  });
});

describe("step table", () => {
  it("lists each step with what changed and what broke", () => {
    expect(stepTable(violationTrace).split("\n")).toEqual([
      "| # | step | state after the step | violated |",
      "|---|---|---|---|",
      "| 1 | R0: pre-prepare to=R1 value=A | R1: idle | — |",
      "| 2 | deliver PRE-PREPARE R0->R1 | R1: prepared A | — |",
      "| 3 | deliver COMMIT R0->R1 | R1: committed A | agreement |",
    ]);
  });
});

describe("Markdown report", () => {
  it("carries the verdict, the figures, warnings, the diagram and the replay command", () => {
    const text = markdownReport({
      result: violationResult(),
      description: "mutant",
      assumptions: "asynchronous",
      warnings: ["n = 3 < 3f+1"],
      judgement: { outcome: "as-expected", reasons: [] },
      trace: violationTrace,
      covers: coverage,
    });
    expect(text).toContain("**Verdict: violation of agreement**");
    expect(text).toContain("| distinct states | 1,234 |");
    expect(text).toContain("> **Warning:** n = 3 \\< 3f+1");
    expect(text).toContain("## Counterexample (3 steps, shortest)");
    expect(text).toContain("```mermaid\nsequenceDiagram");
    expect(text).toContain("npx consensus-check replay reports/bench-pbft_n4f1_mutant.schedule.json");
  });

  it("names a pass and an incomplete run plainly", () => {
    const base = { description: "d", assumptions: "a", warnings: [], covers: coverage };
    expect(markdownReport({ ...base, result: passResult() })).toContain("**Verdict: pass — no invariant violated in any reachable state**");
    expect(markdownReport({ ...base, result: passResult({ result: "incomplete", limitHit: "time" }) })).toContain("| limit hit | time |");
    expect(fileStem("pbft/n4_f1")).toBe("pbft-n4_f1");
    const shrunk = markdownReport({ ...base, result: violationResult({ strategy: "random", shrunkFrom: 12 }), trace: violationTrace });
    expect(shrunk).toContain("## Counterexample (3 steps, shrunk from 12)");
  });

  it("shows what the counterexample's last state explains of the property it fails, in the markdown and the HTML, and nothing where there is none", () => {
    const base = { result: violationResult(), description: "d", assumptions: "a", warnings: [], covers: coverage, trace: violationTrace };
    const evidence = [{ property: "finality safety", lines: ["V2 (stake 1) double vote: VOTE 0→a and VOTE 0→b", "slashable stake 2 of 4 ≥ 1/3"] }];
    const text = markdownReport({ ...base, evidence });
    expect(text).toContain("### Evidence: finality safety\n\n- V2 (stake 1) double vote: VOTE 0→a and VOTE 0→b\n- slashable stake 2 of 4 ≥ 1/3\n");
    expect(text.indexOf("### Evidence")).toBeGreaterThan(text.indexOf("## Counterexample"));
    expect(htmlReport([{ ...base, evidence }], "2026-12-01T00:00:00Z")).toContain("<h4>Evidence: finality safety</h4><ul><li>V2 (stake 1) double vote: VOTE 0→a and VOTE 0→b</li><li>slashable stake 2 of 4 ≥ 1/3</li></ul>");
    expect(markdownReport(base)).not.toContain("Evidence");
  });
});

describe("a finished simulation and a failed run in the reports", () => {
  const base = { description: "d", assumptions: "a", warnings: [], covers: coverage };
  const simulation = passResult({ result: "no-violation", strategy: "random", runs: 1000, maxSteps: 200, distinctStates: 12_345 });
  const failed = passResult({ result: "incomplete", limitHit: "error", error: "step: no | such replica" });

  it("says a simulation found nothing in so many runs, and is not exhaustive", () => {
    const markdown = markdownReport({ ...base, result: simulation });
    expect(markdown).toContain("**Verdict: no violation in 1,000 random runs of up to 200 steps (simulation, not exhaustive: 12,345 distinct states visited)**");
    expect(markdown).toContain("| random runs | 1,000 of up to 200 steps |");
    expect(markdownReport({ ...base, result: { ...simulation, runs: 1, maxSteps: undefined } })).toContain("no violation in 1 random run (simulation");
  });

  it("quotes the error of a run the model broke", () => {
    const markdown = markdownReport({ ...base, result: failed });
    expect(markdown).toContain("**Verdict: incomplete — the model threw an error: step: no \\| such replica**");
    expect(markdown).toContain("| error | step: no \\| such replica |");
  });

  it("passes a simulation in JUnit with the caveat in system-out, and errors a failed run", () => {
    const xml = junitReport([
      { result: simulation, judgement: { outcome: "as-expected", reasons: [] }, covers: coverage },
      { result: failed, judgement: { outcome: "incomplete", reasons: ["failed"] }, covers: coverage },
    ]);
    expect(xml).toContain('tests="2" failures="0" errors="1"');
    expect(xml).toContain("no violation in 1,000 random runs of up to 200 steps (simulation, not exhaustive: 12,345 distinct states visited); nothing is proven\ncovers bounds:");
    expect(xml).toContain("error: step: no | such replica\ncovers bounds:");
  });

  it("marks a simulation's row apart in HTML and the summary table", () => {
    const html = htmlReport([{ ...base, result: simulation, judgement: { outcome: "as-expected", reasons: [] } }], "2026-11-23T00:00:00Z");
    expect(html).toContain('<tr class="as-expected no-violation">');
    const table = summaryTable([
      { result: simulation, judgement: { outcome: "as-expected", reasons: [] } },
      { result: failed, judgement: { outcome: "incomplete", reasons: [] } },
    ]).split("\n");
    expect(table[2]).toMatch(/^pbft\/n4_f1\s+no-violation \(1,000 runs\)\s+yes\s+12,345\s/);
    expect(table[3]).toMatch(/^pbft\/n4_f1\s+incomplete \(error\)\s+incomplete\s/);
  });
});

describe("JUnit report", () => {
  it("fails unexpected models, errors incomplete ones, escapes XML", () => {
    const xml = junitReport([
      { result: passResult(), judgement: { outcome: "as-expected", reasons: [] }, covers: coverage },
      { result: violationResult(), judgement: { outcome: "unexpected", reasons: ["expected <pass>"] }, covers: coverage },
      { result: passResult({ model: "x", result: "incomplete" }), judgement: { outcome: "incomplete", reasons: ["limit"] }, covers: coverage },
    ]);
    expect(xml).toContain('tests="3" failures="1" errors="1"');
    expect(xml).toContain('<failure message="expected &lt;pass&gt;"/>');
    expect(xml).toContain('<error message="limit"/>');
  });
});

describe("HTML report", () => {
  it("is self-contained: no script, an inline SVG diagram of the counterexample", () => {
    const html = htmlReport(
      [
        { result: passResult(), description: "d", assumptions: "a", warnings: [], judgement: { outcome: "as-expected", reasons: [] }, covers: coverage },
        { result: violationResult(), description: "m", assumptions: "a", warnings: ["w"], judgement: { outcome: "as-expected", reasons: [] }, trace: violationTrace, covers: coverage },
      ],
      "2026-11-23T00:00:00Z",
    );
    expect(html).not.toContain("<script");
    expect(html).toContain("<svg");
    expect(html).toContain('<a href="#m-bench-002fpbft_n4f1_mutant">');
    expect(html).toContain('<section id="m-bench-002fpbft_n4f1_mutant">');
    expect(html).toContain("agreement violated");
  });

  it("writes a protocol step's label at its actor's lane, draws deliveries as arrows and marks violating rows", () => {
    const svg = sequenceSvg(violationTrace, cluster);
    expect(svg).toContain(">pre-prepare to=R1 value=A</tspan>");
    expect(svg.match(/marker-end="url\(#arrow\)"/g)).toHaveLength(2);
    expect(svg).toContain('fill="#fde2e2"');
  });
});

describe("summary table", () => {
  it("aligns columns and shows the counterexample length as the depth of a violation", () => {
    const table = summaryTable([
      { result: passResult(), judgement: { outcome: "as-expected", reasons: [] } },
      { result: violationResult(), judgement: { outcome: "unexpected", reasons: [] } },
    ]).split("\n");
    expect(table[0]).toMatch(/^model\s+verdict\s+expected\?\s+states\s+depth\s+seconds\s+states\/s$/);
    expect(table[2]).toMatch(/^pbft\/n4_f1\s+pass\s+yes\s+1,000\s+12\s+1\.25\s+800$/);
    expect(table[3]).toMatch(/violation \(agreement\)\s+NO\s+1,234\s+3\s+0\.50\s+2,468$/);
  });
});

describe("participants' initial state", () => {
  it("draws only changes from the initial summaries", () => {
    const initial = { R1: "idle" };
    expect(sequenceDiagram(violationTrace, initial)).not.toContain("Note over R1: idle");
    expect(stepTable(violationTrace, initial)).toContain("| 1 | R0: pre-prepare to=R1 value=A | — | — |");
    expect(sequenceSvg(violationTrace, initial)).not.toContain("R1: idle");
  });
});

describe("clients in the sequence diagrams", () => {
  const trace = [
    { step: { step: "request", actor: "C0", op: "x" }, description: "C0: request op=x", violated: [] },
    { step: { deliver: "REQUEST c0 t1 op:x C0->R0", from: "C0", to: "R0" }, description: "deliver REQUEST c0 t1 op:x C0->R0", violated: [] },
    { step: { deliver: "REPLY v0 t1 r:ok R1->C0", from: "R1", to: "C0" }, description: "deliver REPLY v0 t1 r:ok R1->C0", violated: [] },
  ];

  it("gives a participant the model did not name a lane after the model's, and draws its request and messages", () => {
    const diagram = sequenceDiagram(trace, { R0: "idle", R1: "idle" });
    expect(diagram.split("\n").slice(0, 4)).toEqual(["sequenceDiagram", "  participant R0", "  participant R1", "  participant C0"]);
    expect(diagram).toContain("  Note over C0: 1. request op=x");
    expect(diagram).toContain("  C0->>R0: 2. REQUEST c0 t1 op#58;x");
    expect(diagram).toContain("  R1->>C0: 3. REPLY v0 t1 r#58;ok");
    expect(sequenceSvg(trace)).toContain(">C0</text>");
  });
});

describe("the run date of each report", () => {
  const report = (ranAt?: string) => ({ result: passResult(), description: "d", assumptions: "a", warnings: [], judgement: { outcome: "as-expected" as const, reasons: [] }, covers: coverage, ranAt });

  it("is a column of the HTML index, per row, so an index assembled from several runs says when each ran", () => {
    const html = htmlReport([report("2026-11-20T08:00:00.000Z"), { ...report(), result: violationResult() }], "2026-11-23T00:00:00Z");
    expect(html).toContain("<th>last run</th></tr></thead>");
    const rows = html.split("\n").filter((line) => line.startsWith("<tr class="));
    expect(rows).toHaveLength(2);
    expect(rows[0]).toMatch(/<td>2026-11-20T08:00:00\.000Z<\/td><\/tr>$/);
    expect(rows[1]).toMatch(/<td>—<\/td><\/tr>$/);
  });

  it("is a figure of the Markdown report when known", () => {
    expect(markdownReport(report("2026-11-20T08:00:00.000Z"))).toContain("| last run | 2026-11-20T08:00:00.000Z |");
    expect(markdownReport(report())).not.toContain("last run");
  });

  it("is the test suite's timestamp in junit.xml (the earliest run) and each test case's system-out", () => {
    const xml = junitReport([
      { result: passResult(), judgement: { outcome: "as-expected", reasons: [] }, covers: coverage, ranAt: "2026-11-20T08:00:00.000Z" },
      { result: violationResult(), judgement: { outcome: "as-expected", reasons: [] }, covers: coverage, ranAt: "2026-11-19T23:30:05+01:00" },
      { result: passResult({ model: "x" }), judgement: { outcome: "as-expected", reasons: [] }, covers: coverage },
    ]);
    expect(xml).toContain('<testsuite name="models" tests="3" failures="0" errors="0" time="3.000" timestamp="2026-11-19T22:30:05">');
    expect(xml).toContain("<system-out>states=1000 transitions=4000 depth=12 seed=0 ranAt=2026-11-20T08:00:00.000Z\n");
    expect(xml).toContain("<system-out>states=1000 transitions=4000 depth=12 seed=0\n");
  });

  it("leaves the suite without a timestamp when no run date is an ISO date", () => {
    const xml = junitReport([{ result: passResult(), judgement: { outcome: "as-expected", reasons: [] }, covers: coverage, ranAt: "&amp; &#60; 1960" }]);
    expect(xml).toContain('<testsuite name="models" tests="1" failures="0" errors="0" time="1.250">');
    expect(xml).toContain("ranAt=&amp;amp; &amp;#60; 1960\n");
  });
});

describe("sometimes properties in the reports", () => {
  const base = { description: "d", assumptions: "a", warnings: [], covers: coverage };
  const lengths = { "a request executed by every correct replica": 3, "a checkpoint made stable": 0, "a forged | COMMIT delivered": undefined };
  const vacuous = passResult({ sometimes: sometimesEntries(lengths) });
  const judgement = { outcome: "unexpected" as const, reasons: ["sometimes a forged | COMMIT delivered was never reached: the pass may be vacuous"] };

  it("Markdown: a figure, a table of each reached or not, and each witness's steps", () => {
    const text = markdownReport({ ...base, result: vacuous, judgement }).split("\n");
    expect(text).toContain("| sometimes reached | 2 of 3 |");
    const at = text.indexOf("## Sometimes (2 of 3 reached)");
    expect(text.slice(at, at + 13)).toEqual([
      "## Sometimes (2 of 3 reached)",
      "",
      "| property | reached | witness |",
      "|---|---|---|",
      "| a request executed by every correct replica | yes | 3 steps, shortest |",
      "| a checkpoint made stable | yes | 0 steps: the initial state |",
      "| a forged \\| COMMIT delivered | **no**: never reached: the pass may be vacuous | — |",
      "",
      "### Witness: a request executed by every correct replica",
      "",
      "| # | step |",
      "|---|---|",
      "| 1 | deliver m1 0->1 |",
    ]);
    expect(text.slice(at + 13, at + 16)).toEqual(["| 2 | deliver m2 0->1 |", "| 3 | deliver m3 0->1 |", ""]);
    // No witness table for the initial state or for one never reached.
    expect(text.filter((line) => line.startsWith("### Witness"))).toHaveLength(1);
    expect(markdownReport({ ...base, result: passResult() })).not.toContain("Sometimes");
  });

  it("Markdown: a DFS or random witness says whether it was shrunk; an incomplete run says not reached in this run", () => {
    const dfs = passResult({ strategy: "dfs", sometimes: [{ ...sometimesEntries({ p: 2 })[0]!, shrunkFrom: 9 }, ...sometimesEntries({ q: 4 })] });
    const text = markdownReport({ ...base, result: dfs });
    expect(text).toContain("| p | yes | 2 steps, shrunk from 9 |");
    expect(text).toContain("| q | yes | 4 steps |");
    const cut = markdownReport({ ...base, result: passResult({ result: "incomplete", limitHit: "states", sometimes: sometimesEntries({ p: undefined }) }) });
    expect(cut).toContain("| p | **no**: not reached in this run | — |");
  });

  it("HTML: a section per model, an unreached one of a pass marked unexpected, and the tally in the index row", () => {
    const html = htmlReport([{ ...base, result: vacuous, judgement }], "2026-11-23T00:00:00Z");
    expect(html).toContain("<h3>Sometimes (2 of 3 reached)</h3>");
    expect(html).toContain('<tr class="reached"><td>a request executed by every correct replica</td><td>yes</td><td>3 steps, shortest</td></tr>');
    expect(html).toContain('<tr class="unexpected"><td>a forged | COMMIT delivered</td><td><strong>no</strong>: never reached: the pass may be vacuous</td><td>—</td></tr>');
    expect(html).toContain("<td>pass (2/3 sometimes)</td>");
    const cut = htmlReport([{ ...base, result: passResult({ result: "incomplete", limitHit: "time", sometimes: sometimesEntries({ p: undefined }) }) }], "now");
    expect(cut).toContain('<tr class="unreached"><td>p</td><td><strong>no</strong>: not reached in this run</td><td>—</td></tr>');
  });

  it("JUnit: each one a line of system-out after the coverage's, and the vacuous pass a failure", () => {
    const xml = junitReport([{ result: vacuous, judgement, covers: coverage }]);
    expect(xml).toContain('<failure message="sometimes a forged | COMMIT delivered was never reached: the pass may be vacuous"/>');
    expect(xml).toContain(
      [
        "<system-out>states=1000 transitions=4000 depth=12 seed=0",
        "covers bounds: 4 replicas, f = 1",
        "covers faults: replica 0 Byzantine: equivocate",
        "covers budgets: forgeries: at most 1 per run",
        "covers time: asynchronous",
        "sometimes a request executed by every correct replica: reached, witness 3 steps, shortest",
        "sometimes a checkpoint made stable: reached, witness 0 steps: the initial state",
        "sometimes a forged | COMMIT delivered: never reached: the pass may be vacuous</system-out>",
      ].join("\n"),
    );
  });

  it("summary table: the verdict with the tally, e.g. pass (3/3 sometimes)", () => {
    const all = passResult({ sometimes: sometimesEntries({ a: 1, b: 2, c: 3 }) });
    const simulation = passResult({ result: "no-violation", strategy: "random", runs: 1000, sometimes: sometimesEntries({ a: 1, b: undefined }) });
    const failed = passResult({ result: "incomplete", limitHit: "error", sometimes: sometimesEntries({ a: undefined }) });
    const table = summaryTable([
      { result: all, judgement: { outcome: "as-expected", reasons: [] } },
      { result: vacuous, judgement },
      { result: simulation, judgement: { outcome: "as-expected", reasons: [] } },
      { result: failed, judgement: { outcome: "incomplete", reasons: [] } },
      { result: violationResult({ sometimes: sometimesEntries({ a: undefined }) }), judgement: { outcome: "as-expected", reasons: [] } },
    ]).split("\n");
    expect(table[2]).toMatch(/^pbft\/n4_f1\s+pass \(3\/3 sometimes\)\s+yes\s/);
    expect(table[3]).toMatch(/^pbft\/n4_f1\s+pass \(2\/3 sometimes\)\s+NO\s/);
    expect(table[4]).toMatch(/^pbft\/n4_f1\s+no-violation \(1,000 runs, 1\/2 sometimes\)\s+yes\s/);
    expect(table[5]).toMatch(/^pbft\/n4_f1\s+incomplete \(error, 0\/1 sometimes\)\s+incomplete\s/);
    expect(table[6]).toMatch(/violation \(agreement\)\s+yes\s/);
  });
});

describe("what a check covers in the reports", () => {
  const base = { description: "d", assumptions: "a", warnings: [], covers: coverage };
  const twoBounds = { ...coverage, bounds: ["4 replicas, f = 1", "2 requests from 1 client"] };

  it("Markdown: a pass and a finished simulation say what the pass covers, aspect by aspect, one list item a line", () => {
    for (const result of [passResult(), passResult({ result: "no-violation", strategy: "random", runs: 10 })]) {
      const text = markdownReport({ ...base, covers: twoBounds, result }).split("\n");
      const at = text.indexOf("## What this pass covers");
      expect(text.slice(at, at + 19)).toEqual([
        "## What this pass covers",
        "",
        "**Bounds**",
        "",
        "- 4 replicas, f = 1",
        "- 2 requests from 1 client",
        "",
        "**Faults**",
        "",
        "- replica 0 Byzantine: equivocate",
        "",
        "**Budgets**",
        "",
        "- forgeries: at most 1 per run",
        "",
        "**Time**",
        "",
        "- asynchronous",
        "",
      ]);
    }
  });

  it("Markdown: a violation or an incomplete run lists the same under Configuration, before the counterexample", () => {
    for (const result of [violationResult(), passResult({ result: "incomplete", limitHit: "time" })]) {
      const text = markdownReport({ ...base, result, trace: result.counterexample ? violationTrace : undefined });
      expect(text).not.toContain("What this pass covers");
      expect(text).toContain("## Configuration\n\n**Bounds**\n\n- 4 replicas, f = 1\n");
    }
    const violation = markdownReport({ ...base, result: violationResult(), trace: violationTrace });
    expect(violation.indexOf("## Configuration")).toBeLessThan(violation.indexOf("## Counterexample"));
  });

  it("HTML: the same heading and a definition list per model", () => {
    const html = htmlReport([{ ...base, covers: twoBounds, result: passResult() }, { ...base, result: violationResult(), trace: violationTrace }], "now");
    expect(html).toContain(
      '<h3>What this pass covers</h3>\n<dl class="covers"><dt>Bounds</dt><dd>4 replicas, f = 1</dd><dd>2 requests from 1 client</dd>\n<dt>Faults</dt><dd>replica 0 Byzantine: equivocate</dd>\n<dt>Budgets</dt><dd>forgeries: at most 1 per run</dd>\n<dt>Time</dt><dd>asynchronous</dd></dl>',
    );
    expect(html).toContain('<h3>Configuration</h3>\n<dl class="covers"><dt>Bounds</dt><dd>4 replicas, f = 1</dd>');
  });

  it("JUnit: one system-out line per line of each aspect, whatever the verdict", () => {
    const xml = junitReport([{ result: violationResult(), judgement: { outcome: "as-expected", reasons: [] }, covers: twoBounds }]);
    expect(xml).toContain("covers bounds: 4 replicas, f = 1\ncovers bounds: 2 requests from 1 client\ncovers faults: replica 0 Byzantine: equivocate\n");
  });
});
