import { describe, expect, it } from "vitest";
import { restoreXoshiro128ss, xoshiro128ss } from "../../explorer/index.ts";

const draws = (seed: number, count: number, bound: number): number[] => {
  const random = xoshiro128ss(seed);
  return Array.from({ length: count }, () => random.below(bound));
};

describe("xoshiro128** seeded through splitmix32", () => {
  it("gives the same sequence for the same seed and another one for another seed", () => {
    expect(draws(42, 50, 1000)).toEqual(draws(42, 50, 1000));
    expect(draws(43, 50, 1000)).not.toEqual(draws(42, 50, 1000));
    expect(draws(0, 50, 1000)).not.toEqual(draws(1, 50, 1000));
  });

  it("draws uniformly below the bound", () => {
    const counts = [0, 0, 0];
    for (const value of draws(9, 30_000, 3)) counts[value]++;
    for (const count of counts) expect(Math.abs(count - 10_000)).toBeLessThan(400);
  });

  it("returns 32-bit unsigned outputs and rejects a bound it cannot serve", () => {
    const random = xoshiro128ss(5);
    for (let i = 0; i < 100; i++) {
      const value = random.next();
      expect(value >>> 0).toBe(value);
    }
    expect(() => random.below(0)).toThrow(RangeError);
    expect(() => random.below(1.5)).toThrow(RangeError);
  });

  it("exports its four state words, from which a restored generator draws the very same sequence", () => {
    const random = xoshiro128ss(77);
    for (let i = 0; i < 10; i++) random.next();
    const state = random.state();
    expect(state).toHaveLength(4);
    const restored = restoreXoshiro128ss(state);
    expect(Array.from({ length: 20 }, () => restored.below(1000))).toEqual(Array.from({ length: 20 }, () => random.below(1000)));
  });

  it("refuses a state it cannot continue from", () => {
    expect(() => restoreXoshiro128ss([0, 0, 0, 0])).toThrow("xoshiro128** state must not be all zero");
    expect(() => restoreXoshiro128ss([1, 2, 3])).toThrow(RangeError);
  });
});
