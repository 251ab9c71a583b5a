import { sha256 } from "@noble/hashes/sha2.js";
import { bytesToHex, utf8ToBytes } from "@noble/hashes/utils.js";
import { canonicalJson } from "../common/canonical-json.ts";
import type { Request } from "./messages.ts";

const digests = new Map<string, string>();

/**
 * Castro & Liskov §4.2: d = D(m), a collision-resistant digest of the request (SHA-256 of its
 * canonical JSON here). Memoised: the digest is a pure function of the request, and the
 * explorer asks for the same few requests' digests millions of times.
 */
export function requestDigest(request: Request): string {
  const encoding = canonicalJson({ client: request.client, op: request.op, timestamp: request.timestamp });
  let digest = digests.get(encoding);
  if (digest === undefined) {
    digest = sha256Hex(encoding);
    digests.set(encoding, digest);
  }
  return digest;
}

/** SHA-256 of a UTF-8 string, lowercase hex. */
export function sha256Hex(text: string): string {
  return bytesToHex(sha256(utf8ToBytes(text)));
}

/** The digest prefix printed in message ids and traces ("d:3fa2c1"). */
export function shortDigest(digest: string): string {
  return digest.slice(0, 6);
}

/**
 * §4.3: the checkpoint's state digest d — SHA-256 of the service state after a history of
 * executed entries (their seq, request digest and result). A STATE's history is checked
 * against it (state transfer, TOCS §6.2).
 */
export function stateDigestOf(executed: readonly { seq: number; digest: string; result: string | null }[]): string {
  return sha256Hex(canonicalJson(executed.map((entry) => [entry.seq, entry.digest, entry.result])));
}
