import { describe, expect, it } from "vitest";
import { checkpointMadeStable, forgeriesDelivered, requestExecutedEverywhere } from "../../../properties/pbft/index.ts";
import { enabledStep, pbftSystem, replayViews, runChoices } from "../../support/pbft-runs.ts";

describe("what a PBFT model must reach (sometimes)", () => {
  it("a request executed by every correct replica, and a checkpoint made stable: not at the start, both at the end of a fair run", () => {
    const system = pbftSystem({ byzantine: [{ replica: 3, behaviours: ["silent"] }] });
    const run = runChoices(system, [], [], 200);
    for (const property of [requestExecutedEverywhere, checkpointMadeStable]) {
      expect(property.holds(run.views[0]!), property.name).toBe(false);
      expect(property.holds(run.views.at(-1)!), property.name).toBe(true);
    }
  });

  it("one per configured forging behaviour (not silent), holding once that behaviour's forgery has left the network", () => {
    const system = pbftSystem({ byzantine: [{ replica: 3, behaviours: ["silent", "conflicting-votes", "forge-reply"] }] });
    const properties = forgeriesDelivered(system.runtime.config);
    expect(properties.map((property) => property.name)).toEqual([
      "Byzantine R3's conflicting-votes forgery delivered to a correct replica",
      "Byzantine R3's forge-reply forgery delivered to a client",
    ]);
    const steps = [
      { step: "request", actor: "C0", op: "op0.1" },
      { deliver: "REQUEST c0 t1 op:op0.1 C0->R0", from: "C0", to: "R0" },
      { deliver: "PRE-PREPARE v0 n1 d:a81a96 R0->R3", from: "R0", to: "R3" },
    ] as never[];
    const holding = (more: readonly never[]) => properties.map((property) => property.holds(replayViews(system, [...steps, ...more]).at(-1)!));
    expect(holding([])).toEqual([false, false]);
    const vote = enabledStep(system, steps, (step) => (step as { step?: string }).step === "conflicting-votes")!;
    expect(holding([vote as never])).toEqual([false, false]);
    const delivered = enabledStep(system, [...steps, vote as never], (step) => "deliver" in step && (step as { from?: string }).from === "R3")!;
    expect(holding([vote as never, delivered as never])).toEqual([true, false]);
  });
});
