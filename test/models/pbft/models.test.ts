import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { pbftModels, n4_f1_primary_weak_commit, n4_f1_primary_weak_quorums } from "../../../models/pbft/index.ts";
import type { ModelDefinition } from "../../../models/model.ts";
import type { PbftConfig } from "../../../spec/pbft/config.ts";
import { parseInput } from "../../../spec/common/input-error.ts";
import { scheduleSchema } from "../../../spec/common/schedule.ts";
import type { Schedule } from "../../../spec/common/schedule.ts";
import type { RuntimeView } from "../../../impl/runtime/index.ts";
import { viewOf } from "../../../impl/runtime/runtime-views.ts";
import { agreementHolds } from "../../../properties/pbft/agreement.ts";
import { terminationHolds } from "../../../properties/pbft/termination.ts";
import { pbftSafetyInvariants } from "../../../properties/pbft/safety.ts";
import { preparedAgreementHolds } from "../../../properties/pbft/prepared-agreement.ts";

function fixture(name: string): Schedule {
  const text = readFileSync(new URL(`./fixtures/${name}.schedule.json`, import.meta.url), "utf8");
  return parseInput(scheduleSchema, JSON.parse(text), `fixture ${name}`);
}

function modelNamed(name: string): ModelDefinition<PbftConfig> {
  const model = pbftModels.find((candidate) => candidate.name === name);
  if (model === undefined) throw new Error(`no model ${name}`);
  return model;
}

interface Replayed {
  views: RuntimeView[];
  /** Whether any action is enabled in the last state. */
  deadEnd: boolean;
}

/** Replays a counterexample through the runtime with the model's own config (or another). */
function replayFixture(name: string, config?: PbftConfig): Replayed {
  const schedule = fixture(name);
  const model = modelNamed(schedule.model);
  const system = model.build(parseInput(model.configSchema, config ?? schedule.config, "schedule config")) as ReturnType<typeof model.build> & { runtime: Parameters<typeof viewOf>[0] };
  let state = system.initial()[0];
  const views = [viewOf(system.runtime, state)];
  schedule.steps.forEach((step, index) => {
    const action = system.fromStep!(state, step);
    if (action === undefined) throw new Error(`${name}: step ${index} is not enabled: ${JSON.stringify(step)}`);
    state = system.step(state, action);
    views.push(viewOf(system.runtime, state));
  });
  return { views, deadEnd: system.actions(state).length === 0 };
}

/** The property fails in the last state and in no earlier one. */
function expectFailsAtLastStepOnly({ views: states }: Replayed, holds: (view: RuntimeView) => boolean): void {
  expect(holds(states.at(-1)!)).toBe(false);
  expect(states.slice(0, -1).every(holds)).toBe(true);
}

describe("PBFT models", () => {
  it("registers the five models of the issue, the quorum mutants and seed catalogue A18's sizes and faults", () => {
    expect(pbftModels.map((model) => model.name)).toEqual([
      "pbft/n4_f1",
      "pbft/n4_f1_primary",
      "pbft/n3_f1",
      "pbft/n3_f1_q2f1",
      "pbft/n4_f2",
      "pbft/n4_f1_primary_weak_commit",
      "pbft/n4_f1_primary_weak_quorums",
      "pbft/n4_f1_c2_l4",
      "pbft/n4_f1_c2_r2_simulated",
      "pbft/n4_f1_lossy",
      "pbft/n4_f1_lossy_k1",
      "pbft/n3_f0_state_transfer",
      "pbft/n3_f0_state_transfer_lossy",
      "pbft/n3_f0_unchecked_state_transfer",
    ]);
  });

  it("each config round-trips through its schema and builds a system with the safety invariants, plus prepared agreement where it must pass", () => {
    const safety = pbftSafetyInvariants.map((invariant) => invariant.name);
    for (const model of pbftModels) {
      expect(model.configSchema.parse(model.config)).toEqual(model.config);
      const system = model.build(model.config);
      // A violation model checks only the safety suite, so its pinned property stays the one it reports.
      const expected = model.expected.result === "pass" ? [...safety, "prepared agreement"] : safety;
      expect(system.invariants.map((invariant) => invariant.name), model.name).toEqual(expected);
      expect(system.terminal?.name).toBe(model.config.checkTermination ? "termination" : undefined);
      expect(model.expected.distinctStates).toBeGreaterThan(0);
    }
  });

  it("flags the models outside the fault assumptions", () => {
    const flagged = pbftModels.filter((model) => (model.warnings?.(model.config) ?? []).length > 0).map((model) => model.name);
    expect(flagged).toEqual(["pbft/n3_f1", "pbft/n3_f1_q2f1", "pbft/n4_f2", "pbft/n4_f1_primary_weak_commit", "pbft/n4_f1_primary_weak_quorums",
      // f = 0 with a forge-state replica beyond the budget, on purpose (models/pbft/n3_f0_state_transfer.ts).
      "pbft/n3_f0_state_transfer", "pbft/n3_f0_state_transfer_lossy", "pbft/n3_f0_unchecked_state_transfer",
    ]);
    expect(modelNamed("pbft/n3_f0_state_transfer").warnings?.(modelNamed("pbft/n3_f0_state_transfer").config)).toContain("1 Byzantine replicas exceed the fault budget f = 0");
    expect(modelNamed("pbft/n4_f2").warnings?.(modelNamed("pbft/n4_f2").config)).toContain("n = 4 < 3f+1 = 7: the Byzantine bound is not met");
  });

  it("pbft/n3_f1: the shortest counterexample (12 steps) breaks agreement at its last step", () => {
    const replayed = replayFixture("n3_f1");
    expect(replayed.views).toHaveLength(modelNamed("pbft/n3_f1").expected.maxDepth + 1);
    expectFailsAtLastStepOnly(replayed, agreementHolds);
  });

  it("pbft/n3_f0_unchecked_state_transfer: the lagging replica adopts R2's forged state unchecked and breaks agreement at the last step", () => {
    const replayed = replayFixture("n3_f0_unchecked_state_transfer");
    expect(replayed.views).toHaveLength(modelNamed("pbft/n3_f0_unchecked_state_transfer").expected.maxDepth + 1);
    expectFailsAtLastStepOnly(replayed, agreementHolds);
  });

  it("pbft/n4_f2: f = 2 Byzantine replicas with n-f quorums break agreement", () => {
    const replayed = replayFixture("n4_f2");
    expect(replayed.views).toHaveLength(modelNamed("pbft/n4_f2").expected.maxDepth + 1);
    expectFailsAtLastStepOnly(replayed, agreementHolds);
  });

  it("pbft/n3_f1_q2f1: a silent replica blocks progress — a terminal state with the request unexecuted, agreement intact", () => {
    const { views, deadEnd } = replayFixture("n3_f1_q2f1");
    expect(deadEnd).toBe(true);
    expect(terminationHolds(views.at(-1)!)).toBe(false);
    expect(views.every(agreementHolds)).toBe(true);
  });

  it("the harness catches broken quorums: with both certificates weakened to 2f, n4_f1_primary breaks agreement", () => {
    const replayed = replayFixture("n4_f1_primary_weak_quorums");
    expect(replayed.views).toHaveLength(n4_f1_primary_weak_quorums.expected.maxDepth + 1);
    expectFailsAtLastStepOnly(replayed, agreementHolds);
    expect(preparedAgreementHolds(replayed.views.at(-1)!)).toBe(false);
  });

  it("weakening only the commit quorum to 2f does not break agreement in one view: the same attack fails", () => {
    const { views } = replayFixture("n4_f1_primary_weak_quorums", { ...n4_f1_primary_weak_commit.config, forgeryBudget: 4 });
    expect(views.every(agreementHolds)).toBe(true);
    expect(views.every(preparedAgreementHolds)).toBe(true);
    const backups = views.at(-1)!.role("replica");
    expect(backups.map((replica) => replica.context.slots[1]?.value)).toEqual(["prePrepared", "prePrepared", undefined]);
  });
});
