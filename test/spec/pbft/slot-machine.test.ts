import { describe, expect, it } from "vitest";
import { advanceSlot, newSlot } from "../../../spec/pbft/slot-state.ts";
import type { SlotState } from "../../../spec/pbft/slot-state.ts";
import type { SlotEvent } from "../../../spec/pbft/slot-machine.ts";
import { request } from "../../support/pbft-fixtures.ts";
import { requestDigest } from "../../../spec/pbft/digest.ts";

const req = request();
const d = requestDigest(req);
const other = requestDigest(request(1));

function slot(isPrimary = false): SlotState {
  return newSlot({ seq: 1, view: 0, self: 1, isPrimary, prepareQuorum: 2, commitQuorum: 3 });
}

function run(start: SlotState, events: SlotEvent[]) {
  let current = start;
  const sent: string[] = [];
  for (const event of events) {
    const result = advanceSlot(current, event);
    current = result.slot;
    sent.push(...result.sends.map((send) => `${send.message.type} ${send.message.replica}`));
  }
  return { slot: current, sent };
}

describe("slot machine (Castro & Liskov §4.2)", () => {
  it("starts idle with an empty log", () => {
    expect(slot().value).toBe("idle");
    expect(slot().context).toMatchObject({ digest: null, request: null, prepares: {}, commits: {} });
  });

  it("a backup logs the pre-prepare, multicasts its PREPARE and counts its own vote", () => {
    const { slot: s, sent } = run(slot(), [{ type: "PRE_PREPARE", digest: d, request: req }]);
    expect(s.value).toBe("prePrepared");
    expect(sent).toEqual(["PREPARE 1"]);
    expect(s.context.prepares).toEqual({ [d]: [1] });
  });

  it("the primary logs its pre-prepare without sending a PREPARE", () => {
    const { slot: s, sent } = run(slot(true), [{ type: "PRE_PREPARE", digest: d, request: req }]);
    expect([s.value, sent]).toEqual(["prePrepared", []]);
  });

  it("becomes prepared with 2f matching PREPAREs and multicasts COMMIT (hasPrepareQuorum, sendCommit)", () => {
    const { slot: s, sent } = run(slot(), [
      { type: "PRE_PREPARE", digest: d, request: req },
      { type: "PREPARE", replica: 2, digest: d },
    ]);
    expect(s.value).toBe("prepared");
    expect(sent).toEqual(["PREPARE 1", "COMMIT 1"]);
  });

  it("does not count PREPAREs for another digest or a repeated sender", () => {
    const { slot: s } = run(slot(), [
      { type: "PRE_PREPARE", digest: d, request: req },
      { type: "PREPARE", replica: 2, digest: other },
      { type: "PREPARE", replica: 1, digest: d },
    ]);
    expect(s.value).toBe("prePrepared");
    expect(s.context.prepares).toEqual({ [d]: [1], [other]: [2] });
  });

  it("logs votes that overtake the pre-prepare and uses them once it arrives", () => {
    const { slot: s, sent } = run(slot(), [
      { type: "PREPARE", replica: 2, digest: d },
      { type: "COMMIT", replica: 2, digest: d },
      { type: "COMMIT", replica: 3, digest: d },
      { type: "PRE_PREPARE", digest: d, request: req },
    ]);
    expect(s.value).toBe("committed");
    expect(sent).toEqual(["PREPARE 1", "COMMIT 1"]);
  });

  it("is committed-local only with 2f+1 matching COMMITs (hasCommitQuorum)", () => {
    const prepared = run(slot(), [
      { type: "PRE_PREPARE", digest: d, request: req },
      { type: "PREPARE", replica: 2, digest: d },
      { type: "COMMIT", replica: 2, digest: d },
    ]).slot;
    expect(prepared.value).toBe("prepared");
    expect(run(prepared, [{ type: "COMMIT", replica: 3, digest: other }]).slot.value).toBe("prepared");
    expect(run(prepared, [{ type: "COMMIT", replica: 3, digest: d }]).slot.value).toBe("committed");
  });

  it("executes only when told to, and then ignores everything", () => {
    const committed = run(slot(), [
      { type: "PRE_PREPARE", digest: d, request: req },
      { type: "PREPARE", replica: 2, digest: d },
      { type: "COMMIT", replica: 2, digest: d },
      { type: "COMMIT", replica: 3, digest: d },
    ]).slot;
    const executed = run(committed, [{ type: "EXECUTE" }, { type: "COMMIT", replica: 0, digest: d }]).slot;
    expect(executed.value).toBe("executed");
    expect(executed.context.commits[d]).toEqual([1, 2, 3]);
  });
});
