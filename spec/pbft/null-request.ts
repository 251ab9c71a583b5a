import { sha256Hex } from "./digest.ts";

/**
 * TOCS §4.4: the null request fills a sequence number in (min-s, max-s] that no prepared
 * certificate in V names. It goes through the protocol like any request; executing it leaves
 * the service state alone but counts the sequence number. Its digest is SHA-256 of "null",
 * which no client request's canonical JSON equals.
 */
export const NULL_REQUEST_DIGEST = sha256Hex("null");

/** The client an executed null request is logged under: none (no client has a negative id). */
export const NULL_CLIENT = -1;
