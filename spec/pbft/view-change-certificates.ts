import { requestDigest } from "./digest.ts";
import { primaryOf } from "./ids.ts";
import type { NewView, ViewChange } from "./messages.ts";
import { newViewOrder, type NewViewOrder } from "./new-view-order.ts";
import { canonicalJson } from "../common/canonical-json.ts";

/** The group and certificate sizes a replica checks view-change certificates against. */
export interface CertificateRules {
  n: number;
  prepareQuorum: number;
  checkpointQuorum: number;
  viewChangeQuorum: number;
}

const distinctBelow = (replicas: readonly number[], n: number): boolean => new Set(replicas).size === replicas.length && replicas.every((replica) => replica >= 0 && replica < n);

/**
 * TOCS §4.4: a VIEW-CHANGE is valid when its C proves its checkpoint (2f+1 distinct signers of
 * one CHECKPOINT; n = 0, the initial state, needs none) and every P entry is a prepared
 * certificate: a PRE-PREPARE signed by the primary of its view, for a view below the new one,
 * above the checkpoint, with d = D(m), and 2f PREPAREs from distinct backups. At most one entry
 * per sequence number (the highest-view one, §4.4).
 */
export function isValidViewChange(message: ViewChange, rules: CertificateRules): boolean {
  const { checkpoint } = message;
  const checkpointProved = checkpoint.seq === 0 || (distinctBelow(checkpoint.replicas, rules.n) && checkpoint.replicas.length >= rules.checkpointQuorum);
  if (!checkpointProved) return false;
  const seqs = message.prepared.map((certificate) => certificate.seq);
  if (new Set(seqs).size !== seqs.length) return false;
  return message.prepared.every(
    (certificate) =>
      certificate.view < message.view &&
      certificate.seq > checkpoint.seq &&
      certificate.primary === primaryOf(certificate.view, rules.n) &&
      certificate.digest === requestDigest(certificate.request) &&
      distinctBelow(certificate.prepares, rules.n) &&
      !certificate.prepares.includes(certificate.primary) &&
      certificate.prepares.length >= rules.prepareQuorum,
  );
}

/** §4.4: V holds 2f+1 valid VIEW-CHANGEs for the NEW-VIEW's view from distinct replicas. */
export function hasViewChangeQuorum(message: NewView, rules: CertificateRules): boolean {
  const senders = message.viewChanges.map((entry) => entry.replica);
  return (
    distinctBelow(senders, rules.n) &&
    senders.length >= rules.viewChangeQuorum &&
    message.viewChanges.every((entry) => entry.view === message.view && isValidViewChange(entry, rules))
  );
}

/**
 * §4.4: the backup recomputes O from V with the new primary's own function (`order`: the
 * paper's `newViewOrder` unless a mutant's replicas run another) and compares.
 */
export function hasRecomputedOrder(message: NewView, order: (viewChanges: readonly ViewChange[]) => NewViewOrder = newViewOrder): boolean {
  return canonicalJson(order(message.viewChanges).prePrepares) === canonicalJson(message.prePrepares);
}
