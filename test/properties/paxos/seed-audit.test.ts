import { describe, expect, it } from "vitest";
import { replay } from "../../../explorer/index.ts";
import type { AuditFinding } from "../../../properties/audit/finding.ts";
import { PAXOS_AUDIT_SUBJECTS, paxosAuditModel, paxosSeedAudit, replayPaxosFinding } from "../../../properties/paxos/seed-audit.ts";
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
    expect(px3.explanation).toMatch(/^a proposer returned true for a value that is not chosen .*: after 5 steps P0: returned true \(v0\), P1: idle, A0: holds nothing/);
  });

  it("the reference is checked on the seed models' configuration (the reading aside)", () => {
    const [r1, r2, reference] = PAXOS_AUDIT_SUBJECTS.map((subject) => paxosAuditModel(subject.model).config);
    const { reading: _r1, ...shared } = r1;
    expect(r2).toEqual({ ...shared, reading: "first-come" });
    expect(reference).toMatchObject(shared);
    expect(reference).toMatchObject({ rounds: 1, ignorePromisedVotes: false });
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
