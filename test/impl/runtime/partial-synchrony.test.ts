import { describe, expect, it } from "vitest";
import { explore } from "../../../explorer/index.ts";
import { runtimeSystem } from "../../../impl/runtime/index.ts";
import { viewOf } from "../../../impl/runtime/runtime-views.ts";
import { follow, stepsAt } from "./follow.ts";
import { basePing, pingProtocol } from "./ping-protocol.ts";
import { partialSync, raceProtocol, type RaceConfig } from "./race-protocol.ts";

const race = (config: RaceConfig) => runtimeSystem(raceProtocol, config);
const hello = { deliver: "HELLO S->R", from: "S", to: "R" };
const dropHello = { drop: "HELLO S->R", from: "S", to: "R" };
const tick = { timeout: "S", timer: "tick" };
const patience = { timeout: "R", timer: "patience" };
const gst = { gst: true as const };

describe("partial synchrony: time 'partial-sync' with a gst step and the Δ rule", () => {
  it("state counts: 4 under async, Δ + 9 under partial synchrony", async () => {
    // Async: R waiting with 0 HELLOs and the HELLO in flight, R waiting with 1 (delivered), or R
    // given up with 0 or 1 (a HELLO to a final R is discarded); S's tick changes nothing: 4.
    expect(await explore(race({ ...partialSync(1), time: { kind: "async" } }), { model: "race" })).toMatchObject({ distinctStates: 4, maxDepth: 2 });
    // Partial synchrony: those 4 before GST, and after it the same 4 with the in-flight HELLO's
    // age, 0 … Δ + 1 (ticks age it, the cap merges the rest): 4 + (Δ + 2) + 3 = Δ + 9.
    for (const delta of [1, 2, 3]) expect(await explore(race(partialSync(delta)), { model: "race" })).toMatchObject({ result: "pass", distinctStates: delta + 9 });
  });

  it("before GST any timer may expire however long a message waits; gst is a step, taken once", () => {
    const built = race(partialSync(1));
    expect(stepsAt(built, built.initial()[0]!)).toEqual([hello, tick, patience, gst]);
    expect(stepsAt(built, follow(built, [tick, tick, tick]))).toEqual([hello, tick, patience, gst]);
    expect(stepsAt(built, follow(built, [gst]))).toEqual([hello, tick, patience]);
    // Properties read it as view.afterGst (undefined under "async").
    expect([built.initial()[0]!, follow(built, [gst])].map((state) => viewOf(built.runtime, state).afterGst)).toEqual([false, true]);
    const async = race({ ...partialSync(1), time: { kind: "async" } });
    expect(viewOf(async.runtime, async.initial()[0]!).afterGst).toBeUndefined();
  });

  it("after GST a timer is held while a message to its actor has been in flight more than Δ steps, and free once it is delivered", () => {
    const built = race(partialSync(1));
    const atGst = follow(built, [gst]);
    const ages = (state: Uint32Array) => viewOf(built.runtime, state).inFlight().map((entry) => entry.age);
    // The GST step counts as the send of what is in flight: age 0; each later step ages it by one.
    expect(ages(atGst)).toEqual([0]);
    const oneStep = follow(built, [tick], atGst);
    expect(ages(oneStep)).toEqual([1]);
    expect(stepsAt(built, oneStep)).toEqual([hello, tick, patience]);
    const overdue = follow(built, [tick], oneStep);
    expect(ages(overdue)).toEqual([2]);
    expect(stepsAt(built, overdue)).toEqual([hello, tick]);
    // Ages are capped at Δ + 1: more steps reach the same state.
    expect(built.encode(follow(built, [tick], overdue))).toEqual(built.encode(overdue));
    expect(stepsAt(built, follow(built, [hello], overdue))).toEqual([tick, patience]);
  });

  it("only a correct sender's messages hold a timer, and only they are never lost after GST", () => {
    const built = race({ ...partialSync(1), crashes: 1, loss: true });
    const crash = { crash: "S" };
    expect(stepsAt(built, follow(built, [tick, tick]))).toEqual([hello, dropHello, tick, patience, crash, gst]);
    const overdue = follow(built, [gst, tick, tick]);
    expect(stepsAt(built, overdue)).toEqual([hello, tick, crash]);
    expect(stepsAt(built, follow(built, [crash], overdue))).toEqual([hello, dropHello, patience]);
  });

  it("GST waits for a partition to heal, and the network does not split after it", () => {
    const built = race({ ...partialSync(1), partitions: [[["S"], ["R"]]] });
    const split = { partition: [["S"], ["R"]] };
    expect(stepsAt(built, built.initial()[0]!)).toEqual([hello, tick, patience, split, gst]);
    expect(stepsAt(built, follow(built, [split]))).toEqual([tick, patience, { heal: true }]);
    expect(stepsAt(built, follow(built, [split, { heal: true }, gst]))).toEqual([hello, tick, patience]);
  });

  it("an entry is an envelope and its age: copies of one message sent at different steps are apart until both reach Δ + 1", () => {
    // Pi sends PING, crashes, recovers and sends it again: two PINGs of ages 2 (capped) and 0.
    const built = runtimeSystem(pingProtocol, { ...basePing, pongers: 1, stopAfter: 2, crashes: 1, recover: true, duplication: { copies: 2 }, time: { kind: "partial-sync", delta: 1 } });
    const go = { timeout: "Pi", timer: "go" };
    const twice = follow(built, [{ gst: true }, go, { crash: "Pi" }, { recover: "Pi" }, go]);
    const entries = (state: Uint32Array) => viewOf(built.runtime, state).inFlight().map(({ copies, age }) => ({ copies, age }));
    expect(entries(twice)).toEqual([
      { copies: 1, age: 0 },
      { copies: 1, age: 2 },
    ]);
    // A duplication copies the oldest (its age too); once the younger reaches the cap they merge.
    const duplicate = { duplicate: "PING 1 Pi->Po0", from: "Pi", to: "Po0" };
    const once = follow(built, [duplicate], twice);
    expect(entries(once)).toEqual([
      { copies: 1, age: 1 },
      { copies: 2, age: 2 },
    ]);
    expect(entries(follow(built, [duplicate], once))).toEqual([{ copies: 4, age: 2 }]);
    // A delivery takes the oldest copy: the younger one stays (a step older), and so does what it holds back.
    const delivered = follow(built, [{ deliver: "PING 1 Pi->Po0", from: "Pi", to: "Po0" }], twice);
    expect(viewOf(built.runtime, delivered).inFlight().map(({ message, copies, age }) => [message.type, copies, age])).toEqual([
      ["PING", 1, 1],
      ["PONG", 1, 0],
    ]);
  });
});
