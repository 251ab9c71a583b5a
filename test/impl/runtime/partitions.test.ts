import { describe, expect, it } from "vitest";
import { explore } from "../../../explorer/index.ts";
import { runtimeSystem } from "../../../impl/runtime/index.ts";
import { viewOf } from "../../../impl/runtime/runtime-views.ts";
import { follow, stepsAt } from "./follow.ts";
import { basePing, pingProtocol, type PingConfig } from "./ping-protocol.ts";

const system = (config: Partial<PingConfig>) => runtimeSystem(pingProtocol, { ...basePing, ...config });
const apart = [["Pi", "Po0"], ["Po1"]];
const alone = [["Pi"], ["Po0", "Po1"]];
const go = { timeout: "Pi", timer: "go" };
const ping = (to: string) => ({ deliver: `PING 1 Pi->${to}`, from: "Pi", to });

describe("partitions: network.partitions, partition and heal steps", () => {
  it("state counts: each of ping's 10 states with the network healed or split into any declared partition", async () => {
    // A partition only holds messages back; it can be taken and healed at any point, so every
    // state of the unsplit space (10: runtime.test.ts) is reachable under each: 10 × (1 + p).
    expect(await explore(system({ partitions: [apart] }), { model: "ping" })).toMatchObject({ result: "pass", distinctStates: 20 });
    expect(await explore(system({ partitions: [apart, alone] }), { model: "ping" })).toMatchObject({ result: "pass", distinctStates: 30 });
  });

  it("a partition holds back messages across its sides, which heal delivers again", () => {
    const built = system({ partitions: [apart, alone] });
    expect(stepsAt(built, follow(built, [go]))).toEqual([ping("Po0"), ping("Po1"), { partition: apart }, { partition: alone }]);
    const split = follow(built, [go, { partition: apart }]);
    expect(stepsAt(built, split)).toEqual([ping("Po0"), { heal: true }]);
    expect(stepsAt(built, follow(built, [{ heal: true }], split))).toEqual([ping("Po0"), ping("Po1"), { partition: apart }, { partition: alone }]);
    expect(stepsAt(built, follow(built, [go, { partition: alone }]))).toEqual([{ heal: true }]);
  });

  it("properties see the sides in force (RuntimeView.split): none while healed, the declared ones while split", () => {
    const built = system({ partitions: [apart, alone] });
    expect(viewOf(built.runtime, follow(built, [go])).split).toBeUndefined();
    expect(viewOf(built.runtime, follow(built, [go, { partition: alone }])).split).toEqual(alone);
    expect(viewOf(built.runtime, follow(built, [go, { partition: apart }, { heal: true }])).split).toBeUndefined();
    expect(viewOf(system({}).runtime, follow(system({}), [go])).split).toBeUndefined();
  });

  it("with loss, a message held back by a partition may be dropped", () => {
    const built = system({ partitions: [apart], loss: true });
    expect(stepsAt(built, follow(built, [go, { partition: apart }]))).toEqual([
      ping("Po0"),
      { drop: "PING 1 Pi->Po0", from: "Pi", to: "Po0" },
      { drop: "PING 1 Pi->Po1", from: "Pi", to: "Po1" },
      { heal: true },
    ]);
  });
});
