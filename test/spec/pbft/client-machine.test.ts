import { describe, expect, it } from "vitest";
import { initialClientState, stepClient } from "../../../spec/pbft/client-machine.ts";
import type { ClientEvent, ClientState } from "../../../spec/pbft/client-machine.ts";

function reply(replica: number, result: string, timestamp = 1) {
  return { type: "REPLY" as const, view: 0, timestamp, client: 0, replica, result };
}

function run(events: ClientEvent[], requests = 2): { state: ClientState; sent: number } {
  let state = initialClientState({ id: 0, replyQuorum: 2, requests });
  let sent = 0;
  for (const event of events) {
    const stepped = stepClient(state, event);
    state = stepped.state;
    sent += stepped.outputs.length;
  }
  return { state, sent };
}

describe("client machine (§4.1)", () => {
  it("sends a request with the next timestamp and waits", () => {
    const { state, sent } = run([{ type: "SEND_REQUEST", op: "x" }]);
    expect([state.value, sent, state.context.pending]).toEqual(["waiting", 1, { type: "REQUEST", client: 0, timestamp: 1, op: "x" }]);
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
});
