import { describe, expect, it } from "vitest";
import { initialTransition, transition, type AnyMachineSnapshot } from "xstate";
import { acceptorMachine, proposerMachine, type ProposerInput } from "../../../spec/paxos/index.ts";

/** Emitted outputs of a pure step, as the runtime reads them. */
function emitted(actions: readonly unknown[]): unknown[] {
  return (actions as { type: string; params?: { event?: unknown } }[]).filter((action) => action.type === "xstate.emit").map((action) => action.params!.event);
}

const input: ProposerInput = { index: 1, proposers: 2, acceptors: ["A0", "A1", "A2"], value: "v1", rounds: 2 };

function run(machine: typeof proposerMachine, events: object[]): { snapshot: AnyMachineSnapshot; outputs: unknown[][] } {
  let [snapshot, actions] = initialTransition(machine, input);
  const outputs = [emitted(actions)];
  for (const event of events) {
    [snapshot, actions] = transition(machine, snapshot, event as never);
    outputs.push(emitted(actions));
  }
  return { snapshot, outputs };
}

describe("the Paxos proposer (Paxos Made Simple §2.2–2.3)", () => {
  it("starts on its start timer with its own ballot, and with a round left sets its retry timer", () => {
    const { snapshot, outputs } = run(proposerMachine, [{ type: "TIMEOUT", timer: "start" }]);
    expect(outputs[0]).toEqual([{ type: "setTimer", timer: "start" }]);
    expect(outputs[1]).toEqual([
      { type: "send", to: ["A0", "A1", "A2"], message: { type: "PREPARE", ballot: 2 } },
      { type: "setTimer", timer: "retry" },
    ]);
    expect(snapshot.value).toBe("preparing");
  });

  it("counts each acceptor's promise once, ignores other ballots, and adopts the highest reported vote (P2c)", () => {
    const { snapshot, outputs } = run(proposerMachine, [
      { type: "TIMEOUT", timer: "start" },
      { type: "PROMISE", ballot: 2, vote: { ballot: 1, value: "v0" }, from: "A0" },
      { type: "PROMISE", ballot: 2, vote: { ballot: 1, value: "v0" }, from: "A0" },
      { type: "PROMISE", ballot: 9, vote: null, from: "A1" },
      { type: "PROMISE", ballot: 2, vote: null, from: "A1" },
    ]);
    expect(outputs[3]).toEqual([]);
    expect(outputs[4]).toEqual([]);
    expect(outputs[5]).toEqual([{ type: "send", to: ["A0", "A1", "A2"], message: { type: "ACCEPT", ballot: 2, value: "v0" } }]);
    expect(snapshot.value).toBe("accepting");
  });

  it("decides on a majority of ACCEPTEDs for its ballot and cancels its retry timer; a stale one does not count", () => {
    const { snapshot, outputs } = run(proposerMachine, [
      { type: "TIMEOUT", timer: "start" },
      { type: "PROMISE", ballot: 2, vote: null, from: "A0" },
      { type: "PROMISE", ballot: 2, vote: null, from: "A1" },
      { type: "ACCEPTED", ballot: 1, value: "v1", from: "A0" },
      { type: "ACCEPTED", ballot: 2, value: "v1", from: "A0" },
      { type: "ACCEPTED", ballot: 2, value: "v1", from: "A2" },
    ]);
    expect(outputs[4]).toEqual([]);
    expect(outputs[6]).toEqual([{ type: "cancelTimer", timer: "retry" }]);
    expect(snapshot.value).toBe("decided");
    expect(snapshot.context.decided).toBe("v1");
  });

  it("retries with the next ballot of its own when its retry timer fires, in either phase; the last round sets no timer", () => {
    const preparing = run(proposerMachine, [{ type: "TIMEOUT", timer: "start" }, { type: "TIMEOUT", timer: "retry" }]);
    expect(preparing.outputs[2]).toEqual([{ type: "send", to: ["A0", "A1", "A2"], message: { type: "PREPARE", ballot: 4 } }]);
    expect(preparing.snapshot.context.round).toBe(1);
    const accepting = run(proposerMachine, [
      { type: "TIMEOUT", timer: "start" },
      { type: "PROMISE", ballot: 2, vote: null, from: "A0" },
      { type: "PROMISE", ballot: 2, vote: null, from: "A1" },
      { type: "TIMEOUT", timer: "retry" },
    ]);
    expect(accepting.snapshot.value).toBe("preparing");
    expect(accepting.snapshot.context.ballot).toBe(4);
  });
});

describe("the Paxos acceptor", () => {
  it("promises only ballots above its promise (P1a), accepts those not below it, and keeps each vote once", () => {
    let [snapshot] = initialTransition(acceptorMachine, undefined);
    const step = (event: object): unknown[] => {
      const [next, actions] = transition(acceptorMachine, snapshot, event as never);
      snapshot = next;
      return emitted(actions);
    };
    expect(step({ type: "PREPARE", ballot: 2, from: "P1" })).toEqual([{ type: "send", to: "P1", message: { type: "PROMISE", ballot: 2, vote: null } }]);
    expect(step({ type: "PREPARE", ballot: 1, from: "P0" })).toEqual([]);
    expect(step({ type: "ACCEPT", ballot: 1, value: "v0", from: "P0" })).toEqual([]);
    expect(step({ type: "ACCEPT", ballot: 2, value: "v1", from: "P1" })).toEqual([{ type: "send", to: "P1", message: { type: "ACCEPTED", ballot: 2, value: "v1" } }]);
    step({ type: "ACCEPT", ballot: 2, value: "v1", from: "P1" });
    expect(snapshot.context.votes).toEqual([{ ballot: 2, value: "v1" }]);
    expect(step({ type: "PREPARE", ballot: 3, from: "P0" })).toEqual([{ type: "send", to: "P0", message: { type: "PROMISE", ballot: 3, vote: { ballot: 2, value: "v1" } } }]);
  });
});
