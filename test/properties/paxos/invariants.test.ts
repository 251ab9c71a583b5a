import { describe, expect, it } from "vitest";
import type { ActorView, RuntimeView } from "../../../impl/runtime/index.ts";
import { chosenBallot, chosenValues, choiceIsStable, chosenValueWasProposed, oneValueChosen, returnedValueIsChosen, returnedValuesAgree } from "../../../properties/paxos/index.ts";

type Vote = { ballot: number; value: string };

/** A view of 2 proposers and 3 acceptors with the given votes and returned values. */
function view(votes: Vote[][], decided: (string | null)[] = [null, null], proposed = ["v0", "v1"]): RuntimeView {
  const actors: ActorView[] = [
    ...decided.map((value, index) => ({ name: `P${index}`, role: "proposer", index, crashed: false, byzantine: false, correct: true, value: "accepting", context: { decided: value, value: proposed[index] } })),
    ...votes.map((acceptorVotes, index) => ({ name: `A${index}`, role: "acceptor", index: 2 + index, crashed: false, byzantine: false, correct: true, value: "serving", context: { promised: 0, votes: acceptorVotes } })),
  ];
  return { actors, actor: (name) => actors.find((actor) => actor.name === name)!, role: (role) => actors.filter((actor) => actor.role === role), inFlight: () => [] };
}

const b1v0 = { ballot: 1, value: "v0" };
const b2v1 = { ballot: 2, value: "v1" };

describe("Paxos properties (seed catalogue B7)", () => {
  it("chosen: a majority of distinct acceptors voted (b, v); an acceptor's repeated vote counts once", () => {
    expect(chosenValues(view([[b1v0], [b1v0], []]))).toEqual(new Set(["v0"]));
    expect(chosenValues(view([[b1v0, b1v0], [], []]))).toEqual(new Set());
    expect(chosenBallot(view([[b1v0], [b1v0], []]), "v0")).toBe(1);
    expect(chosenBallot(view([[b1v0], [], []]), "v0")).toBeUndefined();
  });

  it("PX1 fails when two values each have a majority (in different ballots)", () => {
    const two = view([[b1v0, b2v1], [b1v0, b2v1], []]);
    expect(oneValueChosen.holds(two)).toBe(false);
    expect(oneValueChosen.holds(view([[b1v0], [b1v0], [b2v1]]))).toBe(true);
  });

  it("PX2 (P2b) fails on a higher-ballot vote for another value once a value is chosen", () => {
    expect(choiceIsStable.holds(view([[b1v0], [b1v0], [b2v1]]))).toBe(false);
    expect(choiceIsStable.holds(view([[b1v0], [b1v0], [{ ballot: 2, value: "v0" }]]))).toBe(true);
  });

  it("PX3 fails when a proposer returned a value that is not chosen", () => {
    expect(returnedValueIsChosen.holds(view([[b1v0], [], []], ["v0", null]))).toBe(false);
    expect(returnedValueIsChosen.holds(view([[b1v0], [b1v0], []], ["v0", null]))).toBe(true);
  });

  it("PX4 fails when two proposers returned different values", () => {
    expect(returnedValuesAgree.holds(view([[], [], []], ["v0", "v1"]))).toBe(false);
    expect(returnedValuesAgree.holds(view([[], [], []], ["v0", "v0"]))).toBe(true);
  });

  it("PX5 fails when the chosen value was proposed by no one", () => {
    expect(chosenValueWasProposed.holds(view([[{ ballot: 1, value: "x" }], [{ ballot: 1, value: "x" }], []]))).toBe(false);
    expect(chosenValueWasProposed.holds(view([[b1v0], [b1v0], []]))).toBe(true);
  });
});
