import { describe, expect, it } from "vitest";
import type { Invariant } from "../../../explorer/transition-system.ts";
import { runtimeSystem } from "../../../impl/runtime/index.ts";
import { paxosConfigSchema, paxosProtocol } from "../../../models/paxos/index.ts";
import type { ScheduleStep } from "../../../spec/common/schedule.ts";

const system = runtimeSystem(paxosProtocol, paxosConfigSchema.parse({ proposers: 2, acceptors: 3, rounds: 1, network: { duplication: "none", loss: false }, crashes: 1 }));
const named = (name: string): Invariant<Uint32Array> => system.sometimes!.find((property) => property.name === name)!;
const midMulticast = named("a proposer crashed part-way through a multicast");

/** The state after `steps` from the initial one; each step must be enabled. */
function after(...steps: ScheduleStep[]): Uint32Array {
  let state = system.initial()[0]!;
  for (const step of steps) {
    const action = system.fromStep(state, step);
    if (action === undefined) throw new Error(`not enabled: ${JSON.stringify(step)}`);
    state = system.step(state, action);
  }
  return state;
}

const start = { timeout: "P0", timer: "start" };
const deliver = (id: string, from: string, to: string, crashAfter?: number): ScheduleStep => ({ deliver: `${id} ${from}->${to}`, from, to, ...(crashAfter === undefined ? {} : { crashAfter }) });
/** P0's phase 1 with A0 and A1, up to the PROMISE that completes its quorum. */
const phaseOne = [start, deliver("PREPARE b1", "P0", "A0"), deliver("PREPARE b1", "P0", "A1"), deliver("PROMISE b1 vote none", "A0", "P0")];

describe("what a Paxos model must reach (sometimes)", () => {
  it("declares a value chosen, a proposer returned and, where proposers may crash, a crash mid-multicast", () => {
    expect(system.sometimes!.map((property) => property.name)).toEqual(["a value chosen", "a proposer returned", "a proposer crashed part-way through a multicast"]);
    const safe = runtimeSystem(paxosProtocol, paxosConfigSchema.parse({ proposers: 2, acceptors: 3, rounds: 1, network: { duplication: "none", loss: false }, crashes: 0 }));
    expect(safe.sometimes!.map((property) => property.name)).toEqual(["a value chosen", "a proposer returned"]);
  });

  it("a crash part-way through phase 1a's or phase 2a's multicast holds; a plain crash or one after the whole multicast does not", () => {
    expect(midMulticast.holds(after({ ...start, crashAfter: 1 }))).toBe(true);
    expect(midMulticast.holds(after({ ...start, crashAfter: 2 }))).toBe(true);
    expect(midMulticast.holds(after({ crash: "P0" }))).toBe(false);
    expect(midMulticast.holds(after(start, { crash: "P0" }))).toBe(false);
    expect(midMulticast.holds(after(...phaseOne, deliver("PROMISE b1 vote none", "A1", "P0", 1)))).toBe(true);
    expect(midMulticast.holds(after(...phaseOne, deliver("PROMISE b1 vote none", "A1", "P0"), { crash: "P0" }))).toBe(false);
    // Once the prefix it sent is delivered, nothing in flight shows the crash any more.
    expect(midMulticast.holds(after({ ...start, crashAfter: 1 }, deliver("PREPARE b1", "P0", "A0")))).toBe(false);
  });
});
