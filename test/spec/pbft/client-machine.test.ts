import { initialTransition, transition, type AnyMachineSnapshot } from "xstate";
import { describe, expect, it } from "vitest";
import { machineOutputs } from "../../../impl/runtime/machine-outputs.ts";
import { clientMachine, type ClientEvent } from "../../../spec/pbft/client-machine.ts";

function reply(replica: number, result: string, timestamp = 1): ClientEvent {
  return { type: "REPLY", view: 0, timestamp, client: 0, replica, result, from: `R${replica}` };
}

function run(events: ClientEvent[], requests = 2, retransmit = false): { state: AnyMachineSnapshot; sent: unknown[] } {
  let [state] = initialTransition(clientMachine, { id: 0, n: 4, replyQuorum: 2, requests, ...(retransmit ? { retransmit } : {}) });
  const sent: unknown[] = [];
  for (const event of events) {
    const [next, actions] = transition(clientMachine, state, event);
    state = next;
    sent.push(...machineOutputs(actions, "C0"));
  }
  return { state, sent };
}

const isObsolete = (state: AnyMachineSnapshot, event: ClientEvent): boolean =>
  (clientMachine.implementations.guards.isObsolete as (args: { context: unknown; event: ClientEvent }) => boolean)({ context: state.context, event });

describe("client machine (§4.1)", () => {
  it("sends a request with the next timestamp to the primary of its view and waits", () => {
    const { state, sent } = run([{ type: "SEND_REQUEST", op: "x" }]);
    const request = { type: "REQUEST", client: 0, timestamp: 1, op: "x" };
    expect([state.value, sent, state.context.pending]).toEqual(["waiting", [{ type: "send", to: ["R0"], message: request }], request]);
  });

  it("accepts a result after f+1 matching replies from distinct replicas (hasReplyQuorum)", () => {
    const { state } = run([{ type: "SEND_REQUEST", op: "x" }, reply(1, "r"), reply(1, "r"), reply(2, "s")]);
    expect(state.value).toBe("waiting");
    const accepted = run([{ type: "SEND_REQUEST", op: "x" }, reply(1, "r"), reply(3, "r")]).state;
    expect([accepted.value, accepted.context.accepted]).toEqual(["ready", [{ timestamp: 1, result: "r" }]]);
  });

  it("ignores replies for another timestamp and is done after its last request", () => {
    const { state } = run([{ type: "SEND_REQUEST", op: "x" }, reply(1, "r", 2), reply(2, "r", 2)], 1);
    expect(state.value).toBe("waiting");
    const done = run([{ type: "SEND_REQUEST", op: "x" }, reply(1, "r"), reply(2, "r")], 1).state;
    expect(done.value).toBe("done");
  });

  it("calls obsolete exactly the replies it refuses for ever: a second one from a counted replica, one for an accepted request", () => {
    const waiting = run([{ type: "SEND_REQUEST", op: "x" }, reply(1, "r")]).state;
    expect(isObsolete(waiting, reply(1, "s"))).toBe(true);
    expect(isObsolete(waiting, reply(2, "s"))).toBe(false);
    expect(isObsolete(waiting, reply(2, "s", 2))).toBe(false);
    const accepted = run([{ type: "SEND_REQUEST", op: "x" }, reply(1, "r"), reply(2, "r")]).state;
    expect(isObsolete(accepted, reply(3, "r"))).toBe(true);
  });
});

describe("client machine with the view change (§4.4)", () => {
  const runRetransmitting = (events: ClientEvent[]) => run(events, 1, true);
  const request = { type: "REQUEST", client: 0, timestamp: 1, op: "x" };

  it("sets its timer with the request and, on expiry, sends the request to every replica", () => {
    const { sent } = runRetransmitting([{ type: "SEND_REQUEST", op: "x" }, { type: "TIMEOUT", timer: "retransmit" }]);
    expect(sent).toEqual([
      { type: "send", to: ["R0"], message: request },
      { type: "setTimer", timer: "retransmit" },
      { type: "send", to: ["R0", "R1", "R2", "R3"], message: request },
    ]);
  });

  it("stops its timer once f+1 replicas reply with one result", () => {
    const { state, sent } = runRetransmitting([{ type: "SEND_REQUEST", op: "x" }, reply(1, "x:1"), reply(2, "x:1")]);
    expect(state.value).toBe("done");
    expect(sent.at(-1)).toEqual({ type: "cancelTimer", timer: "retransmit" });
  });
});
