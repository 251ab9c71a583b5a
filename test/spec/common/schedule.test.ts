import { describe, expect, it } from "vitest";
import { describeStep, scheduleSchema, stepKindOf } from "../../../spec/common/schedule.ts";
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
});
