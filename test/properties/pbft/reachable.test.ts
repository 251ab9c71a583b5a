import { describe, expect, it } from "vitest";
import { applyStep, enabledSteps } from "../../../impl/cluster/cluster-steps.ts";
import { checkpointMadeStable, forgeriesDelivered, requestExecutedEverywhere } from "../../../properties/pbft/index.ts";
import { cluster, runToEnd } from "../../support/cluster-fixtures.ts";

describe("what a PBFT model must reach (sometimes)", () => {
  it("a request executed by every correct replica, and a checkpoint made stable: not at the start, both at the end of a fair run", () => {
    const target = cluster({ byzantine: [{ replica: 3, behaviours: ["silent"] }] });
    const { state } = runToEnd(target);
    for (const property of [requestExecutedEverywhere, checkpointMadeStable]) {
      expect(property.holds(target.initial()), property.name).toBe(false);
      expect(property.holds(state), property.name).toBe(true);
    }
  });

  it("one per configured Byzantine behaviour (not silent), holding once that behaviour's forgery was delivered", () => {
    const target = cluster({ byzantine: [{ replica: 3, behaviours: ["silent", "conflicting-votes", "forge-reply"] }] });
    const properties = forgeriesDelivered(target.config);
    expect(properties.map((property) => property.name)).toEqual([
      "Byzantine replica 3's conflicting-votes forgery delivered to a correct replica",
      "Byzantine replica 3's forge-reply forgery delivered to a client",
    ]);
    let state = applyStep(target, target.initial(), { request: 0, op: "op0.1" });
    expect(properties.map((property) => property.holds(state))).toEqual([false, false]);
    const vote = enabledSteps(target, state).find((step) => (step as { behaviour?: string }).behaviour === "conflicting-votes")!;
    state = applyStep(target, state, vote);
    expect(properties.map((property) => property.holds(state))).toEqual([true, false]);
    const reply = enabledSteps(target, state).find((step) => (step as { behaviour?: string }).behaviour === "forge-reply")!;
    expect(properties.map((property) => property.holds(applyStep(target, state, reply)))).toEqual([true, true]);
  });
});
