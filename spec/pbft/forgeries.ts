import { requestDigest, sha256Hex } from "./digest.ts";
import { primaryOf } from "./ids.ts";
import type { Checkpoint, Commit, NewView, PrePrepare, Prepare, PreparedCertificate, Reply, Request, State, ViewChange } from "./messages.ts";
import { forgedPrepareSignature, prepareSignature } from "./signatures.ts";
import { newViewOrder } from "./new-view-order.ts";
import { NULL_CLIENT, NULL_REQUEST_DIGEST } from "./null-request.ts";

/**
 * What a Byzantine replica signs. Signatures are unforgeable (authenticated model, Castro &
 * Liskov §3), so every message below carries `replica: byzantine`: the adversary lies about
 * content, never about who signed it; and it names only requests that clients really sent.
 */

/** §4.2: ⟨⟨PRE-PREPARE, v, n, d⟩σp, m⟩ with the true d = D(m) (the equivocating primary). */
export function forgedPrePrepare(byzantine: number, view: number, seq: number, request: Request): PrePrepare {
  return { type: "PRE-PREPARE", view, seq, digest: requestDigest(request), request, replica: byzantine };
}

/**
 * §4.2: a PRE-PREPARE carrying m but naming the digest of another request m′ that a client
 * really sent. A digest of nothing at all could gather no PREPAREs from correct replicas; D(m′)
 * can, so this is the strongest test of the backups' "d is the digest of m" check
 * (`hasMatchingDigest`): without it a backup would execute m's operation under m′'s certificate.
 */
export function badDigestPrePrepare(byzantine: number, view: number, seq: number, request: Request, claimed: Request): PrePrepare {
  return { type: "PRE-PREPARE", view, seq, digest: requestDigest(claimed), request, replica: byzantine };
}

/** §4.2: a PREPARE or COMMIT for any digest a client sent. */
export function forgedVote(byzantine: number, view: number, vote: "prepare" | "commit", seq: number, request: Request): Prepare | Commit {
  return { type: vote === "prepare" ? "PREPARE" : "COMMIT", view, seq, digest: requestDigest(request), replica: byzantine };
}

/**
 * §4.1: ⟨REPLY, v, t, c, i, r⟩σi with a result r that no correct replica computes (correct
 * results are "op:k" with k a number). Every Byzantine replica forges the same r, so that
 * colluding replicas beyond the fault budget can pool their replies against the f+1 rule.
 */
export function forgedReply(byzantine: number, view: number, request: Request): Reply {
  return { type: "REPLY", view, timestamp: request.timestamp, client: request.client, replica: byzantine, result: `${request.op}:forged` };
}

/** The state digest every Byzantine replica claims at n: the digest of no correct history. */
export function forgedStateDigest(seq: number): string {
  return sha256Hex(`forged service state after n${seq}`);
}

/**
 * §4.3: ⟨CHECKPOINT, n, d, i⟩σi with a wrong state digest d. Shared by all Byzantine replicas,
 * like the forged reply, so that f+1 or more of them could try to make it stable together.
 */
export function forgedCheckpoint(byzantine: number, seq: number): Checkpoint {
  return { type: "CHECKPOINT", seq, stateDigest: forgedStateDigest(seq), replica: byzantine };
}

/**
 * §4.4: a NEW-VIEW from a Byzantine primary of `view` whose V is genuine — the VIEW-CHANGEs it
 * received and its own (no checkpoint, no certificate) — but whose O is not the one V gives: one
 * null request more, after max-s. Only a backup that recomputes O from V can tell.
 */
export function forgedNewView(byzantine: number, view: number, received: readonly ViewChange[], initialStateDigest: string): NewView {
  const viewChanges = [staleViewChange(byzantine, view, initialStateDigest), ...received.filter((message) => message.view === view)].sort((a, b) => a.replica - b.replica);
  const { maxS, prePrepares } = newViewOrder(viewChanges);
  return { type: "NEW-VIEW", view, viewChanges, prePrepares: [...prePrepares, { seq: maxS + 1, digest: NULL_REQUEST_DIGEST, request: null }], replica: byzantine };
}

/**
 * TOCS §6.2: a STATE answering a FETCH for checkpoint n with a history that is not the
 * checkpoint's: n null requests, as if no client's request ever ran. Well formed (each entry is
 * bound to its request), so only the fetcher's check against the stable checkpoint's digest
 * (`hasMatchingStateDigest`) refuses it.
 */
export function forgedState(byzantine: number, seq: number): State {
  const executed = Array.from({ length: seq }, (_, index) => ({ seq: index + 1, digest: NULL_REQUEST_DIGEST, client: NULL_CLIENT, timestamp: 0, op: "null", result: null }));
  return { type: "STATE", seq, executed, replica: byzantine };
}

/**
 * §4.4: a NEW-VIEW from a Byzantine primary of `view` that received more VIEW-CHANGEs than a
 * NEW-VIEW needs: V is its own and those received except `without`'s — a genuine 2f+1 set — and
 * O is the one V gives, so every backup's checks accept it. Sent with another `without` to
 * another replica, the two NEW-VIEWs differ in V and possibly in O: the strongest form of
 * "different NEW-VIEWs to different replicas", which the view change must survive because
 * every 2f+1 V holds a correct replica's certificate for whatever committed.
 */
export function equivocatedNewView(byzantine: number, view: number, received: readonly ViewChange[], without: number, initialStateDigest: string): NewView {
  const others = received.filter((message) => message.view === view && message.replica !== without);
  const viewChanges = [staleViewChange(byzantine, view, initialStateDigest), ...others].sort((a, b) => a.replica - b.replica);
  return { type: "NEW-VIEW", view, viewChanges, prePrepares: newViewOrder(viewChanges).prePrepares, replica: byzantine };
}

/**
 * TOCS §4.4: a VIEW-CHANGE naming the initial state as its checkpoint and nothing prepared. It is
 * also the Byzantine new primary's own VIEW-CHANGE in the V it sends. A valid message — a
 * checkpoint proof older than the others' is genuine, and an empty P cannot be told from a
 * replica that prepared nothing — so it is accepted: min-s is V's highest, and the correct members of
 * any 2f+1 V carry what committed.
 */
export function staleViewChange(byzantine: number, view: number, initialStateDigest: string): ViewChange {
  return { type: "VIEW-CHANGE", view, checkpoint: { seq: 0, stateDigest: initialStateDigest, replicas: [] }, prepared: [], replica: byzantine };
}

/**
 * TOCS §4.4: a VIEW-CHANGE whose P claims `request` prepared at (view 0, `seq`) by the primary of
 * view 0. partial: with one PREPARE, the Byzantine replica's own (signed by it; none when it is
 * view 0's primary), fewer than the 2f a certificate needs; forged: with 2f PREPAREs from backups, the others' signatures made up,
 * since it holds none of their PREPAREs (authenticated messages, §3). Both are refused by
 * `isValidViewChange` (view-change-certificates.ts): the first by its size, the second by its signatures.
 */
export function forgedViewChange(
  byzantine: number,
  view: number,
  kind: "partial" | "forged",
  seq: number,
  request: Request,
  group: { n: number; prepareQuorum: number },
  initialStateDigest: string,
): ViewChange {
  const { n, prepareQuorum } = group;
  const primary = primaryOf(0, n);
  const digest = requestDigest(request);
  const backups = Array.from({ length: n }, (_, replica) => replica).filter((replica) => replica !== primary && replica !== byzantine);
  // Its own PREPARE is genuine, unless it is view 0's primary, whose PREPAREs never count (§4.2).
  const own = byzantine === primary ? [] : [byzantine];
  const prepares = kind === "partial" ? own : [...own, ...backups.slice(0, prepareQuorum - own.length)].sort((a, b) => a - b);
  const signatures = prepares.map((signer) => (signer === byzantine ? prepareSignature(signer, 0, seq, digest) : forgedPrepareSignature(byzantine, signer, 0, seq, digest)));
  const certificate: PreparedCertificate = { view: 0, seq, digest, request, primary, prepares, signatures };
  return { ...staleViewChange(byzantine, view, initialStateDigest), prepared: [certificate] };
}
