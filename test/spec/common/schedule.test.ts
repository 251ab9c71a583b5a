import { describe, expect, it } from "vitest";
import { SCHEDULE_LIMITS, describeStep, scheduleSchema, scheduleStep, stepKindOf, type ScheduleStep } from "../../../spec/common/schedule.ts";
import { InputError, parseInput } from "../../../spec/common/input-error.ts";

const valid = {
  version: 1,
  model: "pbft/n3_f1",
  config: { n: 3, f: 1 },
  seed: 7,
  steps: [
    { deliver: "PREPARE v0 n1 1->2" },
    { byzantine: 0, behaviour: "equivocate", to: 1, value: "A" },
    { partition: [[0, 1], [2]] },
    { heal: true },
    { request: 0, op: "x" },
  ],
};

describe("Schedule format", () => {
  it("accepts every step kind of the architecture's format", () => {
    expect(scheduleSchema.parse(valid).steps).toHaveLength(5);
  });

  it("names the step and the known kinds when a step is unknown", () => {
    const bad = { ...valid, steps: [{ deliver: "m" }, { teleport: 3 }] };
    expect(() => parseInput(scheduleSchema, bad, "schedule")).toThrow(InputError);
    expect(() => parseInput(scheduleSchema, bad, "schedule")).toThrow(/schedule steps\[1\]: unknown step .*deliver, drop/);
  });

  it("names the field of a malformed known step", () => {
    const bad = { ...valid, steps: [{ deliver: 5 }] };
    expect(() => parseInput(scheduleSchema, bad, "schedule")).toThrow(/steps\[0\]\.deliver/);
  });

  it("rejects an unsupported version", () => {
    expect(() => parseInput(scheduleSchema, { ...valid, version: 2 }, "schedule")).toThrow(/schedule version/);
  });

  it("renders each step on one line", () => {
    expect(valid.steps.map((step) => describeStep(step as never))).toEqual([
      "deliver PREPARE v0 n1 1->2",
      "byzantine replica 0: equivocate to=1 value=A",
      "partition {0,1} | {2}",
      "heal partition",
      'client 0 requests "x"',
    ]);
    expect(stepKindOf([1])).toBeUndefined();
  });

  const error = (schedule: unknown): string => {
    try {
      parseInput(scheduleSchema, schedule, "schedule");
    } catch (caught) {
      expect(caught).toBeInstanceOf(InputError);
      return (caught as Error).message;
    }
    throw new Error("expected the schedule to be rejected");
  };
  const withStep = (step: unknown) => ({ ...valid, steps: [step] });

  it("takes a seed of 32 bits, as the PRNG does, and says so", () => {
    expect(scheduleSchema.parse({ ...valid, seed: 0xffffffff }).seed).toBe(4294967295);
    expect(error({ ...valid, seed: 2 ** 32 })).toMatch(/^schedule seed: expected a whole number from 0 to 4294967295 \(the PRNG is seeded with 32 bits: explorer\/prng\.ts takes no more\)$/);
    expect(error({ ...valid, seed: -1 })).toMatch(/^schedule seed: expected a whole number from 0 to 4294967295 \(the PRNG is seeded with 32 bits\)$/);
    expect(error({ ...valid, seed: 1.5 })).toMatch(/^schedule seed: expected a whole number from 0 to 4294967295/);
    expect(error({ ...valid, seed: "7" })).toMatch(/^schedule seed: expected a whole number from 0 to 4294967295/);
  });

  it("bounds the number of steps", () => {
    const steps = Array.from({ length: SCHEDULE_LIMITS.steps + 1 }, () => ({ heal: true }));
    const started = performance.now();
    expect(error({ ...valid, steps })).toMatch(/^schedule steps: a schedule has at most 1000000 steps/);
    // The length is checked before a million steps are parsed one by one.
    expect(performance.now() - started).toBeLessThan(1000);
  });

  it.each([
    ["a message id", { deliver: "m".repeat(1025) }, /^schedule steps\[0\]\.deliver: a message id must be at most 1024 characters$/],
    ["a dropped message id", { drop: "m".repeat(1025) }, /^schedule steps\[0\]\.drop: a message id must be at most 1024 characters$/],
    ["an empty message id", { duplicate: "" }, /^schedule steps\[0\]\.duplicate: expected a message id, not an empty string$/],
    ["an op", { request: 0, op: "x".repeat(257) }, /^schedule steps\[0\]\.op: an op must be at most 256 characters$/],
    ["a client id", { request: 16, op: "x" }, /^schedule steps\[0\]\.request: must be at most 15 \(a model has at most 16 clients\)$/],
    ["a replica id", { timeout: 64 }, /^schedule steps\[0\]\.timeout: must be at most 63 \(a cluster has at most 64 replicas\)$/],
    ["a negative replica id", { crash: -1 }, /^schedule steps\[0\]\.crash: expected a replica id, a whole number from 0 to 63$/],
    ["a behaviour name", { byzantine: 0, behaviour: "b".repeat(129) }, /^schedule steps\[0\]\.behaviour: a behaviour name must be at most 128 characters$/],
    ["a Byzantine argument", { byzantine: 0, behaviour: "replay", message: "m".repeat(1025) }, /^schedule steps\[0\]\.message: a Byzantine step's argument must be/],
    ["the Byzantine arguments", { byzantine: 0, behaviour: "b", ...Object.fromEntries(Array.from({ length: 17 }, (_, i) => [`a${i}`, i])) }, /^schedule steps\[0\]: a Byzantine step has at most 16 arguments, this one 17$/],
    ["a Byzantine argument's name", { byzantine: 0, behaviour: "b", ["k".repeat(129)]: 1 }, /^schedule steps\[0\]: a Byzantine step's argument names are at most 128 characters$/],
    ["a partition's sides", { partition: Array.from({ length: 65 }, () => [0]) }, /^schedule steps\[0\]\.partition: a partition has at most 64 sides$/],
    ["a partition side", { partition: [Array.from({ length: 65 }, () => 0), [1]] }, /^schedule steps\[0\]\.partition\[0\]: a side lists at most 64 replicas$/],
  ])("bounds %s", (_what, step, message) => {
    expect(error(withStep(step))).toMatch(message);
  });

  it("bounds the model name and keeps an unknown step's echo short", () => {
    expect(error({ ...valid, model: "m".repeat(129) })).toMatch(/^schedule model: a model name must be at most 128 characters$/);
    const message = error(withStep({ teleport: "x".repeat(5_000_000) }));
    expect(message).toMatch(/^schedule steps\[0\]: unknown step \{"teleport":"x+…; a step is an object with one of the keys step, replay, deliver/);
    expect(message.length).toBeLessThan(300);
  });

  it("accepts the largest values of each bound", () => {
    const steps = [
      { deliver: "m".repeat(1024) },
      { request: 15, op: "x".repeat(256) },
      { timeout: 63 },
      { byzantine: 63, behaviour: "b".repeat(128), message: "m".repeat(1024), ...Object.fromEntries(Array.from({ length: 15 }, (_, i) => [`a${i}`, i])) },
    ];
    expect(scheduleSchema.parse({ ...valid, model: "m".repeat(128), steps }).steps).toHaveLength(4);
  });
});

describe("runtime steps (actor names, timers, crashes part-way through a multicast)", () => {
  it("are described for people", () => {
    expect(describeStep({ deliver: "PING 1 Pi->Po0", from: "Pi", to: "Po0", crashAfter: 1 } as ScheduleStep)).toBe("deliver PING 1 Pi->Po0, then the receiver crashes after 1 of its sends");
    expect(describeStep({ timeout: "P0", timer: "start" } as ScheduleStep)).toBe("timeout start at P0");
    expect(describeStep({ timeout: "P0", timer: "retry", crashAfter: 2 } as ScheduleStep)).toBe("timeout retry at P0, then P0 crashes after 2 of its sends");
    expect(describeStep({ timeout: 1 } as ScheduleStep)).toBe("timeout at replica 1");
    expect(describeStep({ crash: "P1" } as ScheduleStep)).toBe("crash P1");
    expect(describeStep({ crash: 2 } as ScheduleStep)).toBe("crash replica 2");
    expect(describeStep({ recover: "P1" } as ScheduleStep)).toBe("recover P1");
    expect(describeStep({ recover: 2 } as ScheduleStep)).toBe("recover replica 2");
    expect(describeStep({ partition: [["P0", "A0"], ["A1", "A2"]] } as ScheduleStep)).toBe("partition {P0,A0} | {A1,A2}");
    expect(describeStep({ duplicate: "PING 1 Pi->Po0", from: "Pi", to: "Po0" } as ScheduleStep)).toBe("duplicate PING 1 Pi->Po0");
  });

  it("are validated: actor names, not any string", () => {
    expect(scheduleStep.safeParse({ crash: "P1" }).success).toBe(true);
    expect(scheduleStep.safeParse({ crash: "all of them" }).success).toBe(false);
    expect(scheduleStep.safeParse({ deliver: "X", from: "9x" }).success).toBe(false);
    expect(scheduleStep.safeParse({ deliver: "X", from: "A", to: "B", crashAfter: -1 }).success).toBe(false);
    expect(scheduleStep.safeParse({ recover: "P1" }).success).toBe(true);
    expect(scheduleStep.safeParse({ recover: "1P" }).success).toBe(false);
    expect(scheduleStep.safeParse({ partition: [["P0", "A0"], ["A1", "A2"]] }).success).toBe(true);
    expect(scheduleStep.safeParse({ partition: [["P0", "a side"], ["A1"]] }).success).toBe(false);
    expect(scheduleStep.safeParse({ duplicate: "PING 1 Pi->Po0", from: "Pi", to: "Po0" }).success).toBe(true);
  });
});
