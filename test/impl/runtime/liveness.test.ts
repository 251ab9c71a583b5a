import { describe, expect, it } from "vitest";
import { runtimeSystem, type RuntimeAction } from "../../../impl/runtime/index.ts";
import { linksConfigSchema, linksProtocol } from "../../../models/links/links-protocol.ts";
import { basePing, pingProtocol } from "./ping-protocol.ts";
import { findModel } from "../../../models/index.ts";

const links = (config: Record<string, unknown>) => runtimeSystem(linksProtocol, linksConfigSchema.parse({ retransmissions: 1, loss: false, ...config }));

/** The state after the steps named by their Schedule form, in order. */
function after<S extends object>(system: { initial(): S[]; fromStep(state: S, step: never): RuntimeAction | undefined; step(state: S, action: RuntimeAction): S }, steps: object[]): S {
  let state = system.initial()[0]!;
  for (const step of steps) state = system.step(state, system.fromStep(state, step as never)!);
  return state;
}

describe("the runtime's liveness declarations", () => {
  it("long-enough timeouts: after GST no timer fires while a message to a correct actor is in flight; under the Δ rule a young one holds nothing", () => {
    for (const [timeouts, fires] of [["long-enough", false], ["delta", true]] as const) {
      const system = links({ timeouts });
      const state = after(system, [{ gst: true }]);
      const timeout = system.actions(state).some((action) => action.kind === "timeout");
      expect(timeout, timeouts).toBe(fires);
    }
    // Before GST both are asynchronous: the timer may fire with DATA in flight.
    const early = links({ timeouts: "long-enough" });
    expect(early.actions(early.initial()[0]!).some((action) => action.kind === "timeout")).toBe(true);
  });

  it("settled is after GST under partial synchrony, everywhere under async", () => {
    const system = links({});
    expect(system.settled!(system.initial()[0]!)).toBe(false);
    expect(system.settled!(after(system, [{ gst: true }]))).toBe(true);
    const async = links({ time: "async" });
    expect(async.settled!(async.initial()[0]!)).toBe(true);
  });

  it("fairness classes: each delivery to a correct actor and each timer of one, the same class in every state; crashes, losses and deliveries to Byzantine actors owe nothing", () => {
    const system = links({ loss: true, time: "async" });
    const start = system.initial()[0]!;
    const classes = new Map(system.actions(start).map((action) => [action.kind, system.fairness!(start, action)]));
    expect(classes.get("deliver")).toBeGreaterThanOrEqual(0);
    expect(classes.get("timeout")).toBeGreaterThanOrEqual(0);
    expect(classes.get("drop")).toBe(-1);
    expect(new Set(classes.values()).size).toBe(3);
    // After the timer fires (a resend: the same DATA in flight), the delivery has the same class.
    const resent = after(system, [{ timeout: "S", timer: "retransmit" }]);
    const deliver = system.actions(resent).find((action) => action.kind === "deliver")!;
    expect(system.fairness!(resent, deliver)).toBe(classes.get("deliver"));

    const byzantine = runtimeSystem({ ...pingProtocol, faults: () => ({ crashes: 1, crashable: ["pinger"], midMulticast: true, byzantine: ["Po1"] }) }, { ...basePing, crashes: 1 });
    const fired = after(byzantine, [{ timeout: "Pi", timer: "go" }]);
    const owed = byzantine.actions(fired).map((action) => [byzantine.toStep(action), byzantine.fairness!(fired, action)] as const);
    expect(owed.find(([step]) => (step as { to?: string }).to === "Po0" && !("crashAfter" in step))![1]).toBeGreaterThanOrEqual(0);
    expect(owed.find(([step]) => (step as { to?: string }).to === "Po1")![1]).toBe(-1);
    expect(owed.filter(([step]) => "crash" in step).every(([, fair]) => fair === -1)).toBe(true);
  });

  it("a correct actor's own step is owed (a client's request), a Byzantine actor's is not", () => {
    const model = findModel("pbft/n4_f1");
    const system = model.build(model.config);
    const start = system.initial()[0]!;
    const steps = system.actions(start).filter((action: RuntimeAction) => action.kind === "input");
    const request = steps.find((action: RuntimeAction) => (system.toStep(action) as { actor?: string }).actor === "C0")!;
    const fair = system.fairness!(start, request);
    expect(fair % 3).toBe(2);
    expect(system.fairness!(start, { ...request })).toBe(fair);
    const forgeries = steps.filter((action: RuntimeAction) => (system.toStep(action) as { actor?: string }).actor === "R3");
    expect(forgeries.length).toBeGreaterThan(0);
    for (const action of forgeries) expect(system.fairness!(start, action)).toBe(-1);
  });
});
