import { describe, expect, it } from "vitest";
import { noHonestSlashing, offencesRecorded } from "../../../properties/hybrid/slashing.ts";
import { justifiedBySupermajority } from "../../../properties/hybrid/justification.ts";
import { revertedFinality } from "../../../properties/hybrid/chain-safety.ts";
import { counterexampleView } from "./counterexample-view.ts";

/** Each mutant's counterexample, replayed: the property it pins fails in its last state, for the reason the mutant gives. */
describe("the hybrid mutants' counterexamples", () => {
  it("m1 (fork choice from genesis): a correct node's head leaves the block it finalized", async () => {
    const { view, failing, steps } = await counterexampleView("hybrid/ffg_reorg_unanchored");
    expect(steps).toBe(6);
    expect(failing).toContain("fork choice never reverts a finalized block");
    expect(failing).not.toContain("finality safety");
    expect(revertedFinality(view)).not.toBeNull();
  });

  it("m2 (votes counted per message): a block justified by a replayed vote, without 2/3 of the distinct stake", async () => {
    const { view, failing, steps } = await counterexampleView("hybrid/ffg_votes_per_message");
    expect(steps).toBe(6);
    expect(failing).toEqual(["justified by 2/3 of the stake"]);
    expect(justifiedBySupermajority.explain!(view)[0]).toMatch(/^N\d holds [0-9a-f]{12} as justified, but no supermajority of distinct validators' stake links to it/);
  });

  it("m3 (vote rule blind to its last target height): an honest validator double-votes after a reorg, and a correct node holds the evidence", async () => {
    const { view, failing, steps } = await counterexampleView("hybrid/pow_bft_revote");
    expect(steps).toBe(3);
    expect(failing).toEqual(["no honest slashing"]);
    expect(noHonestSlashing.explain!(view)[0]).toMatch(/^N\d holds evidence of a double vote against the correct N\d: /);
  });

  it("m4 (slashing misses surround votes): a correct node holds a surround pair and records nothing", async () => {
    const { view, failing, steps } = await counterexampleView("hybrid/ffg_surround_missed");
    expect(steps).toBe(7);
    expect(failing).toEqual(["every offence seen is recorded"]);
    expect(offencesRecorded.explain!(view)).toEqual([expect.stringMatching(/^N\d holds two votes proving a surround vote by Z0 and records no evidence against it$/)]);
  });
});
