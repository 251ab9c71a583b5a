import { describe, expect, it } from "vitest";
import { explore, replay } from "../../../explorer/index.ts";
import { runtimeSystem } from "../../../impl/runtime/index.ts";
import type { ModelDefinition } from "../../../models/model.ts";
import { sequenceDiagram } from "../../../reporting/mermaid.ts";
import { actorOf, participantsOf } from "../../../reporting/trace.ts";
import { describeStep, scheduleStep, type ScheduleStep } from "../../../spec/common/schedule.ts";
import {
  assertActionsDeterministic,
  assertEncodersAgree,
  assertEncodingInjective,
  assertEncodingStableAcrossBuilds,
  assertStepPure,
  assertStepsRoundTrip,
} from "../../models/contract/model-contract.ts";
import { randomWalks, statesOf } from "../../models/contract/random-walks.ts";
import { follow } from "./follow.ts";
import { basePing, pingProtocol, type PingConfig } from "./ping-protocol.ts";

/** Ping with every optional part of the declaration at once. */
const everything: PingConfig = {
  ...basePing,
  stopAfter: 2,
  crashes: 1,
  recover: true,
  midMulticast: true,
  loss: true,
  duplication: { copies: 1 },
  partitions: [[["Pi", "Po0"], ["Po1"]]],
  time: { kind: "partial-sync", delta: 1 },
};
const system = () => runtimeSystem(pingProtocol, everything);

/** One step of each new kind, and the people's text of each (describeStep). */
const steps: [ScheduleStep, string][] = [
  [{ partition: [["Pi", "Po0"], ["Po1"]] }, "partition {Pi,Po0} | {Po1}"],
  [{ heal: true }, "heal partition"],
  [{ timeout: "Pi", timer: "go" }, "timeout go at Pi"],
  [{ duplicate: "PING 1 Pi->Po0", from: "Pi", to: "Po0" }, "duplicate PING 1 Pi->Po0"],
  [{ drop: "PING 1 Pi->Po1", from: "Pi", to: "Po1" }, "drop PING 1 Pi->Po1"],
  [{ crash: "Pi" }, "crash Pi"],
  [{ recover: "Pi" }, "recover Pi"],
  [{ gst: true }, "global stabilisation time"],
  [{ deliver: "PING 1 Pi->Po0", from: "Pi", to: "Po0" }, "deliver PING 1 Pi->Po0"],
];

describe("the new steps as Schedule steps", () => {
  it("each kind round-trips through JSON, toStep and fromStep, and a schedule of them replays state for state", () => {
    const built = system();
    let state = built.initial()[0]!;
    const states: Uint32Array[] = [];
    for (const [step] of steps) {
      const action = built.fromStep(state, JSON.parse(JSON.stringify(step)) as ScheduleStep);
      expect(action, JSON.stringify(step)).toBeDefined();
      expect(built.toStep(action!)).toEqual(step);
      expect(scheduleStep.safeParse(step).success).toBe(true);
      state = built.step(state, action!);
      states.push(state);
    }
    const trace = replay(system(), { version: 1, model: "ping", config: {}, seed: 0, steps: steps.map(([step]) => step) });
    expect(trace.steps.map((entry) => entry.description)).toEqual(steps.map(([, text]) => text));
    expect(trace.steps.map((entry) => Array.from(entry.state))).toEqual(states.map((each) => Array.from(each)));
    expect(Array.from(follow(built, steps.map(([step]) => step)))).toEqual(Array.from(state));
  });

  it("the diagrams draw them: a recovery at its actor's lane, partition, heal and GST across all lanes, a duplication between its endpoints", () => {
    const trace = steps.map(([step]) => ({ step, description: describeStep(step), violated: [] }));
    expect(actorOf({ recover: "Pi" })).toBe("Pi");
    expect(participantsOf(trace, ["Pi", "Po0", "Po1"])).toEqual(["Pi", "Po0", "Po1"]);
    // Lanes are Mermaid ids (reporting/escape/mermaid-id.ts): Pi, Po0, Po1 below.
    const [pi, po0, po1] = ["p_00500069", "p_0050006f0030", "p_0050006f0031"];
    const lines = sequenceDiagram(trace, { Pi: "waiting", Po0: "serving", Po1: "serving" }).split("\n");
    expect(lines.filter((line) => /: \d+\. /.test(line))).toEqual([
      `  Note over ${pi},${po1}: 1. partition #123;Pi,Po0#125; | #123;Po1#125;`,
      `  Note over ${pi},${po1}: 2. heal partition`,
      `  Note over ${pi}: 3. timeout go at Pi`,
      `  Note over ${pi},${po0}: 4. network duplicates PING 1`,
      `  ${pi}-x${po1}: 5. dropped PING 1`,
      `  Note over ${pi}: 6. crash Pi`,
      `  Note over ${pi}: 7. recover Pi`,
      `  Note over ${pi},${po1}: 8. global stabilisation time`,
      `  ${pi}->>${po0}: 9. PING 1`,
    ]);
  });

  it("a model with every part meets the TransitionSystem contract on seeded random walks", () => {
    const model = { name: "ping/everything", config: everything, build: (config: PingConfig) => runtimeSystem(pingProtocol, config) } as unknown as ModelDefinition<unknown>;
    const built = model.build(model.config);
    const walks = randomWalks(built, 20_240_917, 12, 64);
    const states = statesOf(walks);
    assertActionsDeterministic(model, built, walks);
    assertEncodingStableAcrossBuilds(model, built, walks);
    assertStepPure(built, walks);
    assertEncodingInjective(built, states);
    assertEncodersAgree(built, states);
    assertStepsRoundTrip(built, states);
  });

  it("a checkpoint of it resumes in a fresh build to the uninterrupted figures (the new words are state; nothing new is interned)", async () => {
    const small: PingConfig = { ...everything, pongers: 1, partitions: [[["Pi"], ["Po0"]]] };
    const uninterrupted = await explore(runtimeSystem(pingProtocol, small), { model: "ping" });
    const saves: Uint8Array[] = [];
    await explore(runtimeSystem(pingProtocol, small), { model: "ping", checkpoint: { everySeconds: 0, save: (bytes) => void saves.push(bytes), identity: "t" } });
    expect(saves.length).toBeGreaterThan(3);
    for (const bytes of [saves[1]!, saves[saves.length >> 1]!]) {
      const resumed = await explore(runtimeSystem(pingProtocol, small), { model: "ping", resumeFrom: bytes, checkpoint: { everySeconds: Infinity, save: () => undefined, identity: "t" } });
      expect({ ...resumed, seconds: 0, statesPerSecond: 0 }).toEqual({ ...uninterrupted, seconds: 0, statesPerSecond: 0 });
    }
  });
});
