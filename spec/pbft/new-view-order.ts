import type { NewViewEntry, PreparedCertificate, ViewChange } from "./messages.ts";
import { NULL_REQUEST_DIGEST } from "./null-request.ts";

/** What a NEW-VIEW's V determines (§4.4): the checkpoint it starts from, the last prepared seq, and O. */
export interface NewViewOrder {
  /** min-s: the latest stable checkpoint named in V. */
  minS: number;
  /** max-s: the highest sequence number of a prepared certificate in V (min-s when there is none above it). */
  maxS: number;
  /** O: one pre-prepare per n in (min-s, max-s], in sequence order. */
  prePrepares: NewViewEntry[];
}

/**
 * Castro & Liskov §4.4 (TOCS §4.5.1, "the new primary computes O"): for each n in (min-s, max-s]
 * the request of the prepared certificate with the highest view among V's P sets, else the null
 * request. The new primary builds its NEW-VIEW with it and every backup recomputes it from V to
 * check the NEW-VIEW (replica-guards.ts `hasConsistentNewView`): one function, so the two
 * cannot disagree. Ties between certificates of one view cannot name two digests among correct
 * replicas (prepared agreement, §4.2); the first in V's order wins so the result is determined.
 */
export function newViewOrder(viewChanges: readonly ViewChange[]): NewViewOrder {
  const minS = Math.max(0, ...viewChanges.map((message) => message.checkpoint.seq));
  const best = new Map<number, PreparedCertificate>();
  for (const message of viewChanges) {
    for (const certificate of message.prepared) {
      if (certificate.seq <= minS) continue;
      const known = best.get(certificate.seq);
      if (known === undefined || certificate.view > known.view) best.set(certificate.seq, certificate);
    }
  }
  const maxS = Math.max(minS, ...best.keys());
  const prePrepares: NewViewEntry[] = [];
  for (let seq = minS + 1; seq <= maxS; seq++) {
    const certificate = best.get(seq);
    prePrepares.push(certificate === undefined ? { seq, digest: NULL_REQUEST_DIGEST, request: null } : { seq, digest: certificate.digest, request: certificate.request });
  }
  return { minS, maxS, prePrepares };
}
