import { describe, expect, it } from "vitest";
import { accountableSafetyEvidence, explainFinalityViolation, isAccountable } from "../../../properties/hybrid/accountable-safety.ts";
import { counterexampleView } from "./counterexample-view.ts";

describe("accountable safety on the hybrid attacks' counterexamples", () => {
  it("hybrid/ffg_byzantine_supermajority: conflicting finality, and Z0 (2/3 of the stake) provably slashable by two of its signed votes", async () => {
    const { view, failing, steps } = await counterexampleView("hybrid/ffg_byzantine_supermajority");
    expect(steps).toBe(16);
    expect(failing).toContain("finality safety");
    expect(failing).not.toContain("accountable safety");
    const evidence = accountableSafetyEvidence(view)!;
    expect(evidence.conflicting.map((block) => block.height)).toEqual([1, 1]);
    expect(evidence.slashable.map(({ validator, stake, offence }) => ({ validator, stake, offence }))).toEqual([{ validator: "Z0", stake: 2, offence: "double vote" }]);
    expect([evidence.slashableStake, evidence.totalStake]).toEqual([2, 3]);
    expect(isAccountable(evidence)).toBe(true);
    const lines = explainFinalityViolation(view);
    expect(lines[0]).toMatch(/^conflicting finalized blocks h1·Z0·[0-9a-f]{6} and h1·Z0·[0-9a-f]{6}$/);
    expect(lines[1]).toMatch(/^Z0 \(stake 2\) slashable for a double vote: signed Z0 0:\w+→1:\w+ and Z0 0:\w+→1:\w+$/);
    expect(lines.at(-1)).toBe("slashable stake 2 of 3: ≥ 1/3, as accountable safety requires");
  });

  it("hybrid/pow_51: the 51% attack finalizes conflicting blocks with no stake at all (nothing to slash) and double-spends alice's payment", async () => {
    const { view, failing, steps } = await counterexampleView("hybrid/pow_51");
    expect(steps).toBe(8);
    expect(failing).toEqual(expect.arrayContaining(["finality safety", "DS1 no double spend"]));
    expect(accountableSafetyEvidence(view)).toMatchObject({ slashable: [], slashableStake: 0, totalStake: 0 });
  });
});
