import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, realpathSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ROOT, startProcess, hasStackTrace } from "./cli-process.ts";
import { expectOneLineError, runCli } from "./run-cli.ts";

/**
 * `audit` on the smallest models: pbft/n3_f1_q2f1 (8 states, a termination violation) and
 * links/retransmit (38 states, a pass with liveness). The baseline is written by `--update`
 * first, so the later cases compare a real file.
 */
let dir: string;
let baseline: string;
const MODELS = ["pbft/n3_f1_q2f1", "links/retransmit"];

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "consensus-check-audit-"));
  baseline = join(dir, "baseline.json");
  const run = await runCli("audit", ...MODELS, "--baseline", baseline, "--update", "--quiet");
  if (run.code !== 0) throw new Error(run.stderr);
}, 60_000);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

const stored = () => JSON.parse(readFileSync(baseline, "utf8")) as { version: number; models: Record<string, Record<string, unknown>> };

describe("audit --baseline", () => {
  it("--update writes the baseline: the models' verdicts and figures, sorted", () => {
    expect(stored()).toEqual({
      version: 1,
      models: {
        "links/retransmit": {
          result: "pass",
          distinctStates: 38,
          maxDepth: 7,
          transitions: 70,
          sometimes: { "a resend": 1, "the receiver has the payload": 1 },
          liveness: { "the sender eventually has its ACK": { verdict: "holds", bound: 4 } },
          strategy: "bfs",
        },
        "pbft/n3_f1_q2f1": {
          result: "violation",
          property: "termination",
          violationKind: "deadlock",
          distinctStates: 8,
          maxDepth: 5,
          transitions: 9,
          counterexampleLength: 5,
          sometimes: { "a request executed by every correct replica": null },
          strategy: "bfs",
        },
      },
    });
    expect(readFileSync(baseline, "utf8")).toMatch(/^\{\n {2}"version": 1,\n {2}"models": \{\n {4}"links\/retransmit"/);
  });

  it("no change: exit 0, every row the same", async () => {
    const run = await runCli("audit", ...MODELS, "--baseline", baseline, "--quiet");
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout.split("\n").slice(2)).toEqual([
      "links/retransmit  pass                               38      7      70           none            same",
      "pbft/n3_f1_q2f1   violation (termination, deadlock)  8       5      9            5 steps         same",
      "",
      "0 of 2 models changed behaviour (tolerance 0%)",
      "",
    ]);
  });

  it("a baseline with another verdict: exit 1, the row, the changes, and the Markdown written", async () => {
    const changed = stored();
    changed.models["pbft/n3_f1_q2f1"] = { result: "pass", distinctStates: 8, maxDepth: 5, transitions: 9, strategy: "bfs" };
    const file = join(dir, "changed.json");
    writeFileSync(file, JSON.stringify(changed));
    const markdown = join(dir, "diff.md");
    const run = await runCli("audit", "pbft/n3_f1_q2f1", "--baseline", file, "--markdown", markdown, "--quiet");
    expect(run.code).toBe(1);
    expect(run.stdout.split("\n").slice(2)).toEqual([
      "pbft/n3_f1_q2f1  pass -> violation (termination, deadlock)  8       5      9            none -> 5 steps  CHANGED",
      "",
      "1 of 1 model changed behaviour (tolerance 0%)",
      "pbft/n3_f1_q2f1: verdict: pass -> violation (termination, deadlock)",
      "pbft/n3_f1_q2f1: counterexample appeared: 5 steps",
      "pbft/n3_f1_q2f1: sometimes a request executed by every correct replica: newly declared (within tolerance)",
      "",
    ]);
    expect(readFileSync(markdown, "utf8")).toBe(
      [
        `### Behaviour diff against \`${file}\``,
        "",
        "**1 of 1 model changed behaviour (tolerance 0%).**",
        "",
        "| model | behaviour | verdict | distinct states | depth | transitions | counterexample |",
        "|---|---|---|---:|---:|---:|---|",
        "| pbft/n3\\_f1\\_q2f1 | **changed** | pass → violation (termination, deadlock) | 8 | 5 | 9 | none → 5 steps |",
        "",
        "#### pbft/n3\\_f1\\_q2f1",
        "",
        "- **changed**: verdict: pass → violation (termination, deadlock)",
        "- **changed**: counterexample appeared: 5 steps",
        "- within tolerance: sometimes a request executed by every correct replica: newly declared",
        "",
      ].join("\n"),
    );
  });

  it("figures within --tolerance are notes (exit 0), beyond it a change (exit 1); --json says which", async () => {
    const moved = stored();
    moved.models["links/retransmit"]!.distinctStates = 36;
    const file = join(dir, "moved.json");
    writeFileSync(file, JSON.stringify(moved));
    const within = await runCli("audit", "links/retransmit", "--baseline", file, "--tolerance", "6", "--json", "--quiet");
    expect(within.code).toBe(0);
    expect(JSON.parse(within.stdout)).toMatchObject({
      summary: "0 of 1 model changed behaviour (tolerance 6%); 1 within tolerance",
      models: [{ model: "links/retransmit", status: "within-tolerance", changes: [{ kind: "states", text: "distinct states: 36 → 38 (+5.6%)", breaking: false }] }],
    });
    const beyond = await runCli("audit", "links/retransmit", "--baseline", file, "--tolerance", "5%", "--quiet");
    expect(beyond.code).toBe(1);
  });

  it("--update keeps the entries of other models and adds the new ones", async () => {
    const file = join(dir, "partial.json");
    writeFileSync(file, JSON.stringify({ version: 1, models: { "links/retransmit": stored().models["links/retransmit"] } }));
    const run = await runCli("audit", "pbft/n3_f1_q2f1", "--baseline", file, "--update", "--quiet");
    expect(run.code, run.stderr).toBe(0);
    expect(readFileSync(file, "utf8")).toBe(readFileSync(baseline, "utf8"));
  });

  it.each([
    ["a file that is not JSON", "{", /^consensus-check: .*bad\.json is not valid JSON/],
    ["another version", JSON.stringify({ version: 2, models: {} }), /^consensus-check: .*bad\.json: version 2 is not a baseline of this version \(1\); regenerate it with `consensus-check audit --all --baseline .* --update`$/],
    ["a bad field", JSON.stringify({ version: 1, models: { m: { result: "maybe" } } }), /^consensus-check: .*bad\.json: models\.m\.result: /],
  ])("a baseline file with %s: exit 2, one line", async (_, text, pattern) => {
    const file = join(dir, "bad.json");
    writeFileSync(file, text);
    expectOneLineError(await runCli("audit", "pbft/n3_f1_q2f1", "--baseline", file, "--quiet"), pattern);
  });

  it.each([
    [["--baseline", "$B", "--tolerance", "abc"], /^consensus-check: --tolerance: expected a percentage from 0 to 1000000 \(e\.g\. --tolerance 5 for 5%\), got "abc"$/],
    [["--baseline", "$B", "--tolerance", "-1"], /^consensus-check: --tolerance: expected a percentage/],
    [[], /^consensus-check: audit: give the baseline to compare with: --baseline FILE/],
    [["--baseline", "$B", "--base", "HEAD"], /^consensus-check: audit: --base builds the baseline from a commit, --baseline reads it from a file; give one of the two$/],
    [["--base", "HEAD", "--update"], /^consensus-check: --update: rewrites the --baseline file; give --baseline FILE with it/],
    [["--base", "no-such-ref-of-this-repo"], /^consensus-check: --base: "no-such-ref-of-this-repo" does not name a commit of .*; give a branch, tag or commit \(e\.g\. --base origin\/main, --base HEAD~1\)$/],
    [["--baseline", "$DIR/missing.json"], /^consensus-check: cannot read .*missing\.json: ENOENT \(no such file\)$/],
  ])("audit pbft/n3_f1_q2f1 %j: exit 2, one line, nothing run", async (flags, pattern) => {
    const argv = flags.map((flag) => flag.replace("$B", baseline).replace("$DIR", dir));
    const run = await runCli("audit", "pbft/n3_f1_q2f1", ...argv, "--quiet");
    expectOneLineError(run, pattern);
    expect(run.stdout).toBe("");
  });
});

describe("audit --base", () => {
  it("in a clone with a behaviour change committed: exit 1 with the verdict change, and the worktree removed", async () => {
    const clone = mkdtempSync(join(tmpdir(), "consensus-check-audit-clone-"));
    try {
      execFileSync("git", ["clone", "--quiet", ROOT, clone]);
      symlinkSync(realpathSync(join(ROOT, "node_modules")), join(clone, "node_modules"), "dir");
      const model = join(clone, "models/pbft/n3_f1_q2f1.ts");
      // n-f (= 2) quorums instead of 2f+1 (= 3): the silent replica no longer blocks progress.
      writeFileSync(model, readFileSync(model, "utf8").replace('quorumRule: "2f+1"', 'quorumRule: "n-f"'));
      execFileSync("git", ["-C", clone, "-c", "user.name=audit test", "-c", "user.email=audit@example.invalid", "commit", "--quiet", "-am", "n3_f1_q2f1 with n-f quorums"]);
      const { exited } = startProcess(process.execPath, [join(clone, "bin/consensus-check.mjs"), "audit", "pbft/n3_f1_q2f1", "--base", "HEAD~1", "--quiet"], { cwd: clone });
      const run = await exited;
      expect(run.code, run.stderr).toBe(1);
      expect(hasStackTrace(run.stderr)).toBe(false);
      const lines = run.stdout.split("\n");
      expect(lines[2]).toMatch(/^pbft\/n3_f1_q2f1 +violation \(termination, deadlock\) -> pass +8 -> 58 \(\+625%\) +5 -> 11 \(\+120%\) +9 -> 138 \(\+1433\.3%\) +5 steps -> none +CHANGED$/);
      expect(lines).toContain("pbft/n3_f1_q2f1: verdict: violation (termination, deadlock) -> pass");
      expect(lines).toContain("pbft/n3_f1_q2f1: counterexample vanished (was 5 steps)");
      // Only the clone's own worktree is left: the temporary one was removed.
      expect(execFileSync("git", ["-C", clone, "worktree", "list", "--porcelain"], { encoding: "utf8" }).match(/^worktree /gm)).toHaveLength(1);
    } finally {
      rmSync(clone, { recursive: true, force: true });
    }
    expect(existsSync(clone)).toBe(false);
  }, 120_000);
});
