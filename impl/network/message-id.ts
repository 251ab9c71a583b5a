import { shortDigest } from "../../spec/common/digest.ts";
import type { PbftMessage } from "../../spec/common/messages.ts";
import type { Envelope } from "./envelope.ts";

/** The message's fields as a trace reads them, e.g. "PREPARE v0 n1 d:3fa2c1". */
export function describeMessage(message: PbftMessage): string {
  switch (message.type) {
    case "REQUEST":
      return `REQUEST c${message.client} t${message.timestamp} op:${message.op}`;
    case "PRE-PREPARE":
      return `PRE-PREPARE v${message.view} n${message.seq} d:${shortDigest(message.digest)}`;
    case "PREPARE":
    case "COMMIT":
      return `${message.type} v${message.view} n${message.seq} d:${shortDigest(message.digest)}`;
    case "REPLY":
      return `REPLY v${message.view} t${message.timestamp} r:${message.result}`;
    case "CHECKPOINT":
      return `CHECKPOINT n${message.seq} s:${shortDigest(message.stateDigest)}`;
  }
}

/**
 * The stable, human-readable id of a message in flight, used in `{deliver: id}` steps:
 * "PREPARE v0 n1 d:3fa2c1 2->1". Copies of one message share its id (they are
 * indistinguishable); the network counts them.
 */
export function messageId(envelope: Envelope): string {
  return `${describeMessage(envelope.message)} ${envelope.from}->${envelope.to}`;
}
