import { describe, expect, it } from "vitest";
import { referenceSubject, replaySeedFinding, seedMptAudit, seedSubject } from "../../../properties/mpt/index.ts";

const findings = seedMptAudit();

describe("seed-mpt audit (reports/seed-audit.md)", () => {
  it("pins each property's verdict on the seed", () => {
    expect(findings.map((finding) => [finding.property, finding.verdict])).toEqual([
      ["T1 map semantics", "broken"],
      ["T1 map semantics, 32-byte keys only", "broken"],
      ["T3 canonical form", "broken"],
      ["T4 structure invariants", "broken"],
    ]);
  });

  it("pins the minimal T1 counterexample: the empty key cannot be stored (a Branch has no value slot)", () => {
    expect(findings[0].counterexample).toEqual([{ put: "0x", value: "0x00" }, { getAll: true }]);
  });

  for (const finding of findings.filter((f) => f.verdict === "broken")) {
    it(`replays "${finding.property}": the seed breaks it and the reference holds on the same input`, () => {
      expect(replaySeedFinding(finding.property, finding.counterexample, seedSubject())).not.toBeNull();
      expect(replaySeedFinding(finding.property, finding.counterexample, referenceSubject())).toBeNull();
      expect(finding.explanation.length).toBeGreaterThan(20);
    });
  }
});
