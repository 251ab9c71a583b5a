import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { explore } from "../../../../explorer/index.ts";
import { buildPbftN4F1 } from "../../../../models/bench/pbft_n4f1/index.ts";
import { canonicalEncoding } from "../../../../models/bench/pbft_n4f1/symmetry.ts";
import { InputError } from "../../../../spec/common/input-error.ts";
import type { Schedule, ScheduleStep } from "../../../../spec/common/schedule.ts";
import { replay, type TransitionSystem } from "../../../../explorer/index.ts";

const schedule = (steps: ScheduleStep[]): Schedule => ({ version: 1, model: "bench/pbft_n4f1", config: {}, seed: 0, steps });

/** The steps of a run that takes, at each state, enabled action number `choice mod count`. */
function walk<S>(system: TransitionSystem<S, number>, choices: number[]): ScheduleStep[] {
  let state = system.initial()[0];
  const steps: ScheduleStep[] = [];
  for (const choice of choices) {
    const actions = system.actions(state);
    if (actions.length === 0) break;
    const action = actions[choice % actions.length];
    steps.push(system.toStep(action));
    state = system.step(state, action);
  }
  return steps;
}

/** The same step with correct replica r renamed permutation[r - 1] (0 stays) and, if asked, A ↔ B. */
function relabel(step: ScheduleStep, permutation: number[], swap: boolean): ScheduleStep {
  const rename = (r: number): number => (r === 0 ? 0 : permutation[r - 1]);
  const renamed = (name: string): string => `R${rename(Number(name.slice(1)))}`;
  const deliver = (step as { deliver?: unknown }).deliver;
  if (typeof deliver === "string") {
    const { from, to } = step as { from: string; to: string };
    return { deliver: `${deliver.split(" ")[0]} ${renamed(from)}->${renamed(to)}`, from: renamed(from), to: renamed(to) };
  }
  const byzantine = step as { step: string; actor: string; to: string; value: string };
  const value = swap ? (byzantine.value === "A" ? "B" : "A") : byzantine.value;
  return { ...byzantine, to: renamed(byzantine.to), value };
}

describe("bench/pbft_n4f1 under symmetry reduction (SPEC.md §7.1)", () => {
  // Its `sometimes` must be preserved by the group: with A ↔ B, only "a value" is asked for.
  it.each([
    ["replicas", 192_640, 1_339_426, [["a correct replica committed A", 9], ["a correct replica committed B", 9]]],
    ["replicas-and-values", 96_334, 669_823, [["a correct replica committed a value", 9]]],
  ] as const)("stores exactly one state per orbit of %s: %i orbits, %i transitions from representatives", async (symmetry, orbits, transitions, reached) => {
    const result = await explore(buildPbftN4F1({ qp: 3, qc: 3, symmetry }), { symmetry: true });
    expect(result).toMatchObject({ result: "pass", distinctStates: orbits, transitions, maxDepth: 24 });
    expect(result.sometimes?.map((entry) => [entry.name, entry.witness?.steps.length])).toEqual(reached);
  });

  it("still finds the mutant's 8-step agreement counterexample, and it replays", async () => {
    const system = buildPbftN4F1({ qp: 2, qc: 2, properties: ["agreement"], symmetry: "replicas-and-values" });
    const result = await explore(system, { symmetry: true });
    expect(result).toMatchObject({ result: "violation", property: "agreement" });
    expect(result.counterexample?.steps).toHaveLength(8);
  });

  it("maps states to the same representative when replicas are relabelled and A, B swapped along a whole run", () => {
    const system = buildPbftN4F1({ qp: 2, qc: 3 });
    const permutations = [[1, 2, 3], [2, 3, 1], [3, 1, 2], [1, 3, 2], [3, 2, 1], [2, 1, 3]];
    fc.assert(
      fc.property(fc.array(fc.nat(), { minLength: 1, maxLength: 24 }), fc.constantFrom(...permutations), fc.boolean(), (choices, permutation, swap) => {
        const steps = walk(system, choices);
        const mirrored = steps.map((step) => relabel(step, permutation, swap));
        const original = replay(system, schedule(steps)).steps.map((step) => step.state);
        const image = replay(system, schedule(mirrored)).steps.map((step) => step.state);
        const group = swap ? "replicas-and-values" : "replicas";
        for (const [i, state] of original.entries()) expect(canonicalEncoding(image[i], group)).toEqual(canonicalEncoding(state, group));
      }),
      { numRuns: 60 },
    );
  });

  it("refuses symmetry reduction for a system without a symmetry", async () => {
    await expect(explore(buildPbftN4F1({ qp: 3, qc: 3 }), { symmetry: true })).rejects.toThrow(InputError);
  });
});
