import { describe, expect, it } from "vitest";
import type { ActorView, RuntimeView } from "../../../impl/runtime/index.ts";
import type { Vote } from "../../../spec/hybrid/reference/votes.ts";
import { accountableSafety, accountableSafetyEvidence, explainFinalityViolation, isAccountable, signedBlocksSeen } from "../../../properties/hybrid/accountable-safety.ts";
import { signBlock } from "../../../spec/hybrid/block.ts";
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

  it("hybrid/ffg_byzantine_third: at exactly 1/3, two correct validators finalize conflicting blocks and Z0 (stake 1 of 3) is provably slashable by a double vote", async () => {
    const { view, failing, steps } = await counterexampleView("hybrid/ffg_byzantine_third");
    expect(steps).toBe(16);
    expect(failing).toContain("finality safety");
    expect(failing).not.toContain("accountable safety");
    const evidence = accountableSafetyEvidence(view)!;
    expect(evidence.slashable.map(({ validator, stake, offence }) => ({ validator, stake, offence }))).toEqual([{ validator: "Z0", stake: 1, offence: "double vote" }]);
    expect(signedBlocksSeen(view)).toEqual([]);
    expect(explainFinalityViolation(view).at(-1)).toBe("slashable stake 1 of 3: ≥ 1/3, as accountable safety requires");
  });

  it("signed BLOCKs: two blocks one staked proposer signed at one height name it slashable for a double proposal", async () => {
    const { view } = await counterexampleView("hybrid/ffg_byzantine_third");
    const [a, b] = accountableSafetyEvidence(view)!.conflicting;
    // The same state with no votes anywhere, and a node holding two blocks N1 signed at height 1.
    const holder: ActorView = { ...view.actors[0]!, name: "X", correct: false, byzantine: true, context: { blocks: { [a.digest]: { ...a, proposer: "N1" }, [b.digest]: { ...b, proposer: "N1" } }, signatures: { [a.digest]: signBlock("N1", a.digest), [b.digest]: signBlock("N1", b.digest) } } };
    const withBlocks = withActors(view, [...view.actors.map((actor) => withoutVotes(actor, () => true)), holder]);
    const evidence = accountableSafetyEvidence(withBlocks)!;
    expect(evidence.slashable.map(({ validator, stake, offence }) => ({ validator, stake, offence }))).toEqual([{ validator: "N1", stake: 1, offence: "double proposal" }]);
    expect(explainFinalityViolation(withBlocks)[1]).toMatch(/^N1 \(stake 1\) slashable for a double proposal: signed BLOCK h1·N1·[0-9a-f]{6} and BLOCK h1·N1·[0-9a-f]{6}$/);
  });

  it("fails where conflicting blocks are final and the signed messages convict less than 1/3 of the stake", async () => {
    const { view } = await counterexampleView("hybrid/ffg_byzantine_third");
    expect(accountableSafety.holds(view)).toBe(true);
    // The same state with Z0's votes gone from every node: nothing proves anyone slashable.
    const unsigned = withActors(view, view.actors.map((actor) => withoutVotes(actor, (vote) => vote.validator === "Z0")));
    expect(accountableSafetyEvidence(unsigned)).toMatchObject({ slashable: [], slashableStake: 0, totalStake: 3 });
    expect(accountableSafety.holds(unsigned)).toBe(false);
  });
});

/** The view with other actors (the history and the rest as they are). */
function withActors(view: RuntimeView, actors: ActorView[]): RuntimeView {
  return Object.create(view, { actors: { value: actors } }) as RuntimeView;
}

/** The actor with the votes `drop` picks gone from what it holds and signed. */
function withoutVotes(actor: ActorView, drop: (vote: Vote) => boolean): ActorView {
  const context = actor.context as { votes?: Vote[]; signed?: Vote[] };
  const keep = (votes: Vote[] | undefined) => (votes === undefined ? undefined : votes.filter((vote) => !drop(vote)));
  return { ...actor, context: { ...context, votes: keep(context.votes), signed: keep(context.signed) } };
}
