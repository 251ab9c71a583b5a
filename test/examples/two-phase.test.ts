import { readFileSync, readdirSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { check, defineModel, replay } from "../../api/index.ts";
import { rm3, rm3EagerCommit, twoPhase } from "../../examples/two-phase-commit/two-phase.ts";
import { baselineOf, type AuditedResult } from "../../reporting/baseline.ts";
import { behaviourMarkdown, diffBaselines, hasBehaviourChange } from "../../reporting/behaviour-diff.ts";

/**
 * examples/two-phase-commit, a user project, checked here so that `npm test` covers it (vitest
 * maps "consensus-check" to api/index.ts): TwoPhase.tla's figures under TLC, the mutant, and
 * `audit` catching the mutant as a verdict change of two-phase/rm3.
 */
const EXAMPLE = new URL("../../examples/two-phase-commit/", import.meta.url);

describe("examples/two-phase-commit", () => {
  it("two-phase/rm3: TLC's 288 distinct states and depth 11 (ours 10); 1,601 transitions", async () => {
    const { asExpected, judgement, result } = await check(rm3);
    expect(judgement.reasons).toEqual([]);
    expect(asExpected).toBe(true);
    expect(result).toMatchObject({ result: "pass", distinctStates: 288, maxDepth: 10, transitions: 1_601 });
    expect(result.sometimes?.map((entry) => [entry.name, entry.witness?.steps.length])).toEqual([
      ["all committed", 10],
      ["all aborted", 3],
    ]);
  });

  it("TwoPhase.tla transcribed as TLC runs it: 288 states, depth 11, 1,146 generated; ours is 1,146 − 1 + 456", () => {
    const tlc = tlcTwoPhase(3);
    expect(tlc).toEqual({ distinct: 288, depth: 11, generated: 1_146, preparedToDecidedTm: 456 });
    // TLC counts its initial state as generated; we count edges. Each TLC successor is one of our
    // transitions, and ours adds a delivery of each Prepared in flight to a TM that has decided
    // (TMRcvPrepared needs tmState = "init"; the runtime offers every message in flight).
    expect(tlc.generated - 1 + tlc.preparedToDecidedTm).toBe(rm3.expected.transitions);
  });

  it("two-phase/rm3_eager_commit: TCConsistent broken in 5 steps, and the counterexample replays", async () => {
    const { asExpected, result } = await check(rm3EagerCommit);
    expect(asExpected).toBe(true);
    expect(result).toMatchObject({ result: "violation", property: "TCConsistent", distinctStates: 162, maxDepth: 5, transitions: 518 });
    expect(result.counterexample?.steps).toEqual([
      { step: "choose-to-abort", actor: "RM1" },
      { step: "prepare", actor: "RM2" },
      { deliver: "Prepared RM2->TM", from: "RM2", to: "TM" },
      { step: "commit", actor: "TM" },
      { deliver: "Commit TM->RM2", from: "TM", to: "RM2" },
    ]);
    expect(replay(rm3EagerCommit, result)).toMatchObject({ violation: { property: "TCConsistent", step: 5 } });
  });

  it("audit: the user's mutant of two-phase/rm3 is a verdict change (docs/tutorial.md)", async () => {
    const mutated = defineModel({ ...rm3, protocol: twoPhase, config: { rms: 3, eagerCommit: true } });
    const before = baselineOf([(await check(rm3)).result as AuditedResult]);
    const after = baselineOf([(await check(mutated)).result as AuditedResult]);
    const diff = diffBaselines(before, after, 0);
    expect(hasBehaviourChange(diff)).toBe(true);
    expect(diff.models[0]!.changes.map((change) => change.text)).toContain("verdict: pass → violation (TCConsistent)");
    expect(behaviourMarkdown(diff, "origin/main")).toContain("| two-phase/rm3 | **changed** | pass → violation (TCConsistent) |");
  });

  it("the example imports only the package, xstate, zod, vitest and its own files", () => {
    for (const file of readdirSync(EXAMPLE).filter((name) => name.endsWith(".ts"))) {
      const imports = [...readFileSync(new URL(file, EXAMPLE), "utf8").matchAll(/from "([^"]+)"/g)].map((match) => match[1]);
      for (const name of imports) expect(["consensus-check", "consensus-check/vitest", "xstate", "zod", "vitest"].includes(name!) || /^\.\/[\w-]+\.ts$/.test(name!), `${file} imports ${name}`).toBe(true);
    }
  });
});

/**
 * TwoPhase.tla's Next, transcribed action by action and explored as TLC does: every enabled
 * action instance generates a successor (self-loops included), plus the initial state; depth
 * counts the initial state as 1. Also counts, over the distinct states, the Prepared messages in
 * msgs while tmState ≠ "init" (our deliveries that TLA+ has no action for).
 */
function tlcTwoPhase(rms: number) {
  type S = { rm: string[]; tm: string; tmPrepared: number[]; msgs: string[] };
  const RM = Array.from({ length: rms }, (_, i) => i);
  const key = (s: S) => JSON.stringify([s.rm, s.tm, [...s.tmPrepared].sort(), [...s.msgs].sort()]);
  const send = (s: S, m: string) => (s.msgs.includes(m) ? s.msgs : [...s.msgs, m]);
  const setRm = (s: S, r: number, to: string) => s.rm.map((state, i) => (i === r ? to : state));
  const next = (s: S): S[] => [
    ...(s.tm === "init" && RM.every((r) => s.tmPrepared.includes(r)) ? [{ ...s, tm: "committed", msgs: send(s, "Commit") }] : []), // TMCommit
    ...(s.tm === "init" ? [{ ...s, tm: "aborted", msgs: send(s, "Abort") }] : []), // TMAbort
    ...RM.flatMap((r) => [
      ...(s.tm === "init" && s.msgs.includes(`Prepared ${r}`) ? [{ ...s, tmPrepared: s.tmPrepared.includes(r) ? s.tmPrepared : [...s.tmPrepared, r] }] : []), // TMRcvPrepared
      ...(s.rm[r] === "working" ? [{ ...s, rm: setRm(s, r, "prepared"), msgs: send(s, `Prepared ${r}`) }] : []), // RMPrepare
      ...(s.rm[r] === "working" ? [{ ...s, rm: setRm(s, r, "aborted") }] : []), // RMChooseToAbort
      ...(s.msgs.includes("Commit") ? [{ ...s, rm: setRm(s, r, "committed") }] : []), // RMRcvCommitMsg
      ...(s.msgs.includes("Abort") ? [{ ...s, rm: setRm(s, r, "aborted") }] : []), // RMRcvAbortMsg
    ]),
  ];
  const initial: S = { rm: RM.map(() => "working"), tm: "init", tmPrepared: [], msgs: [] };
  const seen = new Set([key(initial)]);
  let level = [initial];
  let depth = 1;
  let generated = 1;
  let preparedToDecidedTm = 0;
  for (;;) {
    const discovered: S[] = [];
    for (const state of level) {
      if (state.tm !== "init") preparedToDecidedTm += state.msgs.filter((m) => m.startsWith("Prepared")).length;
      for (const successor of next(state)) {
        generated++;
        if (seen.has(key(successor))) continue;
        seen.add(key(successor));
        discovered.push(successor);
      }
    }
    if (discovered.length === 0) return { distinct: seen.size, depth, generated, preparedToDecidedTm };
    depth++;
    level = discovered;
  }
}
