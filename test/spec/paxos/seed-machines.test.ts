import { describe, expect, it } from "vitest";
import { initialTransition, transition, type AnyMachineSnapshot } from "xstate";
import { seedAcceptorMachine, seedProposerMachine, type SeedReading } from "../../../spec/paxos/seed/index.ts";

/** The events a machine emitted, as the runtime reads them. */
const emitted = (actions: readonly { type: string; params?: unknown }[]) => actions.filter((action) => action.type === "xstate.emit").map((action) => (action.params as { event: unknown }).event);

function acceptor(reading: SeedReading) {
  let [snapshot] = initialTransition(seedAcceptorMachine, { reading });
  return {
    send(event: { type: "PROMISE" | "ACCEPT"; value: string; from: string }) {
      const [next, actions] = transition(seedAcceptorMachine, snapshot, event);
      snapshot = next;
      return emitted(actions);
    },
    get context() {
      return snapshot.context;
    },
  };
}

describe("seed acceptor: the two readings of promise(value) and accept(value)", () => {
  it("R1 grant-all: promise() is true for every value; accept() overwrites, its history keeps each change once", () => {
    const a = acceptor("grant-all");
    expect(a.send({ type: "PROMISE", value: "v0", from: "P0" })).toEqual([{ type: "send", to: "P0", message: { type: "REPLY", value: "v0", granted: true } }]);
    expect(a.send({ type: "PROMISE", value: "v1", from: "P1" })).toEqual([{ type: "send", to: "P1", message: { type: "REPLY", value: "v1", granted: true } }]);
    for (const value of ["v0", "v0", "v1", "v0"]) expect(a.send({ type: "ACCEPT", value, from: "P" })).toEqual([]);
    expect(a.context).toMatchObject({ promised: null, value: "v0", votes: ["v0", "v1", "v0"] });
  });

  it("R2 first-come: promise() is true for the first value asked and that value again, false for another; accept() still overwrites", () => {
    const a = acceptor("first-come");
    expect(a.send({ type: "PROMISE", value: "v1", from: "P1" })).toEqual([{ type: "send", to: "P1", message: { type: "REPLY", value: "v1", granted: true } }]);
    expect(a.send({ type: "PROMISE", value: "v0", from: "P0" })).toEqual([{ type: "send", to: "P0", message: { type: "REPLY", value: "v0", granted: false } }]);
    expect(a.send({ type: "PROMISE", value: "v1", from: "P1" })).toEqual([{ type: "send", to: "P1", message: { type: "REPLY", value: "v1", granted: true } }]);
    a.send({ type: "ACCEPT", value: "v0", from: "P0" });
    expect(a.context).toMatchObject({ promised: "v1", value: "v0", votes: ["v0"] });
  });
});

describe("seed proposer: paxosPropose(value, acceptors)", () => {
  const acceptors = ["A0", "A1", "A2"];
  const start = () => {
    const [idle, entry] = initialTransition(seedProposerMachine, { value: "v0", acceptors });
    expect(emitted(entry)).toEqual([{ type: "setTimer", timer: "start" }]);
    const [collecting, actions] = transition(seedProposerMachine, idle, { type: "TIMEOUT", timer: "start" });
    expect(emitted(actions)).toEqual([{ type: "send", to: acceptors, message: { type: "PROMISE", value: "v0" } }]);
    return collecting;
  };
  const reply = (snapshot: AnyMachineSnapshot, from: string, granted: boolean) => transition(seedProposerMachine, snapshot, { type: "REPLY", value: "v0", granted, from });

  it("more than half granted: accept(value) to every acceptor and return true in the same step, waiting for nothing", () => {
    const [one] = reply(start(), "A0", true);
    expect(reply(one, "A0", true)[0].context.granted).toEqual(["A0"]);
    const [returned, actions] = reply(one, "A2", true);
    expect(returned.value).toBe("returnedTrue");
    expect(returned.status).toBe("done");
    expect(returned.context.decided).toBe("v0");
    expect(emitted(actions)).toEqual([{ type: "send", to: acceptors, message: { type: "ACCEPT", value: "v0" } }]);
  });

  it("every reply in without a majority: return false, send nothing", () => {
    const [one] = reply(start(), "A0", false);
    const [two] = reply(one, "A1", true);
    expect(two.value).toBe("collecting");
    const [returned, actions] = reply(two, "A2", false);
    expect(returned.value).toBe("returnedFalse");
    expect(returned.context.decided).toBeNull();
    expect(emitted(actions)).toEqual([]);
  });
});
