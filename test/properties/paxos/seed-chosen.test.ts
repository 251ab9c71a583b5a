import { describe, expect, it } from "vitest";
import type { ActorView, RuntimeView } from "../../../impl/runtime/index.ts";
import { heldByMajority, paxosInvariantsOver, seedChoiceHistory, seedReading, type SeedChoiceHistory } from "../../../properties/paxos/index.ts";

/** 2 seed proposers and 3 seed acceptors: each acceptor's votes (its last one is the value it holds), the returned values, the ghost history. */
function view(votes: string[][], history: SeedChoiceHistory = { chosen: [] }, decided: (string | null)[] = [null, null], proposed = ["v0", "v1"]): RuntimeView {
  const actors: ActorView[] = [
    ...decided.map((value, index) => ({ name: `P${index}`, role: "proposer", index, crashed: false, byzantine: false, correct: true, value: value === null ? "collecting" : "returnedTrue", context: { decided: value, value: proposed[index] } })),
    ...votes.map((acceptorVotes, index) => ({
      name: `A${index}`,
      role: "acceptor",
      index: 2 + index,
      crashed: false,
      byzantine: false,
      correct: true,
      value: "serving",
      context: { reading: "grant-all", promised: null, value: acceptorVotes.at(-1) ?? null, votes: acceptorVotes },
    })),
  ];
  return { actors, actor: (name) => actors.find((actor) => actor.name === name)!, role: (role) => actors.filter((actor) => actor.role === role), inFlight: () => [], history };
}

const [px1, px2, px3, px4, px5] = paxosInvariantsOver(seedReading);

describe("chosen for the ballot-less seed (a majority holds the value)", () => {
  it("chosen now: the value more than half of the acceptors hold", () => {
    expect(heldByMajority(view([["v0"], ["v0"], []]))).toEqual(new Set(["v0"]));
    expect(heldByMajority(view([["v0"], ["v1"], []]))).toEqual(new Set());
    expect(heldByMajority(view([["v0", "v1"], ["v0"], []]))).toEqual(new Set());
  });

  it("the ghost history records a value the first time a majority holds it, with each acceptor's vote count then", () => {
    const once = seedChoiceHistory.next(seedChoiceHistory.initial, view([["v0"], ["v0"], []]));
    expect(once).toEqual({ chosen: [{ value: "v0", votesAt: { A0: 1, A1: 1, A2: 0 } }] });
    expect(seedChoiceHistory.next(once, view([["v0"], ["v0"], ["v0"]]))).toBe(once);
    expect(seedChoiceHistory.next(once, view([["v0", "v1"], ["v0"], ["v1"]])).chosen.map((choice) => choice.value)).toEqual(["v0", "v1"]);
    expect(seedChoiceHistory.next(seedChoiceHistory.initial, view([["v0"], [], []]))).toBe(seedChoiceHistory.initial);
  });
});

describe("PX1–PX5 over the seed's reading (the reference's rules, properties/paxos/invariants.ts)", () => {
  const v0Chosen: SeedChoiceHistory = { chosen: [{ value: "v0", votesAt: { A0: 1, A1: 1, A2: 0 } }] };
  const bothChosen: SeedChoiceHistory = { chosen: [...v0Chosen.chosen, { value: "v1", votesAt: { A0: 2, A1: 2, A2: 0 } }] };

  it("PX1 reads the history: v0 chosen once and v1 now is two values, though only one is held now", () => {
    expect(px1!.holds(view([["v0", "v1"], ["v0", "v1"], []], bothChosen))).toBe(false);
    expect(px1!.holds(view([["v0"], ["v0"], []], v0Chosen))).toBe(true);
  });

  it("PX2 fails on a vote for another value after the choice, even before that value is chosen", () => {
    expect(px2!.holds(view([["v0"], ["v0"], ["v1"]], v0Chosen))).toBe(false);
    expect(px2!.holds(view([["v0"], ["v0"], ["v0"]], v0Chosen))).toBe(true);
    // A vote for v1 before v0 was chosen is no later vote.
    expect(px2!.holds(view([["v1", "v0"], ["v0"], []], { chosen: [{ value: "v0", votesAt: { A0: 2, A1: 1, A2: 0 } }] }))).toBe(true);
  });

  it("PX3 asks for the returned value to be held by a majority now, in every state after the return", () => {
    expect(px3!.holds(view([[], [], []], undefined, ["v0", null]))).toBe(false);
    expect(px3!.holds(view([["v0"], ["v0"], []], v0Chosen, ["v0", null]))).toBe(true);
    expect(px3!.holds(view([["v0", "v1"], ["v0"], ["v1"]], v0Chosen, ["v0", null]))).toBe(false);
  });

  it("PX4 and PX5 are the reference's rules", () => {
    expect(px4!.holds(view([[], [], []], undefined, ["v0", "v1"]))).toBe(false);
    expect(px5!.holds(view([["x"], ["x"], []], { chosen: [{ value: "x", votesAt: { A0: 1, A1: 1, A2: 0 } }] }))).toBe(false);
    expect(px5!.holds(view([["v0"], ["v0"], []], v0Chosen))).toBe(true);
  });
});
