import { sha256Hex } from "./digest.ts";

/**
 * Signatures on the PREPAREs a prepared certificate carries (Castro & Liskov §3: messages are
 * signed, and "all replicas know the others' public keys to verify signatures"; TOCS §4.4: a
 * VIEW-CHANGE's P holds the signed PREPAREs). The model needs them where a message is checked
 * by a replica that did not receive the votes itself: the new primary and the backups verify a
 * prepared certificate's PREPAREs by their signatures, so a Byzantine replica can name in it
 * only PREPAREs it really received. A signature is a value only its signer produces: here a
 * short digest of the signer and the signed content, which every correct replica computes for
 * its own votes, which verification recomputes, and which an adversary replaying a PREPARE it
 * received copies. One it makes up in another's name (`forgedSignature`) fails verification.
 */

/** Hex characters kept of the digest: enough to tell a forged signature from a real one, small in a snapshot. */
const SIGNATURE_LENGTH = 16;

/** §4.2: replica `signer`'s signature on ⟨PREPARE, v, n, d, i⟩. */
export function prepareSignature(signer: number, view: number, seq: number, digest: string): string {
  return sha256Hex(`R${signer} signs PREPARE v${view} n${seq} d${digest}`).slice(0, SIGNATURE_LENGTH);
}

/** What a Byzantine replica writes in place of `signer`'s signature on a PREPARE it never received: no verification accepts it. */
export function forgedPrepareSignature(byzantine: number, signer: number, view: number, seq: number, digest: string): string {
  return sha256Hex(`R${byzantine} forges R${signer}'s PREPARE v${view} n${seq} d${digest}`).slice(0, SIGNATURE_LENGTH);
}
