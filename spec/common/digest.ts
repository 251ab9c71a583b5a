import { sha256 } from "@noble/hashes/sha2.js";
import { bytesToHex, utf8ToBytes } from "@noble/hashes/utils.js";
import { canonicalJson } from "./canonical-json.ts";
import type { Request } from "./messages.ts";

/** Castro & Liskov §4.2: d = D(m), a collision-resistant digest of the request (SHA-256 here). */
export function requestDigest(request: Request): string {
  return sha256Hex(canonicalJson({ client: request.client, op: request.op, timestamp: request.timestamp }));
}

/** SHA-256 of a UTF-8 string, lowercase hex. */
export function sha256Hex(text: string): string {
  return bytesToHex(sha256(utf8ToBytes(text)));
}

/** The digest prefix printed in message ids and traces ("d:3fa2c1"). */
export function shortDigest(digest: string): string {
  return digest.slice(0, 6);
}
