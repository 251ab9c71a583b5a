import { describe, expect, it } from "vitest";
import { replay, type Result } from "../../../explorer/index.ts";
import type { AuditFinding } from "../../../properties/audit/finding.ts";
import { PAXOS_AUDIT_SUBJECTS, paxosAuditModel, paxosSeedAudit, replayPaxosFinding } from "../../../properties/paxos/seed-audit.ts";
import { systemFor } from "../../../properties/audit/system-for.ts";
import type { Schedule } from "../../../spec/common/schedule.ts";

const findings: AuditFinding[] = await paxosSeedAudit();
const scheduleOf = (finding: AuditFinding): Schedule => finding.counterexample as Schedule;

describe("seed-paxos audit (reports/seed-audit.md, Paxos section)", () => {
  it("pins each reading's verdicts and shortest counterexample lengths; the reference holds everything", () => {
    expect(findings.map((finding) => [finding.subject, finding.property, finding.verdict, finding.verdict === "broken" ? scheduleOf(finding).steps.length : null])).toEqual([
      ["seed-paxos R1 grant-all", "PX1 one value chosen", "broken", 14],
      ["seed-paxos R1 grant-all", "PX2 stability", "broken", 13],
      ["seed-paxos R1 grant-all", "PX3 returned value chosen", "broken", 5],
      ["seed-paxos R1 grant-all", "PX4 returned values agree", "broken", 10],
      ["seed-paxos R1 grant-all", "PX5 non-triviality", "holds", null],
      ["seed-paxos R2 first-come", "PX1 one value chosen", "holds", null],
      ["seed-paxos R2 first-come", "PX2 stability", "holds", null],
      ["seed-paxos R2 first-come", "PX3 returned value chosen", "broken", 5],
      ["seed-paxos R2 first-come", "PX4 returned values agree", "holds", null],
      ["seed-paxos R2 first-come", "PX5 non-triviality", "holds", null],
      ["paxos (reference)", "PX1 one value chosen", "holds", null],
      ["paxos (reference)", "PX2 stability", "holds", null],
      ["paxos (reference)", "PX3 returned value chosen", "holds", null],
      ["paxos (reference)", "PX4 returned values agree", "holds", null],
      ["paxos (reference)", "PX5 non-triviality", "holds", null],
    ]);
  });

  it("PX3 breaks at once: paxosPropose returns true as it sends accept(), before any acceptor holds the value", () => {
    const px3 = findings.find((finding) => finding.subject === "seed-paxos R1 grant-all" && finding.property === "PX3 returned value chosen")!;
    expect(scheduleOf(px3).steps).toEqual([
      { timeout: "P0", timer: "start" },
      { deliver: "PROMISE v0 P0->A0", from: "P0", to: "A0" },
      { deliver: "PROMISE v0 P0->A1", from: "P0", to: "A1" },
      { deliver: "REPLY v0 true A0->P0", from: "A0", to: "P0" },
      { deliver: "REPLY v0 true A1->P0", from: "A1", to: "P0" },
    ]);
    expect(px3.explanation).toMatch(/^A proposer returned true for a value that is not chosen .*\. After the 5 steps: P0: returned true \(v0\), P1: idle, A0: holds nothing, A1: holds nothing, A2: holds nothing\. 69,264 of the 86,805 states of paxos\/seed_p2_a3_grant_all break it\.$/);
  });

  it("the reference is checked on the seed models' configuration (the reading aside)", () => {
    const [r1, r2, reference] = PAXOS_AUDIT_SUBJECTS.map((subject) => paxosAuditModel(subject.model).config);
    const { reading: _r1, ...shared } = r1;
    expect(r2).toEqual({ ...shared, reading: "first-come" });
    expect(reference).toMatchObject(shared);
    expect(reference).toMatchObject({ rounds: 1, ignorePromisedVotes: false });
  });

  it("reuses a passing BFS run that check --all already made of a registered model instead of exploring it again", async () => {
    const passed = PAXOS_AUDIT_SUBJECTS.map(({ model }) => ({ model, result: "pass", strategy: "bfs", distinctStates: 7, transitions: 8, maxDepth: 2 }) as Result);
    const reused = await paxosSeedAudit(passed);
    expect(reused.every((finding) => finding.verdict === "holds" && finding.explanation === `Holds in all 7 states of ${PAXOS_AUDIT_SUBJECTS.find((s) => s.subject === finding.subject)!.model} (exhaustive BFS, 8 transitions, depth 2).`)).toBe(true);
    // A run that hit a limit, or of another strategy, is not exhaustive: the model is explored again.
    const again = await paxosSeedAudit([passed[0]!, { ...passed[1]!, limitHit: "states" } as Result, { ...passed[1]!, strategy: "dfs" } as Result, passed[2]!]);
    expect(again.filter((finding) => finding.verdict === "broken").map((finding) => [finding.subject, finding.property])).toEqual([["seed-paxos R2 first-come", "PX3 returned value chosen"]]);
  });

  it("names what it cannot audit, and a Schedule along which the property holds replays to no violation", () => {
    expect(() => paxosAuditModel("pbft/n4_f1")).toThrow(/no Paxos model named pbft\/n4_f1/);
    expect(() => systemFor(paxosAuditModel("paxos/p2_a3"), "agreement")).toThrow(/paxos\/p2_a3 has no property named agreement/);
    const px3 = scheduleOf(findings.find((finding) => finding.property === "PX3 returned value chosen")!);
    expect(replayPaxosFinding({ ...px3, steps: px3.steps.slice(0, 4) }, "PX3 returned value chosen")).toBeUndefined();
  });

  for (const finding of findings.filter((f) => f.verdict === "broken")) {
    it(`replays ${finding.subject}: ${finding.property} — the property first fails at the Schedule's last step`, () => {
      const schedule = scheduleOf(finding);
      expect(schedule.model).toBe(PAXOS_AUDIT_SUBJECTS.find((subject) => subject.subject === finding.subject)!.model);
      expect(replayPaxosFinding(schedule, finding.property)?.index).toBe(schedule.steps.length - 1);
      // And it is a run of the model as registered (every property checked): it replays without diverging.
      const model = paxosAuditModel(schedule.model);
      expect(replay(model.build(model.config), schedule).steps).toHaveLength(schedule.steps.length);
    });
  }
});
