import { describe, expect, it } from "vitest";
import { replay } from "../../explorer/index.ts";
import { InputError } from "../../spec/common/input-error.ts";
import type { Schedule } from "../../spec/common/schedule.ts";
import { graphSystem, gridSystem, notAt } from "./tiny-systems.ts";

const schedule = (...moves: string[]): Schedule => ({ version: 1, model: "grid", config: {}, seed: 0, steps: moves.map((deliver) => ({ deliver })) });

describe("replay", () => {
  it("reproduces each step's action, state and failing properties", () => {
    const trace = replay(gridSystem(2, [notAt(1, 1)]), schedule("right", "up", "up"));
    expect(trace.initial).toEqual({ state: [0, 0], failing: [] });
    expect(trace.steps.map((step) => [step.index, step.description, step.action, step.state, step.failing])).toEqual([
      [0, "deliver right", "right", [1, 0], []],
      [1, "deliver up", "up", [1, 1], ["not at (1,1)"]],
      [2, "deliver up", "up", [1, 2], []],
    ]);
    expect(trace.firstViolation).toEqual({ index: 1, property: "not at (1,1)" });
  });

  it("describes states when the system can, and flags a terminal state failing `terminal`", () => {
    const system = graphSystem({ 0: [1] }, { terminal: { name: "termination", holds: () => false } });
    const trace = replay(system, { version: 1, model: "g", config: {}, seed: 0, steps: [{ deliver: "to 1" }] });
    expect(trace.steps[0]).toMatchObject({ stateDescription: "node 1", failing: ["termination"] });
  });

  it("names the step that is not enabled, and what is", () => {
    const run = () => replay(gridSystem(1), schedule("right", "right"));
    expect(run).toThrow(InputError);
    expect(run).toThrow("replay diverged at steps[1] (deliver right): not enabled after 1 step; enabled: deliver up");
  });

  it("starts from the initial state from which the schedule replays", () => {
    const system = graphSystem({ 0: [1], 5: [6] }, { initial: [0, 5] });
    const trace = replay(system, { version: 1, model: "g", config: {}, seed: 0, steps: [{ deliver: "to 6" }] });
    expect(trace.initial.state).toBe(5);
    expect(() => replay(system, { version: 1, model: "g", config: {}, seed: 0, steps: [{ deliver: "to 7" }] })).toThrow("steps[0] (deliver to 7)");
  });
});
