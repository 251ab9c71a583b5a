import { describe, expect, it } from "vitest";
import { assertFaultBudget, byzantineActions, correctReplicas, initialAdversaryState, markUsed, observe, performByzantine } from "../../../impl/adversary/index.ts";
import { InputError } from "../../../spec/common/input-error.ts";
import { pbftConfigSchema } from "../../../spec/common/pbft-config.ts";
import type { PbftConfigInput } from "../../../spec/common/pbft-config.ts";
import { requestDigest } from "../../../spec/common/digest.ts";
import { messageId } from "../../../impl/network/message-id.ts";
import { prepare, request } from "../../support/pbft-fixtures.ts";

const base: PbftConfigInput = { n: 4, f: 1, requests: 1, checkpointInterval: 1, window: 1 };
const config = (overrides: Partial<PbftConfigInput>) => pbftConfigSchema.parse({ ...base, ...overrides });
const known = [request(0), request(1)];

describe("fault budget", () => {
  it("rejects more than f Byzantine replicas", () => {
    const twoFaulty = config({ byzantine: [{ replica: 1, behaviours: ["silent"] }, { replica: 2, behaviours: ["silent"] }] });
    expect(() => assertFaultBudget(twoFaulty)).toThrow(InputError);
    expect(() => assertFaultBudget(twoFaulty)).toThrow(/byzantine: 2 Byzantine replicas exceed the fault budget f = 1; set exceedFaultBudget: true/);
  });

  it("accepts them when the model exceeds the budget on purpose", () => {
    const twoFaulty = config({ exceedFaultBudget: true, byzantine: [{ replica: 1, behaviours: ["silent"] }, { replica: 2, behaviours: ["silent"] }] });
    expect(() => assertFaultBudget(twoFaulty)).not.toThrow();
    expect(correctReplicas(twoFaulty)).toEqual([0, 3]);
  });

  it("lets only the primary equivocate", () => {
    expect(() => assertFaultBudget(config({ byzantine: [{ replica: 2, behaviours: ["equivocate"] }] }))).toThrow(/equivocate needs the primary of view 0/);
  });
});

describe("Byzantine behaviours", () => {
  it("a silent replica forges nothing", () => {
    expect(byzantineActions(config({ byzantine: [{ replica: 3, behaviours: ["silent"] }] }), initialAdversaryState, known)).toEqual([]);
  });

  it("an equivocating primary can send each backup a PRE-PREPARE for any request a client sent", () => {
    const actions = byzantineActions(config({ byzantine: [{ replica: 0, behaviours: ["equivocate"] }] }), initialAdversaryState, known);
    expect(actions).toHaveLength(3 * 2);
    const toOne = performByzantine(initialAdversaryState, actions[0]!, known);
    const toTwo = performByzantine(initialAdversaryState, actions.find((a) => a.behaviour === "equivocate" && a.to === 2 && a.client === 1)!, known);
    expect(toOne.envelopes[0]!.message).toMatchObject({ type: "PRE-PREPARE", seq: 1, digest: requestDigest(known[0]!), replica: 0 });
    expect(toTwo.envelopes[0]!.message).toMatchObject({ type: "PRE-PREPARE", seq: 1, digest: requestDigest(known[1]!) });
    expect([toOne.envelopes[0]!.to, toTwo.envelopes[0]!.to]).toEqual(["1", "2"]);
  });

  it("a replica sending conflicting votes can PREPARE and COMMIT any known digest, each forgery once", () => {
    const cfg = config({ byzantine: [{ replica: 3, behaviours: ["conflicting-votes"] }] });
    const actions = byzantineActions(cfg, initialAdversaryState, known);
    expect(actions).toHaveLength(3 * 2 * 2);
    const performed = performByzantine(initialAdversaryState, actions[0]!, known);
    expect(performed.envelopes[0]!.message).toEqual({ ...prepare(known[0]!, 3) });
    expect(byzantineActions(cfg, performed.state, known)).toHaveLength(actions.length - 1);
    expect(() => markUsed(performed.state, performed.state.used[0]!)).toThrow(/already made/);
  });

  it("honours the forgery budget", () => {
    const cfg = config({ forgeryBudget: 1, byzantine: [{ replica: 3, behaviours: ["conflicting-votes"] }] });
    const performed = performByzantine(initialAdversaryState, byzantineActions(cfg, initialAdversaryState, known)[0]!, known);
    expect(byzantineActions(cfg, performed.state, known)).toEqual([]);
  });

  it("replays an observed old message unchanged (its signer's), once to each correct replica, not only its receiver", () => {
    const cfg = config({ byzantine: [{ replica: 3, behaviours: ["replay"] }] });
    const old = { from: "2" as const, to: "1" as const, message: prepare(known[0]!, 2) };
    const seen = observe(observe(initialAdversaryState, old), old);
    expect(seen.observed).toHaveLength(1);
    const replays = byzantineActions(cfg, seen, known);
    expect(replays).toEqual([0, 1, 2].map((to) => ({ byzantine: 3, behaviour: "replay", message: messageId(old), to })));
    const performed = performByzantine(seen, replays[0]!, known);
    expect(performed.envelopes).toEqual([{ from: "3", to: "0", message: old.message }]);
    expect(byzantineActions(cfg, performed.state, known)).toEqual(replays.slice(1));
  });

  it("replays a REPLY only to the client it answers", () => {
    const cfg = config({ byzantine: [{ replica: 3, behaviours: ["replay"] }] });
    const reply = { from: "1" as const, to: "c0" as const, message: { type: "REPLY" as const, view: 0, timestamp: 1, client: 0, replica: 1, result: "op0.1:1" } };
    const replays = byzantineActions(cfg, observe(initialAdversaryState, reply), known);
    expect(replays).toEqual([{ byzantine: 3, behaviour: "replay", message: messageId(reply) }]);
    expect(performByzantine(observe(initialAdversaryState, reply), replays[0]!, known).envelopes).toEqual([{ ...reply, from: "3" }]);
  });

  it("refuses forgeries of requests nobody sent and replays of messages never seen", () => {
    expect(() => performByzantine(initialAdversaryState, { byzantine: 0, behaviour: "equivocate", seq: 1, to: 1, client: 5, timestamp: 1 }, known)).toThrow(
      /which no client sent/,
    );
    expect(() => performByzantine(initialAdversaryState, { byzantine: 0, behaviour: "replay", message: "x" }, known)).toThrow(/never observed/);
  });
});
