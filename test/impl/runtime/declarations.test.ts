import { describe, expect, it } from "vitest";
import { runtimeSystem } from "../../../impl/runtime/index.ts";
import { InputError } from "../../../spec/common/input-error.ts";
import { basePing, pingProtocol, type PingConfig } from "./ping-protocol.ts";

const build = (config: Partial<PingConfig>) => () => runtimeSystem(pingProtocol, { ...basePing, ...config } as PingConfig);

/** Building throws an InputError whose message matches `message`. */
function refused(config: Partial<PingConfig>, message: RegExp): void {
  expect(build(config)).toThrow(InputError);
  expect(build(config)).toThrow(message);
}

describe("an invalid network, fault or time declaration is an InputError naming the field", () => {
  it("partitions: overlapping sides, unknown actors, actors on no side, one side, a twin, none at all", () => {
    refused({ partitions: [[["Pi", "Po0"], ["Po0", "Po1"]]] }, /^ping: network\.partitions\[0\]: Po0 is on two sides \(sides must be disjoint\)$/);
    refused({ partitions: [[["Pi", "Po0"], ["Po1", "Po9"]]] }, /^ping: network\.partitions\[0\]\[1\]: "Po9" is no actor of this model$/);
    refused({ partitions: [[["Pi"], ["Po1"]]] }, /^ping: network\.partitions\[0\]: Po0 on no side \(every actor is on one side\)$/);
    refused({ partitions: [[["Pi", "Po0", "Po1"]]] }, /^ping: network\.partitions\[0\] must have at least two sides$/);
    refused({ partitions: [[["Pi"], []]] }, /^ping: network\.partitions\[0\]\[1\] must list at least one actor$/);
    refused({ partitions: [[["Pi"], ["Po0", "Po1"]], [["Po1", "Po0"], ["Pi"]]] }, /^ping: network\.partitions\[1\] is network\.partitions\[0\] again$/);
    refused({ partitions: [] }, /^ping: network\.partitions must list at least one partition/);
  });

  it("time: Δ below 1 or not whole, an unknown kind, partial synchrony over a persistent network", () => {
    refused({ time: { kind: "partial-sync", delta: 0 } }, /^ping: time\.delta must be a whole number of steps, at least 1, not 0$/);
    refused({ time: { kind: "partial-sync", delta: 1.5 } }, /^ping: time\.delta must be a whole number of steps, at least 1, not 1\.5$/);
    refused({ time: { kind: "sync" } as never }, /^ping: time\.kind must be "async" or "partial-sync", not "sync"$/);
    refused({ time: { kind: "partial-sync", delta: 1, timeouts: "short" as never } }, /^ping: time\.timeouts must be "delta" or "long-enough", not "short"$/);
    refused({ time: { kind: "partial-sync", delta: 2 }, duplication: "persistent" }, /^ping: time "partial-sync" needs network\.duplication "none" or \{ copies \}/);
  });

  it("duplication and crash budgets: whole numbers", () => {
    refused({ duplication: { copies: 0 } }, /^ping: network\.duplication\.copies must be a whole number, at least 1 \(the duplicate steps a run may take\), not 0$/);
    refused({ duplication: "twice" as never }, /^ping: network\.duplication\.copies must be a whole number, at least 1/);
    refused({ crashes: -1 }, /^ping: faults\.crashes must be a whole number, at least 0, not -1$/);
  });
});
