import { describe, expect, it } from "vitest";
import { runtimeSystem } from "../../../impl/runtime/index.ts";
import { powRaceConfigSchema, powRaceProtocol, type PowRaceConfig } from "../../../models/hybrid/pow-race-protocol.ts";
import { runtimeRaceCells, RUNTIME_CELLS } from "../../../models/hybrid/runtime-race-cells.ts";
import { simulatePowRace } from "../../../models/hybrid/simulate-pow-race.ts";
import { rosenfeldSuccess, simulateDoubleSpend } from "../../../properties/hybrid/double-spend.ts";
import { exactDoubleSpend } from "../../../properties/hybrid/race-dp.ts";

/** The double-spend race as a protocol on the actor runtime (seed §7.1, catalogue A48; issue [07]). */
const race = (attackerUnits: number, confirmations: number, giveUpBehind = 20): PowRaceConfig => ({ hashUnits: 20, attackerUnits, confirmations, reading: "catch-up", giveUpBehind });

describe("the PoW race on the runtime", () => {
  it("offers one mining step per unit of hash power, and nothing else at the start", () => {
    const system = runtimeSystem(powRaceProtocol, race(5, 1));
    const actions = system.actions(system.initial()[0]!);
    expect(actions).toHaveLength(20);
    const byActor = actions.map((action) => (action.kind === "input" ? action.actor : -1));
    expect(byActor.filter((actor) => actor === 0)).toHaveLength(15);
    expect(byActor.filter((actor) => actor === 1)).toHaveLength(5);
  });

  it("at q = 0.25, z = 1 and q = 0.3, z = 2: 2,000 walks support Rosenfeld's formula and agree with the idealised race", () => {
    for (const [units, z] of [[5, 1], [6, 2]] as const) {
      const onRuntime = simulatePowRace(race(units, z), { runs: 2000, seed: 20_261_201 });
      const q = units / 20;
      expect(onRuntime.low, `q = ${q}, z = ${z}`).toBeLessThanOrEqual(rosenfeldSuccess(q, z));
      expect(onRuntime.high, `q = ${q}, z = ${z}`).toBeGreaterThanOrEqual(rosenfeldSuccess(q, z));
      // The floor of 20 blocks moves the exact value by under 1e-6: the same process as the idealised race's.
      expect(Math.abs(exactDoubleSpend(q, z, "catch-up", 20) - rosenfeldSuccess(q, z))).toBeLessThan(1e-6);
      const idealised = simulateDoubleSpend(q, z, { runs: 20_000, seed: 20_261_201, reading: "catch-up", giveUpBehind: 20 });
      expect(onRuntime.low, "the intervals overlap").toBeLessThanOrEqual(idealised.high);
      expect(onRuntime.high, "the intervals overlap").toBeGreaterThanOrEqual(idealised.low);
    }
  });

  it("the attacker gives up only once the merchant has accepted, as the idealised race does: a floor under z does not end the race early", () => {
    // q = 0.45, z = 10, a floor of 1: before acceptance a deficit is no reason to give up (the attacker may still catch up).
    const onRuntime = simulatePowRace(race(9, 10, 1), { runs: 2000, seed: 11 });
    const exact = exactDoubleSpend(0.45, 10, "catch-up", 1);
    expect(onRuntime.low).toBeLessThanOrEqual(exact);
    expect(onRuntime.high).toBeGreaterThanOrEqual(exact);
  });

  it("overtaking needs the pool to adopt only a longer branch: below catching up, near its exact value", () => {
    const overtake = simulatePowRace({ ...race(6, 2), reading: "overtake" }, { runs: 2000, seed: 3 });
    expect(overtake.low).toBeLessThanOrEqual(exactDoubleSpend(0.3, 2, "overtake", 20));
    expect(overtake.high).toBeGreaterThanOrEqual(exactDoubleSpend(0.3, 2, "overtake", 20));
  });

  it("reads in the reports: each actor's chain, and a mining step by its label", () => {
    const system = runtimeSystem(powRaceProtocol, race(5, 1));
    const start = system.initial()[0]!;
    const attackerMines = system.actions(start).find((action) => action.kind === "input" && action.actor === 1)!;
    const after = system.step(start, attackerMines);
    expect(system.describeState!(after)).toBe("H: mining, chain 0, A: mining, branch 1, knows 0");
    expect(system.describeStep!({ step: "mine", actor: "A", unit: 0 })).toBe("A: mines a block");
  });

  it("the report's cells: one per RUNTIME_CELLS entry, Rosenfeld's value held to the runtime's 4σ band", () => {
    const cells = [...runtimeRaceCells({ runs: 100, seed: 5 })];
    expect(cells.map((cell) => [cell.attackerUnits, cell.z])).toEqual(RUNTIME_CELLS.map((cell) => [cell.attackerUnits, cell.confirmations]));
    for (const cell of cells) {
      expect(cell.estimate.runs).toBe(100);
      expect(cell.rosenfeldAgainstRuntime, `q = ${cell.q}, z = ${cell.z}`).toBe("within");
    }
  });

  it("is deterministic per seed, and refuses q ≥ 1/2", () => {
    expect(simulatePowRace(race(5, 1), { runs: 200, seed: 7 })).toEqual(simulatePowRace(race(5, 1), { runs: 200, seed: 7 }));
    expect(() => powRaceConfigSchema.parse(race(10, 1))).toThrow(/under half of hashUnits/);
    expect(() => simulatePowRace(race(5, 1), { runs: 0, seed: 7 })).toThrow(/^runs must be/);
  });
});
