import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fc, test } from "@fast-check/vitest";
import { afterAll, describe, expect, it } from "vitest";
import { replay } from "../../api/index.ts";
import { modelSchedules, runSchedule, toPassModelCheck } from "../../api/vitest.ts";
import { linksModel } from "./links-models.ts";
import { findModel } from "../../models/index.ts";

const folder = mkdtempSync(join(tmpdir(), "consensus-check-vitest-"));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

const retransmit = linksModel("links/vitest_retransmit", "links/retransmit");
/** The mutant (no resend on a timeout) pinned as if it passed: a regression a user's test must catch. */
const rearmPinnedPass = linksModel("links/vitest_rearm", "links/rearm_without_resend", { result: "pass", distinctStates: 10, maxDepth: 3 });

describe("consensus-check/vitest matchers", () => {
  it("toPassModelCheck passes on a model that is as pinned, and on a mutant pinned to its violation", async () => {
    await expect(retransmit).toPassModelCheck();
    // The same mutant under the bundled pins: its lasso.
    const rearm = linksModel("links/vitest_rearm", "links/rearm_without_resend");
    await expect(rearm).toPassModelCheck({ replayFolder: folder });
    await expect(rearm).toFindViolation("the sender eventually has its ACK", { replayFolder: folder });
    await expect(retransmit).not.toFindViolation();
  });

  it("a failing toPassModelCheck names the property, shows the step table and writes a replay file that replays", async () => {
    const outcome = await toPassModelCheck(rearmPinnedPass, { replayFolder: folder });
    expect(outcome.pass).toBe(false);
    const file = join(folder, "links-vitest_rearm.vitest.schedule.json");
    expect(outcome.message()).toBe(
      [
        "links/vitest_rearm: not as pinned (unexpected): expected no violation, found a violation of the sender eventually has its ACK",
        "counterexample (lasso: 2 steps, then a cycle of 1 repeated for ever):",
        "| # | step | state after the step | violated |",
        "|---|---|---|---|",
        "| 1 | drop DATA S->R | — | — |",
        "| 2 | global stabilisation time | — | — |",
        "| 3 | timeout retransmit at S | — | the sender eventually has its ACK |",
        `replay file: ${file} (consensus-check replay ${file} --models <the file exporting links/vitest_rearm>)`,
      ].join("\n"),
    );
    const schedule = JSON.parse(readFileSync(file, "utf8"));
    expect(replay(rearmPinnedPass, schedule).violation).toEqual({ property: "the sender eventually has its ACK", step: 3 });
    // Through expect, the same message is the assertion's error.
    await expect(expect(rearmPinnedPass).toPassModelCheck({ replayFolder: folder })).rejects.toThrow(/found a violation of the sender eventually has its ACK/);
  });

  it("drift in a pinned figure is reported with its reason; .not says what was as expected", async () => {
    const drifted = linksModel("links/vitest_retransmit", "links/retransmit", { ...retransmit.expected, distinctStates: 39 });
    const outcome = await toPassModelCheck(drifted);
    expect(outcome.message()).toBe("links/vitest_retransmit: not as pinned (unexpected): distinct states 38 differ from the pinned 39");
    await expect(expect(retransmit).not.toPassModelCheck()).rejects.toThrow(
      "expected links/vitest_retransmit not to be as its pins say, but it is: pass — no invariant violated in any reachable state; every liveness property holds",
    );
    await expect(expect(retransmit).toFindViolation()).rejects.toThrow("expected links/vitest_retransmit to have a violation, but checking found: pass");
    await expect(expect({ name: "links/x" }).toPassModelCheck()).rejects.toThrow("toPassModelCheck: expected a model (defineModel's result), got object");
  });
});

describe("modelSchedules: random schedules under @fast-check/vitest", () => {
  test.prop([modelSchedules(retransmit, { maxSteps: 12 })], { numRuns: 50, seed: 1 })("the retransmitting link never acknowledges what was not received", (run) => {
    expect(run.violation).toBeUndefined();
    expect(replay(retransmit, run.schedule).violation).toBeUndefined();
  });

  it("shrinks a violation of a safety mutant to a short schedule that replays", () => {
    const mutant = findModel("paxos/seed_p2_a3_grant_all");
    const details = fc.check(fc.property(modelSchedules(mutant, { maxSteps: 40 }), (run) => run.violation === undefined), { seed: 7, numRuns: 2000 });
    expect(details.failed).toBe(true);
    const [run] = details.counterexample!;
    expect(run.violation).toEqual({ property: "PX3 returned value chosen", afterStep: run.schedule.steps.length });
    // From up to 40 steps to near BFS's shortest (5 steps): fast-check's shrinking stops at a local minimum.
    expect(run.schedule.steps.length).toBeGreaterThanOrEqual(5);
    expect(run.schedule.steps.length).toBeLessThanOrEqual(6);
    expect(replay(mutant, run.schedule).violation).toEqual({ property: "PX3 returned value chosen", step: run.schedule.steps.length });
    expect(runSchedule(mutant, run.choices)).toEqual(run);
    expect(String(fc.stringify(run))).toMatch(/^paxos\/seed_p2_a3_grant_all: [56] steps, PX3 returned value chosen violated after step [56]\n {2}1\. /);
  });
});
