import { describe, expect, it } from "vitest";
import { SCHEDULE_LIMITS, describeStep, scheduleSchema, scheduleStep, stepKindOf, type ScheduleStep } from "../../../spec/common/schedule.ts";
import { InputError, parseInput } from "../../../spec/common/input-error.ts";

const valid = {
  version: 1,
  model: "pbft/n3_f1",
  config: { n: 3, f: 1 },
  seed: 7,
  steps: [
    { deliver: "PREPARE v0 n1 d:3fa2c1 R1->R2", from: "R1", to: "R2" },
    { step: "equivocate", actor: "R0", seq: 1, to: "R1", client: 0, timestamp: 1 },
    { partition: [["R0", "R1"], ["R2"]] },
    { heal: true },
    { step: "request", actor: "C0", op: "x" },
    { replay: "PREPARE v0 n1 d:3fa2c1 R1->R2 R0->R2", from: "R0", to: "R2" },
  ],
};

describe("Schedule format", () => {
  it("accepts every step kind of the architecture's format", () => {
    expect(scheduleSchema.parse(valid).steps).toHaveLength(6);
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
      "deliver PREPARE v0 n1 d:3fa2c1 R1->R2",
      "R0: equivocate seq=1 to=R1 client=0 timestamp=1",
      "partition {R0,R1} | {R2}",
      "heal partition",
      "C0: request op=x",
      "replay PREPARE v0 n1 d:3fa2c1 R1->R2 R0->R2",
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
    ["a step kind's name", { step: "s".repeat(129), actor: "R0" }, /^schedule steps\[0\]\.step: a step kind must be at most 128 characters$/],
    ["a protocol step's field", { step: "request", actor: "C0", op: "x".repeat(1025) }, /^schedule steps\[0\]\.op: a protocol step's field must be a string of at most 1024 characters$/],
    ["a protocol step's list", { step: "s", actor: "R0", values: Array.from({ length: 17 }, (_, i) => i) }, /^schedule steps\[0\]\.values: a protocol step's field must be a number, a boolean, null, a string of at most 1024 characters or a list of them$/],
    ["a protocol step's fields", { step: "s", actor: "R0", ...Object.fromEntries(Array.from({ length: 17 }, (_, i) => [`a${i}`, i])) }, /^schedule steps\[0\]: a protocol step has at most 16 fields, this one 17$/],
    ["a protocol step's field name", { step: "s", actor: "R0", ["k".repeat(129)]: 1 }, /^schedule steps\[0\]: a protocol step's field names are at most 128 characters$/],
    ["an actor's name", { timeout: "R".repeat(33) }, /^schedule steps\[0\]\.timeout: expected an actor name \(a letter, then up to 31 letters, digits or _\)$/],
    ["an actor by number, as older PBFT files named replicas", { crash: 2 }, /^schedule steps\[0\]\.crash: expected an actor name/],
    ["a crash part-way through a multicast", { deliver: "m", from: "R0", to: "R1", crashAfter: 129 }, /^schedule steps\[0\]\.crashAfter: crashAfter must be at most 128$/],
    ["a partition's sides", { partition: Array.from({ length: 33 }, (_, i) => [`R${i}`]) }, /^schedule steps\[0\]\.partition: a partition has at most 32 sides$/],
    ["a partition side", { partition: [Array.from({ length: 33 }, (_, i) => `R${i}`), ["C0"]] }, /^schedule steps\[0\]\.partition\[0\]: a side lists at most 32 actors$/],
    ["the old Byzantine step kind", { byzantine: 0, behaviour: "equivocate" }, /^schedule steps\[0\]: unknown step .*; a step is an object with one of the keys step, replay, deliver, drop, duplicate, timeout, crash, recover, partition, heal, gst$/],
    ["the old request step kind", { request: 0, op: "x" }, /^schedule steps\[0\]: unknown step/],
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
      { deliver: "m".repeat(1024), from: "R0", to: "R1", crashAfter: 128 },
      { timeout: `R${"1".repeat(31)}`, timer: "t".repeat(128) },
      { step: "s".repeat(128), actor: "R0", message: "m".repeat(1024), list: Array.from({ length: 16 }, (_, i) => i), ...Object.fromEntries(Array.from({ length: 14 }, (_, i) => [`a${i}`, i])) },
      { partition: [Array.from({ length: 32 }, (_, i) => `R${i}`), ...Array.from({ length: 31 }, (_, i) => [`C${i}`])] },
    ];
    expect(scheduleSchema.parse({ ...valid, model: "m".repeat(128), steps }).steps).toHaveLength(4);
  });
});

describe("runtime steps (actor names, timers, crashes part-way through a multicast)", () => {
  it("are described for people", () => {
    expect(describeStep({ deliver: "PING 1 Pi->Po0", from: "Pi", to: "Po0", crashAfter: 1 } as ScheduleStep)).toBe("deliver PING 1 Pi->Po0, then the receiver crashes after 1 of its sends");
    expect(describeStep({ timeout: "P0", timer: "start" } as ScheduleStep)).toBe("timeout start at P0");
    expect(describeStep({ timeout: "P0", timer: "retry", crashAfter: 2 } as ScheduleStep)).toBe("timeout retry at P0, then P0 crashes after 2 of its sends");
    expect(describeStep({ timeout: "R1" } as ScheduleStep)).toBe("timeout at R1");
    expect(describeStep({ crash: "P1" } as ScheduleStep)).toBe("crash P1");
    expect(describeStep({ recover: "P1" } as ScheduleStep)).toBe("recover P1");
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
