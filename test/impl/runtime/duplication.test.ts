import { describe, expect, it } from "vitest";
import { explore } from "../../../explorer/index.ts";
import { runtimeSystem } from "../../../impl/runtime/index.ts";
import { viewOf } from "../../../impl/runtime/runtime-views.ts";
import { follow, stepsAt } from "./follow.ts";
import { basePing, pingProtocol, type PingConfig } from "./ping-protocol.ts";

/** One ponger that stops after one PING, no invariant: a duplicated PONG counts twice, which is the point. */
const system = (copies: number, config: Partial<PingConfig> = {}) =>
  runtimeSystem({ ...pingProtocol, invariants: () => [] }, { ...basePing, pongers: 1, duplication: { copies }, ...config });
const go = { timeout: "Pi", timer: "go" };
const duplicatePing = { duplicate: "PING 1 Pi->Po0", from: "Pi", to: "Po0" };
const duplicatePong = { duplicate: "PONG 1 Po0->Pi", from: "Po0", to: "Pi" };
const pong = { deliver: "PONG 1 Po0->Pi", from: "Po0", to: "Pi" };

describe("bounded duplication: network.duplication { copies: k }", () => {
  it("state counts: 10 for k = 1, 20 for k = 2", async () => {
    // The initial state, then d PING duplicates (d ≤ k: d + 1 PINGs in flight; the first
    // delivered, Po0 stops and the rest are discarded), then e ≤ k − d PONG duplicates: Pi has
    // counted p of the 1 + e PONGs and q are in flight (p + q = 1 + e, 2 + e ways), keyed by the
    // budget spent d + e. k = 1: 1 + 2 + (2 + 5) = 10; k = 2: 1 + 3 + (2 + 5 + 9) = 20.
    expect(await explore(system(1), { model: "ping" })).toMatchObject({ result: "pass", distinctStates: 10 });
    expect(await explore(system(2), { model: "ping" })).toMatchObject({ result: "pass", distinctStates: 20 });
  });

  it("a duplicate step adds one copy while the run's budget lasts, then stops", () => {
    const built = system(2);
    const sent = follow(built, [go]);
    expect(stepsAt(built, sent)).toEqual([{ deliver: "PING 1 Pi->Po0", from: "Pi", to: "Po0" }, duplicatePing]);
    const answered = follow(built, [duplicatePing, { deliver: "PING 1 Pi->Po0", from: "Pi", to: "Po0" }], sent);
    expect(stepsAt(built, answered)).toEqual([pong, duplicatePong]);
    const spent = follow(built, [duplicatePong], answered);
    expect(viewOf(built.runtime, spent).inFlight()).toEqual([{ from: "Po0", to: "Pi", message: { type: "PONG", n: 1 }, copies: 2 }]);
    expect(stepsAt(built, spent)).toEqual([pong]);
    expect(viewOf(built.runtime, follow(built, [pong, pong], spent)).actor("Pi").context.pongs).toBe(2);
  });

  it("none and persistent are as they were: no duplicate step", () => {
    for (const duplication of ["none", "persistent"] as const) {
      const built = runtimeSystem(pingProtocol, { ...basePing, duplication });
      expect(stepsAt(built, follow(built, [go])).some((step) => "duplicate" in step)).toBe(false);
    }
  });
});
