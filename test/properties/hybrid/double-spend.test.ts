import { describe, expect, it } from "vitest";
import { nakamotoSuccess, rosenfeldSuccess, seedSuccess, simulateDoubleSpend } from "../../../properties/hybrid/double-spend.ts";

/**
 * The 51 % analysis (seed §7.1, catalogue A48): three formulas for the success of a double spend
 * after z confirmations and a seeded race that tells them apart.
 */
describe("double-spend success after z confirmations", () => {
  it("Nakamoto's formula reproduces the Bitcoin paper's §11 table (q = 0.1 and q = 0.3)", () => {
    const paper: [number, number, number][] = [
      [0.1, 0, 1],
      [0.1, 1, 0.2045873],
      [0.1, 2, 0.0509779],
      [0.1, 3, 0.0131722],
      [0.1, 4, 0.0034552],
      [0.1, 5, 0.0009137],
      [0.1, 6, 0.0002428],
      [0.1, 10, 0.0000012],
      [0.3, 5, 0.1773523],
      [0.3, 10, 0.0416605],
    ];
    for (const [q, z, printed] of paper) expect(nakamotoSuccess(q, z), `q = ${q}, z = ${z}`).toBeCloseTo(printed, 7);
  });

  it("Rosenfeld's formula: certain at z = 0, 2q at one confirmation, and above Nakamoto's Poisson estimate for deeper confirmations at small q", () => {
    expect(rosenfeldSuccess(0.1, 0)).toBe(1);
    for (const q of [0.05, 0.1, 0.3, 0.45]) expect(rosenfeldSuccess(q, 1)).toBeCloseTo(2 * q, 12);
    // Nakamoto's Poisson progress understates the attacker's at depth: 1.78e-3 against 9.14e-4 at q = 0.1, z = 5.
    for (const q of [0.1, 0.2]) for (let z = 2; z <= 10; z++) expect(rosenfeldSuccess(q, z), `q = ${q}, z = ${z}`).toBeGreaterThan(nakamotoSuccess(q, z));
    expect(rosenfeldSuccess(0.1, 5)).toBeCloseTo(0.0017818, 7);
  });

  it("the seed's (q/p)^z ignores the attacker's progress during the z confirmations: below both from one confirmation on", () => {
    expect(seedSuccess(0.1, 0)).toBe(1);
    expect(seedSuccess(0.25, 2)).toBeCloseTo(1 / 9, 12);
    for (const q of [0.1, 0.3]) for (let z = 1; z <= 10; z++) expect(seedSuccess(q, z)).toBeLessThan(nakamotoSuccess(q, z));
  });

  it("q ≥ 1/2 is certain success in every formula, and the simulation refuses it", () => {
    for (const formula of [seedSuccess, nakamotoSuccess, rosenfeldSuccess]) for (const q of [0.5, 0.55, 1]) expect(formula(q, 6)).toBe(1);
    expect(() => simulateDoubleSpend(0.5, 6, { runs: 10, seed: 1, reading: "overtake" })).toThrow(/q < 1\/2/);
    expect(() => seedSuccess(1.5, 1)).toThrow(/hash-power share/);
    expect(() => nakamotoSuccess(0.1, 1.5)).toThrow(/whole number of confirmations/);
  });

  it("a seeded race of 200,000 runs supports Rosenfeld's formula when catching up suffices, and overtaking lies below it", () => {
    for (const [q, z] of [[0.1, 1], [0.2, 3], [0.3, 5]] as const) {
      const catchUp = simulateDoubleSpend(q, z, { runs: 200_000, seed: 20_261_201, reading: "catch-up" });
      expect(catchUp.low, `q = ${q}, z = ${z}`).toBeLessThanOrEqual(rosenfeldSuccess(q, z));
      expect(catchUp.high, `q = ${q}, z = ${z}`).toBeGreaterThanOrEqual(rosenfeldSuccess(q, z));
      const overtake = simulateDoubleSpend(q, z, { runs: 200_000, seed: 20_261_201, reading: "overtake" });
      expect(overtake.high, `q = ${q}, z = ${z}`).toBeLessThan(catchUp.low);
    }
    // Seeded: the same seed, the same estimate.
    expect(simulateDoubleSpend(0.2, 3, { runs: 1000, seed: 7, reading: "overtake" })).toEqual(simulateDoubleSpend(0.2, 3, { runs: 1000, seed: 7, reading: "overtake" }));
  });
});
