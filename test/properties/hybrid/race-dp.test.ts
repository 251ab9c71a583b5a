import { describe, expect, it } from "vitest";
import { rosenfeldSuccess, seedSuccess, simulateDoubleSpend } from "../../../properties/hybrid/double-spend.ts";
import { reachProbability } from "../../../properties/hybrid/gamblers-ruin.ts";
import { exactDoubleSpend, exactFromBehind } from "../../../properties/hybrid/race-dp.ts";
import { simulateFromBehind } from "../../../properties/hybrid/race-from-behind.ts";

const shares = [0, 0.01, 0.05, 0.1, 0.15, 0.2, 0.25, 0.3, 0.35, 0.4, 0.45, 0.49];
const depths = Array.from({ length: 13 }, (_, z) => z);

/** P(the attacker mines more than z blocks before the honest chain's z-th): the negative binomial's tail, summed directly. */
function moreThanZ(q: number, z: number): number {
  const p = 1 - q;
  let atMost = 0;
  let binomial = 1; // C(m+z−1, m) at m = 0
  for (let m = 0; m <= z; m++) {
    if (m > 0) binomial *= (m + z - 1) / m;
    atMost += binomial * p ** z * q ** m;
  }
  return z === 0 ? 0 : 1 - atMost;
}

describe("the race by dynamic programming (seed §7.1, catalogue A48)", () => {
  it("catch-up equals Rosenfeld's closed form to 1e-12 on a grid of q and z", () => {
    for (const q of shares) for (const z of depths) expect(Math.abs(exactDoubleSpend(q, z, "catch-up") - rosenfeldSuccess(q, z)), `q = ${q}, z = ${z}`).toBeLessThan(1e-12);
  });

  it("overtake: one more block to gain from every short position, so overtake = (q/p)·catch-up + (1 − q/p)·P(more than z blocks before acceptance)", () => {
    for (const q of shares.filter((share) => share > 0)) {
      const ratio = q / (1 - q);
      for (const z of depths) {
        const expected = ratio * exactDoubleSpend(q, z, "catch-up") + (1 - ratio) * moreThanZ(q, z);
        expect(Math.abs(exactDoubleSpend(q, z, "overtake") - expected), `q = ${q}, z = ${z}`).toBeLessThan(1e-12);
        expect(exactDoubleSpend(q, z, "overtake")).toBeLessThan(exactDoubleSpend(q, z, "catch-up"));
      }
    }
    // No confirmations: a tie at the start wins under catch-up; overtaking is the ruin from one short.
    expect(exactDoubleSpend(0.2, 0, "catch-up")).toBe(1);
    expect(exactDoubleSpend(0.2, 0, "overtake")).toBeCloseTo(0.25, 15);
  });

  it("reading (i), started z behind with no deadline, is the seed's formula exactly", () => {
    for (const q of shares) for (const z of depths) expect(exactFromBehind(q, z), `q = ${q}, z = ${z}`).toBe(seedSuccess(q, z));
  });

  it("q ≥ 1/2 gives 1 exactly in every reading", () => {
    for (const q of [0.5, 0.55, 0.8, 1]) {
      for (const z of depths) {
        expect(exactDoubleSpend(q, z, "catch-up")).toBe(1);
        expect(exactDoubleSpend(q, z, "overtake")).toBe(1);
        expect(exactFromBehind(q, z)).toBe(1);
      }
    }
  });

  it("the give-up floor of the simulations: the two-barrier ruin, which the unbounded race approaches from below", () => {
    expect(reachProbability(0.5, 2, 3)).toBeCloseTo(3 / 5, 15);
    expect(reachProbability(0.3, 1, 1)).toBeCloseTo(0.3, 15);
    expect(reachProbability(0.3, 2, 0)).toBe(0);
    expect(reachProbability(0.3, 0, 0)).toBe(1);
    expect(() => exactDoubleSpend(0.3, 2, "catch-up", 0)).toThrow(/^giveUpBehind must be a whole number ≥ 1, got 0$/);
    expect(() => exactFromBehind(0.3, 2, 2.5)).toThrow(/^giveUpBehind must be/);
    expect(() => exactFromBehind(-0.1, 2)).toThrow(/^q must be a hash-power share/);
    for (const z of [1, 4, 8]) {
      expect(exactDoubleSpend(0.4, z, "catch-up", 20)).toBeLessThan(exactDoubleSpend(0.4, z, "catch-up"));
      expect(exactDoubleSpend(0.4, z, "catch-up", 400)).toBeCloseTo(exactDoubleSpend(0.4, z, "catch-up"), 14);
    }
  });

  it("the simulations agree with the programme of their own floor: a short floor makes the difference visible", () => {
    const race = simulateDoubleSpend(0.3, 2, { runs: 100_000, seed: 11, reading: "catch-up", giveUpBehind: 3 });
    const exact = exactDoubleSpend(0.3, 2, "catch-up", 3);
    expect(race.low).toBeLessThanOrEqual(exact);
    expect(race.high).toBeGreaterThanOrEqual(exact);
    expect(race.high).toBeLessThan(rosenfeldSuccess(0.3, 2));
  });

  it("a seeded race started z behind supports the seed's formula, and is deterministic per seed", () => {
    for (const [q, z] of [[0.1, 1], [0.25, 3], [0.4, 6]] as const) {
      const behind = simulateFromBehind(q, z, { runs: 100_000, seed: 5 });
      expect(behind.low, `q = ${q}, z = ${z}`).toBeLessThanOrEqual(seedSuccess(q, z));
      expect(behind.high, `q = ${q}, z = ${z}`).toBeGreaterThanOrEqual(seedSuccess(q, z));
    }
    expect(simulateFromBehind(0.3, 2, { runs: 500, seed: 9 })).toEqual(simulateFromBehind(0.3, 2, { runs: 500, seed: 9 }));
    expect(() => simulateFromBehind(0.5, 2, { runs: 10, seed: 1 })).toThrow(/q < 1\/2/);
    expect(() => simulateFromBehind(0.3, 2, { runs: 0, seed: 1 })).toThrow(/^runs must be/);
    expect(() => simulateFromBehind(0.3, 2, { runs: 10, seed: 1, giveUpBehind: 0 })).toThrow(/^giveUpBehind must be/);
  });
});
