import { initialTransition, transition, type AnyMachineSnapshot } from "xstate";
import { describe, expect, it } from "vitest";
import { machineOutputs } from "../../../impl/runtime/machine-outputs.ts";
import { byzantineReplicaMachine, type ByzantineEvent, type ByzantineInput } from "../../../spec/pbft/byzantine-replica-machine.ts";
import { requestDigest } from "../../../spec/pbft/digest.ts";
import { forgedViewChange, staleViewChange } from "../../../spec/pbft/forgeries.ts";
import type { NewView, ViewChange } from "../../../spec/pbft/messages.ts";
import { newViewOrder } from "../../../spec/pbft/new-view-order.ts";
import { isObsoleteDelivery } from "../../../spec/pbft/replica-guards.ts";
import { stateDigestOf } from "../../../spec/pbft/replica-rules.ts";
import { prepareSignature } from "../../../spec/pbft/signatures.ts";
import { hasVerifiedPrepares, isValidViewChange } from "../../../spec/pbft/view-change-certificates.ts";
import { pbftProtocol } from "../../../models/pbft/pbft-protocol.ts";
import { pbftSteps } from "../../../models/pbft/pbft-steps.ts";
import { pbftConfigSchema } from "../../../spec/pbft/config.ts";
import { forgeryChoices } from "../../../spec/pbft/limits.ts";
import { invalidViewChangeRefused } from "../../../properties/pbft/view-change-reachable.ts";
import { commit, prePrepare, prepare, request } from "../../support/pbft-fixtures.ts";
import { TIMEOUT, newViewMessage, preparedCertificate, run as runReplica, step, vcReplica, viewChangeMessage } from "../../support/view-change-fixtures.ts";

const req = request();
const rules = { n: 4, prepareQuorum: 2, checkpointQuorum: 3, viewChangeQuorum: 3 };
const GENESIS = stateDigestOf([]);

function run(input: Partial<ByzantineInput>, events: ByzantineEvent[]): { state: AnyMachineSnapshot; sent: { to: unknown; message: unknown }[] } {
  let [state] = initialTransition(byzantineReplicaMachine, { id: 1, n: 4, behaviours: [], adversarySlots: 1, forgeryBudget: 2, ...input });
  const sent: { to: unknown; message: unknown }[] = [];
  for (const event of events) {
    const [next, actions] = transition(byzantineReplicaMachine, state, event);
    state = next;
    for (const output of machineOutputs(actions, `R${input.id ?? 1}`)) if (output.type === "send") sent.push({ to: output.to, message: output.message });
  }
  return { state, sent };
}

describe("prepared certificates carry their PREPAREs' signatures (§3, TOCS §4.4)", () => {
  it("a correct replica's certificate verifies; a made-up or missing signature does not", () => {
    const good = preparedCertificate(req);
    expect(hasVerifiedPrepares(good)).toBe(true);
    expect(isValidViewChange(viewChangeMessage(1, 1, [good]), rules)).toBe(true);
    expect(hasVerifiedPrepares({ ...good, signatures: [good.signatures[0]!, prepareSignature(3, 0, 1, good.digest)] })).toBe(false);
    expect(hasVerifiedPrepares({ ...good, signatures: good.signatures.slice(1) })).toBe(false);
    // A signature on another seq is no signature on this one.
    expect(hasVerifiedPrepares({ ...good, signatures: good.prepares.map((signer) => prepareSignature(signer, 0, 2, good.digest)) })).toBe(false);
  });
});

describe("forge-view-change: stale, partial and forged VIEW-CHANGEs (TOCS §4.4)", () => {
  const known = [{ ...req, from: "C0" }] as ByzantineEvent[];
  const input = { id: 3, behaviours: ["forge-view-change" as const], maxView: 1, prepareQuorum: 2 };
  const forge = (certificate: "stale" | "partial" | "forged", to = "R1"): ByzantineEvent =>
    (certificate === "stale" ? { type: "FORGE_VIEW_CHANGE", certificate, view: 1, to } : { type: "FORGE_VIEW_CHANGE", certificate, view: 1, to, seq: 1, client: 0, timestamp: 1 }) as ByzantineEvent;

  it("sends each kind as itself, for a request it has seen", () => {
    const { sent } = run(input, [...known, forge("partial"), forge("forged", "R2")]);
    const [partial, forged] = sent.map((entry) => entry.message as ViewChange);
    expect(partial!.prepared[0]).toMatchObject({ view: 0, seq: 1, digest: requestDigest(req), primary: 0, prepares: [3] });
    expect(forged!.prepared[0]).toMatchObject({ prepares: [1, 3] });
    expect(sent.map((entry) => entry.to)).toEqual([["R1"], ["R2"]]);
    expect([partial!.replica, forged!.replica]).toEqual([3, 3]);
  });

  it("a stale VIEW-CHANGE is valid; a partial or forged certificate is refused, by size and by signature", () => {
    expect(isValidViewChange(staleViewChange(3, 1, GENESIS), rules)).toBe(true);
    const partial = forgedViewChange(3, 1, "partial", 1, req, { n: 4, prepareQuorum: 2 }, GENESIS);
    const forged = forgedViewChange(3, 1, "forged", 1, req, { n: 4, prepareQuorum: 2 }, GENESIS);
    expect(isValidViewChange(partial, rules)).toBe(false);
    expect(forged.prepared[0]!.prepares).toHaveLength(2);
    expect(isValidViewChange(forged, rules)).toBe(false);
    // Its own signature is genuine; the other's is what fails.
    expect(forged.prepared[0]!.signatures[1]).toBe(prepareSignature(3, 0, 1, requestDigest(req)));
    expect(isValidViewChange({ ...forged, prepared: [{ ...forged.prepared[0]!, signatures: [prepareSignature(1, 0, 1, requestDigest(req)), forged.prepared[0]!.signatures[1]!] }] }, rules)).toBe(true);
  });

  it("as view 0's primary it claims no PREPARE of its own: the forged certificate names 2f backups and fails on their signatures alone", () => {
    const partial = forgedViewChange(0, 1, "partial", 1, req, { n: 4, prepareQuorum: 2 }, GENESIS);
    const forged = forgedViewChange(0, 1, "forged", 1, req, { n: 4, prepareQuorum: 2 }, GENESIS);
    expect(partial.prepared[0]!.prepares).toEqual([]);
    expect(forged.prepared[0]!.prepares).toEqual([1, 2]);
    expect(isValidViewChange(forged, rules)).toBe(false);
    expect(isValidViewChange({ ...forged, prepared: [preparedCertificate(req)] }, rules)).toBe(true);
  });

  it("nothing for a request it has not seen, beyond the cut-off, without the behaviour, twice, or over budget", () => {
    expect(run(input, [forge("partial")]).sent).toEqual([]);
    expect(run(input, [{ type: "FORGE_VIEW_CHANGE", certificate: "stale", view: 2, to: "R1" } as ByzantineEvent]).sent).toEqual([]);
    expect(run({ ...input, behaviours: ["forge-new-view"] }, [forge("stale")]).sent).toEqual([]);
    expect(run(input, [forge("stale"), forge("stale")]).sent).toHaveLength(1);
    expect(run({ ...input, forgeryBudget: 1 }, [...known, forge("stale"), forge("partial")]).sent).toHaveLength(1);
    expect(run(input, [...known, { type: "FORGE_VIEW_CHANGE", certificate: "partial", view: 1, to: "R1", seq: 2, client: 0, timestamp: 1 } as ByzantineEvent]).sent).toEqual([]);
  });

  it("a correct new primary refuses the partial and forged ones (its guard: the delivery is obsolete, its state unchanged) and logs the stale one", () => {
    const newPrimary = runReplica(vcReplica(1), [req, TIMEOUT]).state;
    for (const kind of ["partial", "forged"] as const) {
      const message = forgedViewChange(3, 1, kind, 1, req, { n: 4, prepareQuorum: 2 }, GENESIS);
      expect(isObsoleteDelivery(newPrimary.context, { ...message, from: "R3" } as never)).toBe(true);
      expect(step(newPrimary, message, "R3").state.context).toEqual(newPrimary.context);
    }
    expect(step(newPrimary, staleViewChange(3, 1, GENESIS), "R3").state.context.viewChanges[1]![3]).toBeDefined();
  });

  it("a backup refuses a NEW-VIEW whose V contains a forged VIEW-CHANGE", () => {
    const backup = runReplica(vcReplica(2), [req, TIMEOUT]).state;
    const forged = forgedViewChange(3, 1, "forged", 1, req, { n: 4, prepareQuorum: 2 }, GENESIS);
    const withForged = newViewMessage(1, [viewChangeMessage(1, 1), viewChangeMessage(2, 1), forged], []);
    withForged.prePrepares = newViewOrder(withForged.viewChanges).prePrepares;
    expect(step(backup, withForged, "R1").state.context.installedView).toBe(0);
    const genuine = newViewMessage(1, [viewChangeMessage(1, 1), viewChangeMessage(2, 1), staleViewChange(3, 1, GENESIS)], []);
    expect(step(backup, genuine, "R1").state.context.installedView).toBe(1);
  });
});

describe("equivocate-new-view: different valid NEW-VIEWs to different replicas (§4.4)", () => {
  const input = { id: 1, behaviours: ["equivocate-new-view" as const], viewChangeQuorum: 3 };
  const prepared = viewChangeMessage(2, 1, [preparedCertificate(req)]);
  const received = [
    { ...viewChangeMessage(0, 1), from: "R0" },
    { ...prepared, from: "R2" },
    { ...viewChangeMessage(3, 1), from: "R3" },
  ] as ByzantineEvent[];
  const equivocate = (to: string, without: number) => ({ type: "EQUIVOCATE_NEW_VIEW", view: 1, to, without }) as ByzantineEvent;

  it("leaves a different VIEW-CHANGE out of V for each backup; each V is 2f+1 and O is the one it gives, so each is installed", () => {
    const { sent } = run(input, [...received, equivocate("R3", 2), equivocate("R2", 3)]);
    const [first, second] = sent.map((entry) => entry.message as NewView);
    expect(first!.viewChanges.map((entry) => entry.replica)).toEqual([0, 1, 3]);
    expect(second!.viewChanges.map((entry) => entry.replica)).toEqual([0, 1, 2]);
    expect(first!.prePrepares).toEqual([]);
    expect(second!.prePrepares).toEqual(newViewOrder(second!.viewChanges).prePrepares);
    expect(second!.prePrepares).toHaveLength(1);
    const backup = (id: number) => runReplica(vcReplica(id), [req, TIMEOUT]).state;
    expect(step(backup(3), first!, "R1").state.context.installedView).toBe(1);
    expect(step(backup(2), second!, "R1").state.context.installedView).toBe(1);
  });

  it("only with more VIEW-CHANGEs than a NEW-VIEW needs, and only leaving out one it received", () => {
    expect(run(input, [received[0]!, received[1]!, equivocate("R3", 0)]).sent).toEqual([]);
    expect(run(input, [...received, equivocate("R3", 1)]).sent).toEqual([]);
    expect(run({ ...input, behaviours: ["forge-new-view"] }, [...received, equivocate("R3", 0)]).sent).toEqual([]);
  });
});

describe("old-view messages replayed after the view change (§4.4)", () => {
  it("a replica in view 1 calls a replayed view-0 PRE-PREPARE, PREPARE or COMMIT obsolete and ignores it", () => {
    const backup = runReplica(vcReplica(2), [req, TIMEOUT]).state;
    const installed = step(backup, newViewMessage(1, [viewChangeMessage(1, 1), viewChangeMessage(2, 1), viewChangeMessage(3, 1)], []), "R1").state;
    expect(installed.context.installedView).toBe(1);
    for (const [message, from] of [
      [prePrepare(req), "R3"],
      [prepare(req, 1), "R3"],
      [commit(req, 0), "R3"],
    ] as const) {
      expect(isObsoleteDelivery(installed.context, { ...message, from } as never)).toBe(true);
      expect(step(installed, message, from).state.context).toEqual(installed.context);
    }
  });
});

describe("the view change's Byzantine step kinds (models/pbft/pbft-steps.ts)", () => {
  const config = pbftConfigSchema.parse({ n: 4, f: 1, requests: 1, checkpointInterval: 4, window: 4, byzantine: [{ replica: 1, behaviours: ["equivocate-new-view", "forge-view-change"] }], viewChange: { maxView: 1 } });
  const actor = (context: object) => ({ name: "R1", role: "byzantineReplica", value: "forging", context });

  it("the declaration gives the machine the quorum, the cut-off and the certificate size these behaviours need", () => {
    const input = pbftProtocol.actors(config)[1]!.input as ByzantineInput;
    expect(input).toMatchObject({ viewChangeQuorum: 3, maxView: 1, prepareQuorum: 2, behaviours: ["equivocate-new-view", "forge-view-change"] });
  });

  it("equivocate-new-view offers, per view and correct receiver, each VIEW-CHANGE it received to leave out", () => {
    const viewChanges = [viewChangeMessage(0, 1), viewChangeMessage(2, 1), viewChangeMessage(3, 1)];
    const offers = pbftSteps["equivocate-new-view"]!.offers(actor({ viewChanges, known: [] }), config);
    expect(offers).toHaveLength(9);
    expect(offers).toContainEqual({ view: 1, to: "R2", without: 3 });
    expect(pbftSteps["equivocate-new-view"]!.event({ view: 1, to: "R2", without: 3 })).toEqual({ type: "EQUIVOCATE_NEW_VIEW", view: 1, to: "R2", without: 3 });
  });

  it("forge-view-change offers a stale one to each correct replica, and partial and forged ones per slot and known request, within forgeryChoices", () => {
    const offers = pbftSteps["forge-view-change"]!.offers(actor({ viewChanges: [], known: [req] }), config);
    expect(offers).toHaveLength(3 * (1 + 2));
    expect(offers).toContainEqual({ certificate: "forged", view: 1, to: "R3", seq: 1, client: 0, timestamp: 1 });
    expect(offers.length).toBeLessThanOrEqual(forgeryChoices(config));
    for (const offer of offers) expect(pbftSteps["forge-view-change"]!.fields.safeParse(offer).success).toBe(true);
  });
});

describe("a forged or partial VIEW-CHANGE refused (the sometimes of view-change/n4_f1_forged_view_changes)", () => {
  const property = invalidViewChangeRefused(rules);
  const viewOf = (forged: string[], inFlight: { from: string; message: unknown }[]) =>
    ({ role: () => [{ name: "R0", context: { forged } }], inFlight: () => inFlight.map((entry) => ({ ...entry, to: "R1", copies: 1 })) }) as never;
  const invalid = forgedViewChange(0, 1, "forged", 1, req, { n: 4, prepareQuorum: 2 }, GENESIS);
  it("holds once an invalid one was forged and none is in flight; not for a stale one, nor while one travels", () => {
    expect(property.holds(viewOf(["forge-view-change certificate=forged client=0 seq=1 timestamp=1 to=R1 view=1"], []))).toBe(true);
    expect(property.holds(viewOf(["forge-view-change certificate=stale to=R1 view=1"], []))).toBe(false);
    expect(property.holds(viewOf(["forge-view-change certificate=partial client=0 seq=1 timestamp=1 to=R1 view=1"], [{ from: "R0", message: invalid }]))).toBe(false);
  });
});
