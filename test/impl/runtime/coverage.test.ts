import { describe, expect, it } from "vitest";
import { runtimeCoverage } from "../../../impl/runtime/coverage.ts";
import { coverageSchema } from "../../../spec/common/coverage.ts";
import { coverageChange } from "../../models/coverage-change.ts";
import { basePing, pingProtocol, type PingConfig } from "./ping-protocol.ts";

/**
 * Any protocol on the runtime gets its coverage from its declaration: a protocol that declares
 * nothing but the runtime's own models (ping) gets every aspect, and each declaration changes
 * its own aspect.
 */
const covers = (config: Partial<PingConfig> = {}, protocol = pingProtocol) => runtimeCoverage(protocol, { ...basePing, ...config });

describe("the coverage of any runtime protocol", () => {
  it("says something in every aspect, for every network and fault model", () => {
    const faults = new Set<string>();
    for (const duplication of ["none", "persistent"] as const) {
      for (const loss of [false, true]) {
        for (const crashes of [0, 1]) {
          for (const midMulticast of [false, true]) {
            const coverage = covers({ duplication, loss, crashes, midMulticast });
            expect(coverageSchema.parse(coverage)).toEqual(coverage);
            faults.add(coverage.faults.join("\n"));
          }
        }
      }
    }
    // Each network model (4), crash-free or crashing between steps or mid-multicast (3): 12 texts.
    expect(faults.size).toBe(12);
  });

  it("names every declared actor by role in the bounds, then the protocol's own bounds", () => {
    const bounds = covers({ pongers: 3 }, { ...pingProtocol, bounds: (config) => [`stops after ${config.stopAfter}`] }).bounds;
    for (const actor of pingProtocol.actors({ ...basePing, pongers: 3 })) expect(bounds.join("\n")).toContain(actor.name);
    expect(bounds.at(-1)).toBe(`stops after ${basePing.stopAfter}`);
    expect(covers().bounds.join("\n")).not.toContain("stops after");
  });

  it("says which roles may crash, from the fault model's crashable roles", () => {
    const pingersOnly = covers({ crashes: 1 });
    const anyone = covers({ crashes: 1 }, { ...pingProtocol, faults: (config) => ({ crashes: config.crashes, midMulticast: config.midMulticast }) });
    expect(coverageChange(pingersOnly, anyone).aspects).toEqual(["faults", "budgets"]);
    expect(pingersOnly.faults.join("\n")).toMatch(/pongers never crash/);
    expect(anyone.faults.join("\n")).not.toMatch(/never crash/);
  });

  it("states the crash budget of the config", () => {
    const { aspects, added } = coverageChange(covers({ crashes: 1 }), covers({ crashes: 2 }));
    expect(aspects).toEqual(["budgets"]);
    expect(added).toContain("2");
  });

  it("words the time model the protocol declares, and whether liveness is checked", () => {
    expect(covers().time).toHaveLength(2);
    expect(covers().time[0]).toMatch(/^asynchronous/);
    expect(covers().time[1]).toBe("liveness: not checked (the protocol declares no liveness property)");
    const live = { ...pingProtocol, liveness: () => [{ name: "a pong", kind: "eventually" as const, holds: () => true }], livenessCutOff: () => ({ name: "the pinger gave up", holds: () => false }) };
    const time = runtimeCoverage(live, basePing).time;
    expect(time[1]).toMatch(/^liveness \(a pong\) under weak fairness from the start: every message to a correct actor/);
    expect(time[2]).toBe("runs end at the model's cut-off (the pinger gave up): one that gets there after GST without the property is undecided, one before GST is not judged");
  });
});

describe("the coverage of the runtime's partial synchrony, partitions, recovery and bounded duplication", () => {
  const declared = {
    ...pingProtocol,
    network: () => ({ duplication: { copies: 2 }, loss: false, partitions: [[["Pi", "Po0"], ["Po1"]]] }),
    faults: () => ({ crashes: 2, crashable: ["pinger"], midMulticast: false, recover: true }),
    time: () => ({ kind: "partial-sync" as const, delta: 3 }),
  };

  it("says each, with its numbers taken from the declaration", () => {
    const coverage = runtimeCoverage(declared, basePing);
    expect(coverage.time).toEqual([
      "partially synchronous: asynchronous until a gst step",
      "after GST, no timer of a correct actor fires while a message from a correct actor to it is more than Δ = 3 steps old, and no message between correct actors is lost",
      "liveness: not checked (the protocol declares no liveness property)",
    ]);
    expect(coverage.faults).toContain("pingers may crash and may recover from their initial state (amnesia), at any step, between two steps");
    expect(coverage.faults).toContain("the network duplicates messages: a duplicate step adds a copy of a message in flight");
    expect(coverage.faults).toContain("the network may partition (1 declared partition) and heal");
    expect(coverage.budgets).toContain("duplicates: at most 2 per run");
    expect(coverage.budgets[0]).toMatch(/^crashes: at most 2 crash steps per run/);
  });
});
