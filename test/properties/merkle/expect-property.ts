import { expect } from "vitest";
import type { MerkleScheme } from "../../../impl/merkle/index.ts";
import { DEFAULT_BUDGET, type MerkleProperty } from "../../../properties/merkle/index.ts";

/** The property's search finds no counterexample; on failure the message shows the one it found. */
export function expectPropertyHolds(scheme: MerkleScheme, property: MerkleProperty<never>): void {
  const p = property as unknown as MerkleProperty<unknown>;
  const counterexample = p.search(scheme, DEFAULT_BUDGET);
  const shown = counterexample === undefined ? "none" : `${JSON.stringify(counterexample)}: ${p.check(scheme, counterexample)} (seed ${DEFAULT_BUDGET.seed})`;
  expect(shown, `${scheme.name} ${p.name}`).toBe("none");
}
