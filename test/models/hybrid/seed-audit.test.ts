import { describe, expect, it } from "vitest";
import { replay, type Result } from "../../../explorer/index.ts";
import type { AuditFinding } from "../../../properties/audit/finding.ts";
import { SEED_HYBRID_AUDIT_SUBJECTS, replaySeedHybridFinding, seedHybridAudit, seedHybridAuditModel } from "../../../properties/hybrid/seed-audit.ts";
import { systemFor } from "../../../properties/audit/system-for.ts";
import type { Schedule } from "../../../spec/common/schedule.ts";

const findings: AuditFinding[] = await seedHybridAudit();
const scheduleOf = (finding: AuditFinding): Schedule => finding.counterexample as Schedule;
const find = (subject: string, property: string) => findings.find((finding) => finding.subject === subject && finding.property === property)!;

describe("seed-hybrid audit (reports/seed-audit.md, hybrid section)", () => {
  it("pins each model's verdicts and shortest counterexample lengths", () => {
    const rows = SEED_HYBRID_AUDIT_SUBJECTS.map(({ subject }) =>
      findings.filter((finding) => finding.subject === subject).map((finding) => (finding.verdict === "broken" ? scheduleOf(finding).steps.length : "holds")),
    );
    // Properties: finality safety, fork choice never reverts a finalized block, DS1 no double spend, H4 returned blocks verify.
    expect(findings.slice(0, 4).map((finding) => finding.property)).toEqual(["finality safety", "fork choice never reverts a finalized block", "DS1 no double spend", "H4 returned blocks verify"]);
    expect(rows).toEqual([
      [2, "holds", 2, "holds"], // α = 1
      [2, "holds", 2, "holds"], // β = 1
      ["holds", "holds", "holds", "holds"], // β = 1, unstaked double spender
      ["holds", "holds", 11, "holds"], // γ = 1: H5 holds, DS1 broken
      ["holds", "holds", "holds", "holds"], // γ = 1, two payments
      ["holds", "holds", "holds", "holds"], // one Byzantine validator
      [14, "holds", "holds", "holds"], // two Byzantine validators
      ["holds", "holds", 11, "holds"], // α = γ = 0.5
    ]);
  });

  it("α = 1: two miners' blocks are each final where they land, in two steps", () => {
    const finality = find("seed-hybrid α = 1 (mine only)", "finality safety");
    expect(scheduleOf(finality).steps).toEqual([
      { step: "propose", actor: "N0" },
      { step: "propose", actor: "N1" },
    ]);
    expect(finality.explanation).toMatch(
      /^Two correct nodes hold conflicting blocks as final\. After the 2 steps: N0: tip h1·N0·349501; returned Ok, N1: tip h1·N1·34da16; returned Ok, N2: tip genesis\. 3 of the 32 states of hybrid\/seed_pow_n3 break it\. Disagrees with any reference design: .*the sketch has neither, so its returned Ok\(block\) is final wherever it lands first\.$/,
    );
  });

  it("γ = 1: the double spend is built on the payment's certified block and certified in turn", () => {
    const ds1 = find("seed-hybrid γ = 1 (finalize only)", "DS1 no double spend");
    expect(scheduleOf(ds1).steps.filter((step) => "step" in step)).toEqual([
      { step: "propose", actor: "N0" },
      { step: "propose", actor: "N1" },
    ]);
    expect(ds1.explanation).toContain("After the 11 steps: N0: tip h1·N0·9f807a; returned Ok, N1: tip h2·N1·036c2d; returned Ok, N2: tip genesis, N3: tip genesis. 3,600 of the 11,458 states");
    expect(find("seed-hybrid γ = 1 (finalize only)", "finality safety").explanation).toContain("Agrees with PBFT (H5)");
    expect(find("seed-hybrid γ = 1, 2 Byzantine validators of 4", "finality safety").explanation).toContain("with 2 Byzantine validators of 4, beyond f = 1");
  });

  it("reuses a passing BFS run that check already made instead of exploring again", async () => {
    const subject = SEED_HYBRID_AUDIT_SUBJECTS.find((candidate) => candidate.model === "hybrid/seed_bft_n4_byz1")!;
    const passed = { model: subject.model, result: "pass", strategy: "bfs", distinctStates: 7, transitions: 8, maxDepth: 2 } as Result;
    const reused = (await seedHybridAudit([passed])).filter((finding) => finding.subject === subject.subject);
    expect(reused.map((finding) => finding.explanation.split(". ")[0])).toEqual(Array(4).fill("Holds in all 7 states of hybrid/seed_bft_n4_byz1 (exhaustive BFS, 8 transitions, depth 2)"));
  });

  it("names what it cannot audit", () => {
    expect(() => seedHybridAuditModel("paxos/p2_a3")).toThrow(/no seed-hybrid model named paxos\/p2_a3/);
    expect(() => systemFor(seedHybridAuditModel("hybrid/seed_pow_n3"), "agreement")).toThrow(/hybrid\/seed_pow_n3 has no property named agreement/);
  });

  for (const finding of findings.filter((f) => f.verdict === "broken")) {
    it(`replays ${finding.subject}: ${finding.property} — the property first fails at the Schedule's last step`, () => {
      const schedule = scheduleOf(finding);
      expect(schedule.model).toBe(SEED_HYBRID_AUDIT_SUBJECTS.find((subject) => subject.subject === finding.subject)!.model);
      expect(replaySeedHybridFinding(schedule, finding.property)?.index).toBe(schedule.steps.length - 1);
      expect(replaySeedHybridFinding({ ...schedule, steps: schedule.steps.slice(0, -1) }, finding.property)).toBeUndefined();
      const model = seedHybridAuditModel(schedule.model);
      expect(replay(model.build(model.config), schedule).steps).toHaveLength(schedule.steps.length);
    });
  }
});
