import { describe, expect, it } from "vitest";
import { baselineOf, baselineSchema, baselineText, type Baseline, type BaselineEntry } from "../../reporting/baseline.ts";
import { behaviourMarkdown, behaviourTable, diffBaselines, diffSummary, hasBehaviourChange, withinTolerance } from "../../reporting/behaviour-diff.ts";

const PASS: BaselineEntry = { result: "pass", distinctStates: 100, maxDepth: 10, transitions: 300, sometimes: { "a value chosen": 4 }, liveness: { "eventually decided": { verdict: "holds", bound: 6 } }, strategy: "bfs" };
const VIOLATION: BaselineEntry = { result: "violation", property: "agreement", distinctStates: 50, maxDepth: 6, transitions: 90, counterexampleLength: 6, strategy: "bfs" };

const baseline = (models: Record<string, BaselineEntry>): Baseline => ({ version: 1, models });
const one = (before: BaselineEntry, after: BaselineEntry, tolerance = 0) => diffBaselines(baseline({ m: before }), baseline({ m: after }), tolerance).models[0]!;
const texts = (before: BaselineEntry, after: BaselineEntry, tolerance = 0) => one(before, after, tolerance).changes.map((change) => [change.breaking, change.text]);

describe("baselineOf", () => {
  it("keeps what the diff compares, in a fixed order, models and records sorted, with no schedule", () => {
    const steps = (n: number) => Array.from({ length: n }, () => ({ deliver: "x", from: "A", to: "B" }));
    const base = baselineOf([
      { model: "z/b", result: "pass", distinctStates: 3, maxDepth: 2, transitions: 4, seed: 0, strategy: "bfs", sometimes: [{ name: "y", witness: { steps: steps(2) } }, { name: "x" }] },
      {
        model: "a/a",
        result: "violation",
        property: "p",
        violationKind: "liveness",
        distinctStates: 5,
        maxDepth: 3,
        transitions: 6,
        seed: 0,
        counterexample: { steps: steps(4) },
        liveness: [{ name: "l", kind: "eventually", verdict: "violated", lasso: { steps: steps(4), cycleFrom: 1 } }],
      },
      { model: "s/im", result: "no-violation", distinctStates: 9, maxDepth: 8, transitions: 7, seed: 11, strategy: "random", runs: 10, maxSteps: 20 },
    ]);
    expect(baselineText(base)).toBe(
      `${JSON.stringify(
        {
          version: 1,
          models: {
            "a/a": { result: "violation", property: "p", violationKind: "liveness", distinctStates: 5, maxDepth: 3, transitions: 6, counterexampleLength: 4, liveness: { l: { verdict: "violated", stem: 1, cycle: 3 } }, strategy: "bfs" },
            "s/im": { result: "no-violation", distinctStates: 9, maxDepth: 8, transitions: 7, strategy: "random", runs: 10, maxSteps: 20, seed: 11 },
            "z/b": { result: "pass", distinctStates: 3, maxDepth: 2, transitions: 4, sometimes: { x: null, y: 2 }, strategy: "bfs" },
          },
        },
        null,
        2,
      )}\n`,
    );
    expect(baselineSchema.parse(JSON.parse(baselineText(base)))).toEqual(base);
  });

  it("keeps a model named __proto__ as an entry", () => {
    const base = baselineOf([{ model: "__proto__", result: "pass", distinctStates: 1, maxDepth: 0, transitions: 0, seed: 0 }]);
    expect(Object.keys(base.models)).toEqual(["__proto__"]);
    expect(JSON.parse(baselineText(base)).models.__proto__.distinctStates).toBe(1);
  });
});

describe("diffBaselines", () => {
  it("the same entry: unchanged, no behaviour change", () => {
    expect(one(PASS, PASS)).toEqual({ model: "m", status: "unchanged", before: PASS, after: PASS, changes: [] });
  });

  it("a verdict change with a new counterexample", () => {
    expect(texts(PASS, VIOLATION)).toEqual([
      [true, "verdict: pass → violation (agreement)"],
      [true, "counterexample appeared: 6 steps"],
      [true, "distinct states: 100 → 50 (-50%)"],
      [true, "depth: 10 → 6 (-40%)"],
      [true, "transitions: 300 → 90 (-70%)"],
      [false, "sometimes a value chosen: no longer declared"],
      [false, "liveness eventually decided: no longer declared (was holds within 6 steps of GST)"],
    ]);
  });

  it("a counterexample that vanished, one that changed length, another property", () => {
    expect(texts(VIOLATION, { ...VIOLATION, result: "pass", property: undefined, counterexampleLength: undefined })).toEqual([
      [true, "verdict: violation (agreement) → pass"],
      [true, "counterexample vanished (was 6 steps)"],
    ]);
    expect(texts(VIOLATION, { ...VIOLATION, counterexampleLength: 7 }, 100)).toEqual([[true, "counterexample length: 6 steps → 7 steps"]]);
    expect(texts(VIOLATION, { ...VIOLATION, property: "validity", violationKind: "deadlock" })).toEqual([[true, "verdict: violation (agreement) → violation (validity, deadlock)"]]);
  });

  it("figures: a note within the tolerance, a change beyond it, exactly at it a note", () => {
    expect(one(PASS, { ...PASS, distinctStates: 110 }, 10)).toMatchObject({ status: "within-tolerance", changes: [{ kind: "states", breaking: false, text: "distinct states: 100 → 110 (+10%)" }] });
    expect(one(PASS, { ...PASS, distinctStates: 111 }, 10)).toMatchObject({ status: "changed", changes: [{ breaking: true, text: "distinct states: 100 → 111 (+11%)" }] });
    expect(one(PASS, { ...PASS, maxDepth: 11 }, 0)).toMatchObject({ status: "changed", changes: [{ kind: "depth", breaking: true }] });
    expect(withinTolerance(10, 11, 10)).toBe(true);
    expect(withinTolerance(10, 9, 10)).toBe(true);
    expect(withinTolerance(1000, 1001, 0.1)).toBe(true);
    expect(withinTolerance(1000, 1002, 0.1)).toBe(false);
    // No scale to take a percentage of: any change of a 0 is beyond every tolerance.
    expect(withinTolerance(0, 1, 1_000_000)).toBe(false);
    expect(withinTolerance(0, 0, 0)).toBe(true);
  });

  it("sometimes and liveness: reach and verdicts are behaviour, lengths and bounds figures", () => {
    expect(texts(PASS, { ...PASS, sometimes: { "a value chosen": null } })).toEqual([[true, "sometimes a value chosen: reached in 4 steps → never reached"]]);
    expect(texts(PASS, { ...PASS, sometimes: { "a value chosen": 5 } }, 25)).toEqual([[false, "sometimes a value chosen witness length: 4 → 5 (+25%)"]]);
    expect(texts(PASS, { ...PASS, liveness: { "eventually decided": { verdict: "undecided", steps: 9 } } })).toEqual([
      [true, "liveness eventually decided: holds within 6 steps of GST → undecided (a run of 9 steps to the cut-off)"],
    ]);
    expect(texts(PASS, { ...PASS, liveness: { "eventually decided": { verdict: "holds", bound: 7 } } }, 20)).toEqual([
      [false, "liveness eventually decided: holds within 6 steps of GST → holds within 7 steps of GST (+16.7%)"],
    ]);
    const lasso = (stem: number, cycle: number): BaselineEntry => ({ ...PASS, liveness: { l: { verdict: "violated", stem, cycle } } });
    expect(texts(lasso(3, 2), lasso(3, 3), 1000)).toEqual([[true, "liveness l: violated (a lasso of 3 steps, then a cycle of 2 steps) → violated (a lasso of 3 steps, then a cycle of 3 steps)"]]);
    // A newly declared liveness property found violated is a new counterexample.
    expect(texts({ ...PASS, liveness: undefined }, lasso(2, 0))).toEqual([[true, "liveness l: newly declared, violated (a deadlock after 2 steps)"]]);
  });

  it("another search is a change: its figures are of another space", () => {
    expect(texts(PASS, { ...PASS, strategy: "random", runs: 1000, maxSteps: 50, seed: 7 })).toEqual([[true, "search: bfs → random (1,000 runs of at most 50 steps, seed 7)"]]);
  });

  it("models added to or gone from the baseline are notes, counted apart", () => {
    const diff = diffBaselines(baseline({ gone: PASS, same: PASS }), baseline({ same: PASS, fresh: VIOLATION }), 0);
    expect(diff.models.map(({ model, status }) => [model, status])).toEqual([
      ["fresh", "added"],
      ["gone", "removed"],
      ["same", "unchanged"],
    ]);
    expect(hasBehaviourChange(diff)).toBe(false);
    expect(diffSummary(diff)).toBe("0 of 1 model changed behaviour (tolerance 0%); 1 not in the baseline; 1 no longer run");
  });
});

describe("renderers", () => {
  const diff = diffBaselines(baseline({ "pbft/n3_f1": PASS, "links/x": PASS, "links/y": PASS }), baseline({ "pbft/n3_f1": VIOLATION, "links/x": { ...PASS, transitions: 303 }, "links/y": PASS }), 1);

  it("the table: one row per model, the summary, one line per change", () => {
    const lines = behaviourTable(diff).split("\n");
    expect(lines[0]).toMatch(/^model +verdict +states +depth +transitions +counterexample +behaviour$/);
    expect(lines.slice(2, 5).map((line) => line.split(/ {2,}/))).toEqual([
      ["links/x", "pass", "100", "10", "300 -> 303 (+1%)", "none", "within tolerance"],
      ["links/y", "pass", "100", "10", "300", "none", "same"],
      ["pbft/n3_f1", "pass -> violation (agreement)", "100 -> 50 (-50%)", "10 -> 6 (-40%)", "300 -> 90 (-70%)", "none -> 6 steps", "CHANGED"],
    ]);
    expect(lines.slice(5)).toEqual([
      "",
      "1 of 3 models changed behaviour (tolerance 1%); 1 within tolerance",
      "links/x: transitions: 300 -> 303 (+1%) (within tolerance)",
      "pbft/n3_f1: verdict: pass -> violation (agreement)",
      "pbft/n3_f1: counterexample appeared: 6 steps",
      "pbft/n3_f1: distinct states: 100 -> 50 (-50%)",
      "pbft/n3_f1: depth: 10 -> 6 (-40%)",
      "pbft/n3_f1: transitions: 300 -> 90 (-70%)",
      "pbft/n3_f1: sometimes a value chosen: no longer declared (within tolerance)",
      "pbft/n3_f1: liveness eventually decided: no longer declared (was holds within 6 steps of GST) (within tolerance)",
    ]);
  });

  it("the Markdown: summary, the models that moved, their changes; unchanged ones counted", () => {
    const small = diffBaselines(baseline({ "pbft/n3_f1": PASS, same: PASS }), baseline({ "pbft/n3_f1": { ...PASS, result: "violation", property: "agreement", counterexampleLength: 6 }, same: PASS }), 0);
    expect(behaviourMarkdown(small, "reports/baseline.json")).toBe(
      [
        "### Behaviour diff against `reports/baseline.json`",
        "",
        "**1 of 2 models changed behaviour (tolerance 0%).**",
        "",
        "| model | behaviour | verdict | distinct states | depth | transitions | counterexample |",
        "|---|---|---|---:|---:|---:|---|",
        "| pbft/n3\\_f1 | **changed** | pass → violation (agreement) | 100 | 10 | 300 | none → 6 steps |",
        "",
        "1 model unchanged.",
        "",
        "#### pbft/n3\\_f1",
        "",
        "- **changed**: verdict: pass → violation (agreement)",
        "- **changed**: counterexample appeared: 6 steps",
        "",
      ].join("\n"),
    );
  });

  it("escapes a hostile model name and baseline label in Markdown, and in the terminal", () => {
    const name = "x|<img src=x onerror=alert(1)>\n# [y](javascript:z) `\u001b[2J";
    const hostile = diffBaselines(baseline({ [name]: PASS }), baseline({ [name]: VIOLATION }), 0);
    const markdown = behaviourMarkdown(hostile, "a` b");
    expect(markdown).toContain("### Behaviour diff against ``a` b``");
    expect(markdown).toContain("| x\\|\\<img src=x onerror=alert(1)> \\# \\[y\\](javascript:z) \\`␛\\[2J | **changed** |");
    expect(markdown).toContain("#### x\\|\\<img src=x onerror=alert(1)> \\# \\[y\\](javascript:z) \\`␛\\[2J\n");
    expect(markdown).not.toMatch(/[^\\]<img|\n# \[|\u001b/);
    const table = behaviourTable(hostile);
    expect(table).not.toContain("\u001b");
    expect(table.split("\n")[2]).toMatch(/^x\|<img src=x onerror=alert\(1\)>␊# \[y\]\(javascript:z\) `␛\[2J +pass -> violation/);
  });
});
