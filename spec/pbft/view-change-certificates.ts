import { requestDigest } from "./digest.ts";
import { primaryOf } from "./ids.ts";
import type { NewView, PreparedCertificate, ViewChange } from "./messages.ts";
import { prepareSignature } from "./signatures.ts";
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
 * §3, TOCS §4.4: each PREPARE of a prepared certificate carries its signer's signature on
 * (v, n, d). A Byzantine replica can copy the signatures of PREPAREs it received but not make
 * one up, so a certificate naming PREPAREs it never got fails here.
 */
export function hasVerifiedPrepares(certificate: PreparedCertificate): boolean {
  return (
    certificate.signatures.length === certificate.prepares.length &&
    certificate.prepares.every((signer, index) => certificate.signatures[index] === prepareSignature(signer, certificate.view, certificate.seq, certificate.digest))
  );
}

/**
 * TOCS §4.4: a VIEW-CHANGE is valid when its C proves its checkpoint (2f+1 distinct signers of
 * one CHECKPOINT; n = 0, the initial state, needs none) and every P entry is a prepared
 * certificate: a PRE-PREPARE signed by the primary of its view, for a view below the new one,
 * above the checkpoint, with d = D(m), and 2f PREPAREs from distinct backups whose signatures
 * verify (`hasVerifiedPrepares`). At most one entry per sequence number (the highest-view one, §4.4).
 * A stale checkpoint is no reason to refuse: it is a genuine proof, and min-s is V's highest.
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
      certificate.prepares.length >= rules.prepareQuorum &&
      hasVerifiedPrepares(certificate),
  );
}

/**
 * §4.4: V holds 2f+1 valid VIEW-CHANGEs for the NEW-VIEW's view from distinct replicas.
 * `isValid` is the paper's `isValidViewChange` unless a mutant's replicas check less.
 */
export function hasViewChangeQuorum(message: NewView, rules: CertificateRules, isValid: (entry: ViewChange, rules: CertificateRules) => boolean = isValidViewChange): boolean {
  const senders = message.viewChanges.map((entry) => entry.replica);
  return distinctBelow(senders, rules.n) && senders.length >= rules.viewChangeQuorum && message.viewChanges.every((entry) => entry.view === message.view && isValid(entry, rules));
}

/**
 * §4.4: the backup recomputes O from V with the new primary's own function (`order`: the
 * paper's `newViewOrder` unless a mutant's replicas run another) and compares.
 */
export function hasRecomputedOrder(message: NewView, order: (viewChanges: readonly ViewChange[]) => NewViewOrder = newViewOrder): boolean {
  return canonicalJson(order(message.viewChanges).prePrepares) === canonicalJson(message.prePrepares);
}
