import { describe, expect, it } from "vitest";
import { pbftAssumptions, PBFT_ASSUMPTIONS } from "../../../models/pbft/define-pbft-model.ts";
import { pbftProtocol, viewChangeSettings } from "../../../models/pbft/pbft-protocol.ts";
import { pbftConfigSchema } from "../../../spec/pbft/config.ts";
import { runtimeSystem } from "../../../impl/runtime/runtime-system.ts";
import { vcReplica } from "../../support/view-change-fixtures.ts";

const base = { n: 4, f: 1, requests: 1, checkpointInterval: 4, window: 4 };
const parse = (viewChange?: unknown) => pbftConfigSchema.parse({ ...base, ...(viewChange === undefined ? {} : { viewChange }) });

describe("PBFT's declaration with the view change", () => {
  it("without viewChange: async, no crash, one view — the normal case as before", () => {
    const config = parse();
    expect(pbftProtocol.time(config)).toEqual({ kind: "async" });
    expect(pbftProtocol.faults(config).crashes).toBe(0);
    expect(viewChangeSettings(config)).toBeNull();
    expect(pbftAssumptions(config)).toBe(PBFT_ASSUMPTIONS);
  });

  it("partial synchrony with Δ by default, async on request (the FLP witness)", () => {
    expect(pbftProtocol.time(parse({ maxView: 1 }))).toEqual({ kind: "partial-sync", delta: 2, timeouts: "delta" });
    expect(pbftProtocol.time(parse({ maxView: 1, timeouts: "long-enough" }))).toEqual({ kind: "partial-sync", delta: 2, timeouts: "long-enough" });
    expect(pbftAssumptions(parse({ maxView: 1, timeouts: "long-enough" }))).toMatch(/no timer expires while any message to a correct actor is in flight/);
    expect(pbftProtocol.time(parse({ maxView: 1, time: "async", delta: 3 }))).toEqual({ kind: "async" });
    expect(pbftAssumptions(parse({ maxView: 1, time: "async" }))).toMatch(/^Asynchronous network: any timer may expire/);
    expect(pbftAssumptions(parse({ maxView: 2 }))).toMatch(/Δ = 2 steps.*up to view 2 \(the cut-off\)/);
  });

  it("the cut-off is a bound of the reports; a VIEW-CHANGE quorum of 2f+1 unless the mutant weakens it", () => {
    const config = parse({ maxView: 2 });
    expect(pbftProtocol.bounds!(config)).toContain(
      "views 0 … 2: a replica in view 2 starts no further view change, and its timer's expiry there is the cut-off; a timeout is a number of timer expiries, doubled by each consecutive view change; a client retransmits its request to all replicas once",
    );
    expect(viewChangeSettings(config)).toEqual({ maxView: 2, viewChangeQuorum: 3, bug: null });
    expect(viewChangeSettings(parse({ maxView: 1, bug: "weak-view-change-quorum" }))!.viewChangeQuorum).toBe(2);
  });

  it("crashable replicas run the replica machine under a role of their own; the crash budget shares f", () => {
    const config = parse({ maxView: 1, crashes: 1, crashable: [0] });
    expect(pbftProtocol.faults(config)).toMatchObject({ crashes: 1, crashable: ["crashableReplica"], budget: 1 });
    expect(pbftProtocol.actors(config).map((actor) => actor.role)).toEqual(["crashableReplica", "replica", "replica", "replica", "client"]);
    expect(pbftProtocol.faults(parse({ maxView: 1, crashes: 1 })).crashable).toEqual(["replica"]);
    expect(() => pbftConfigSchema.parse({ ...base, byzantine: [{ replica: 0, behaviours: ["silent"] }], viewChange: { maxView: 1, crashes: 1, crashable: [0] } })).toThrow(/Byzantine replicas and crashes together are 2|correct replica/);
    expect(() => pbftConfigSchema.parse({ ...base, viewChange: { maxView: 4 } })).toThrow(/at most 3/);
  });

  it("midMulticast lets a crash stop a multicast part-way (the runtime's crashAfter), and needs a crash to do it", () => {
    const config = parse({ maxView: 1, crashes: 1, crashable: [0], midMulticast: true });
    expect(pbftProtocol.faults(config)).toMatchObject({ crashes: 1, crashable: ["crashableReplica"], midMulticast: true });
    expect(pbftProtocol.faults(parse({ maxView: 1, crashes: 1, crashable: [0] })).midMulticast).toBe(false);
    expect(() => parse({ maxView: 1, midMulticast: true })).toThrow(/needs crashes of at least 1/);
    // R0 takes the client's request and multicasts its PRE-PREPARE to three backups: a crash may stop it after the first or the second.
    const system = runtimeSystem(pbftProtocol, { ...config, viewChange: { ...config.viewChange!, time: "async" as const } });
    let [state] = system.initial();
    const request = system.actions(state!).find((action) => JSON.stringify(system.toStep(action)).includes('"request"'))!;
    state = system.step(state!, request);
    const deliveries = system.actions(state!).filter((action) => JSON.stringify(system.toStep(action)).includes("REQUEST c0 t1"));
    expect(deliveries.map((action) => (system.toStep(action) as { crashAfter?: number }).crashAfter ?? 0)).toEqual([0, 1, 2]);
    const crashed = system.step(state!, deliveries[1]!);
    const prePrepares = system.actions(crashed).map((action) => JSON.stringify(system.toStep(action))).filter((text) => text.includes("PRE-PREPARE"));
    expect(prePrepares).toHaveLength(1);
  });

  it("a replica's summary names its view, and whether it is changing", () => {
    const summary = (state: ReturnType<typeof vcReplica>) => pbftProtocol.summarise!({ name: "R1", role: "replica", index: 1, crashed: false, byzantine: false, correct: true, value: state.value, context: state.context });
    const replica = vcReplica(1);
    expect(summary(replica)).toBe("v0, h=0");
    expect(summary({ ...replica, context: { ...replica.context, view: 1 } })).toBe("v1 (changing), h=0");
  });
});
