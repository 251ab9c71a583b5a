import { describe, expect, it } from "vitest";
import { GRID_DEPTHS, GRID_SHARES, fiftyOnePercentTable } from "../../../properties/hybrid/fifty-one-percent.ts";
import { bandOf, verdictIn, MIN_EXPECTED_SUCCESSES } from "../../../properties/hybrid/seed-band.ts";

/** The 51 % table (seed §7.1, catalogue A48, issue [07]), at a few runs per cell: what it flags follows from its numbers. */
const table = fiftyOnePercentTable({ runs: 2000, seed: 17 });

describe("the 51 % table", () => {
  it("covers q ∈ {0.05, …, 0.55} × z ∈ {0, …, 10}, the seed and runs recorded", () => {
    expect(GRID_SHARES).toEqual([0.05, 0.1, 0.15, 0.2, 0.25, 0.3, 0.35, 0.4, 0.45, 0.5, 0.55]);
    expect(GRID_DEPTHS).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(table.cells).toHaveLength(121);
    expect(table).toMatchObject({ seed: 17, runs: 2000 });
  });

  it("q ≥ 1/2: 1 exactly in every reading, and no simulation", () => {
    for (const cell of table.cells.filter((each) => each.q >= 0.5)) {
      expect([cell.nakamoto, cell.rosenfeld, cell.exact.catchUp, cell.exact.overtake, cell.exact.fromBehind]).toEqual([1, 1, 1, 1, 1]);
      expect(cell.simulated).toBeUndefined();
      expect(cell.againstRace.band.reference).toBe("certain");
    }
  });

  it("flags the seed's formula below the race (ii) from one confirmation on, within its own reading (i), and outside [0, 1] above q = 1/2", () => {
    for (const cell of table.cells) {
      const where = `q = ${cell.q}, z = ${cell.z}`;
      expect(cell.outsideUnitInterval, where).toBe(cell.q > 0.5 && cell.z > 0);
      if (cell.q >= 0.5) continue;
      expect(cell.againstRace.verdict, where).toBe(cell.z === 0 ? "within" : "below");
      expect(cell.againstFromBehind.verdict, where).toBe("within");
    }
  });

  it("the exact programme is the reference exactly where the runs expect too few successes", () => {
    for (const cell of table.cells.filter((each) => each.simulated !== undefined)) {
      expect(cell.againstRace.band.reference, `q = ${cell.q}, z = ${cell.z}`).toBe(2000 * cell.exact.catchUp < MIN_EXPECTED_SUCCESSES ? "dp" : "simulation");
    }
    const more = fiftyOnePercentTable({ runs: 5000, seed: 17 });
    const dpCells = (runs: typeof table) => runs.cells.filter((cell) => cell.againstRace.band.reference === "dp").length;
    expect(dpCells(more)).toBeLessThan(dpCells(table));
  });

  it("bands: estimate ± 4σ, the exact value where too few successes are expected, certainty without a simulation", () => {
    const simulated = { estimate: 0.2, low: 0.19, high: 0.21, runs: 10_000 };
    const band = bandOf(0.2, simulated);
    expect(band.reference).toBe("simulation");
    expect(band.high - band.low).toBeCloseTo(8 * Math.sqrt((0.2 * 0.8) / 10_000), 12);
    expect(verdictIn(0.2 + 0.99 * (band.high - 0.2), band)).toBe("within");
    expect(verdictIn(0.2 + 1.01 * (band.high - 0.2), band)).toBe("above");
    expect(verdictIn(0.15, band)).toBe("below");
    const deep = bandOf(1e-6, { estimate: 0, low: 0, high: 3.7e-4, runs: 10_000 });
    expect(deep.reference).toBe("dp");
    expect(verdictIn(1e-6, deep)).toBe("within");
    expect(verdictIn(0.9e-6, deep)).toBe("below");
    expect(bandOf(1, undefined)).toEqual({ reference: "certain", low: 1, high: 1 });
    expect(verdictIn(1.2, bandOf(1, undefined))).toBe("above");
  });

  it("is deterministic per seed, and refuses a bad run count", () => {
    expect(fiftyOnePercentTable({ runs: 300, seed: 4 })).toEqual(fiftyOnePercentTable({ runs: 300, seed: 4 }));
    expect(() => fiftyOnePercentTable({ runs: 1.5, seed: 4 })).toThrow(/^runs must be a whole number/);
  });
});
