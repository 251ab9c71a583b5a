import { describe, expect, it } from "vitest";
import { bitcoinScheme, rfc6962Scheme, seedScheme, type MerkleScheme } from "../../../impl/merkle/index.ts";
import type { AuditFinding } from "../../../properties/audit/finding.ts";
import { bitcoinMerkleAudit, merklePropertyNamed, seedMerkleAudit } from "../../../properties/merkle/index.ts";

const summary = (findings: AuditFinding[]): [string, string, unknown][] => findings.map((f) => [f.property, f.verdict, f.counterexample]);

function expectBrokenFindingsReplay(findings: AuditFinding[], scheme: MerkleScheme): void {
  for (const finding of findings.filter((f) => f.verdict === "broken")) {
    const property = merklePropertyNamed(finding.property);
    expect(property.check(scheme, finding.counterexample), `${finding.property} replays on ${scheme.name}`).toBeTypeOf("string");
    expect(property.check(rfc6962Scheme, finding.counterexample), `${finding.property} holds for rfc6962 on the same input`).toBeUndefined();
    expect(finding.explanation.length).toBeGreaterThan(20);
  }
}

describe("seed-merkle audit (reports/seed-audit.md rows)", () => {
  const findings = seedMerkleAudit();

  it("names every property the seed's sketch breaks, each with its minimal counterexample", () => {
    expect(summary(findings)).toEqual([
      ["M1 completeness", "broken", { treeSize: 3, leafIndex: 2 }],
      ["M2 position binding", "broken", { treeSize: 1, leafIndex: 0 }],
      ["M2b tamper rejection", "broken", { treeSize: 1, leafIndex: 0 }],
      ["M3a internal node is not a leaf", "broken", { treeSize: 2 }],
      ["M3b distinct lists have distinct roots", "broken", { first: ["N(a,b)"], second: ["a", "b"] }],
      ["M4 proof size", "holds", undefined],
      ["M5a empty tree", "broken", { treeSize: 0 }],
      ["M5b prove(i ≥ n)", "broken", { treeSize: 1, leafIndex: 1 }],
      ["M6 RFC 9162 oracle", "broken", { treeSize: 1 }],
    ]);
    expect(findings.every((f) => f.subject === "seed-merkle" && f.source.startsWith("A §5.1"))).toBe(true);
  });

  it("explains the broken ones in the reader's terms", () => {
    const byName = new Map(findings.map((f) => [f.property, f.explanation]));
    expect(byName.get("M1 completeness")).toMatch(/^the honest proof of leaf 2 in a tree of 3 leaves is rejected: /);
    expect(byName.get("M2 position binding")).toMatch(/^accepted leaf 0's value at index 1 with the honest path, beyond the last leaf 0/);
    expect(byName.get("M5a empty tree")).toMatch(/crashed with SeedPanic/);
    expect(byName.get("M5b prove(i ≥ n)")).toMatch(/^prove\(1\) in a tree of 1 leaves returned a 0-hash proof/);
  });

  it("replays every broken finding: the seed breaks the property there, the reference does not", () => {
    expectBrokenFindingsReplay(findings, seedScheme);
  });
});

describe("bitcoin-style variant audit", () => {
  const findings = bitcoinMerkleAudit();

  it("breaks only M3b, no second preimage: a one-transaction tree's root is its txid", () => {
    expect(summary(findings)).toEqual([
      ["M1 completeness", "holds", undefined],
      ["M2 position binding", "holds", undefined],
      ["M2b tamper rejection", "holds", undefined],
      ["M3a internal node is not a leaf", "holds", undefined],
      ["M3b distinct lists have distinct roots", "broken", { first: ["N(a,b)"], second: ["a", "b"] }],
      ["M4 proof size", "holds", undefined],
      ["M5a empty tree", "holds", undefined],
      ["M5b prove(i ≥ n)", "holds", undefined],
    ]);
  });

  it("replays its broken finding against the reference", () => {
    expectBrokenFindingsReplay(findings, bitcoinScheme);
  });
});
