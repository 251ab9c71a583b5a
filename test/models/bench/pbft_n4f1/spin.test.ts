import { describe, expect, it } from "vitest";
import { hasSpinAndGcc, parseSpinOutput, runSpinOracle } from "../../../../models/bench/pbft_n4f1/index.ts";

const hasSpin = hasSpinAndGcc();

describe("SPIN on pbft_n4f1.pml (the independent oracle)", () => {
  it.skipIf(!hasSpin)("stores 1,140,625 states and makes 7,933,501 transitions (ours + SPIN's initial one), depth 24, no errors", () => {
    const spin = runSpinOracle();
    expect(spin.output).toContain("1140625 states, stored");
    expect(spin.output).toContain("7933501 transitions");
    expect(spin).toMatchObject({ stored: 1_140_625, matched: 6_792_876, transitions: 7_933_501, depthReached: 24, errors: 0 });
  });

  it("parses pan's statistics block and names a missing line", () => {
    const output = [
      "State-vector 48 byte, depth reached 24, errors: 0",
      "  1140625 states, stored",
      "  6792876 states, matched",
      "  7933501 transitions (= stored+matched)",
    ].join("\n");
    expect(parseSpinOutput(output)).toEqual({ stored: 1_140_625, matched: 6_792_876, transitions: 7_933_501, depthReached: 24, errors: 0 });
    expect(() => parseSpinOutput("nothing")).toThrow(/no "states, stored" line/);
  });
});
