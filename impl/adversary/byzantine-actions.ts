import type { Request } from "../../spec/common/messages.ts";
import type { PbftConfig } from "../../spec/common/pbft-config.ts";
import type { ScheduleStep } from "../../spec/common/schedule.ts";
import { clientEndpoint, replicaEndpoint, replicaOfEndpoint } from "../network/envelope.ts";
import type { Envelope } from "../network/envelope.ts";
import { messageId } from "../network/message-id.ts";
import { hasUsed, markUsed } from "./adversary-state.ts";
import type { AdversaryState } from "./adversary-state.ts";
import { correctReplicas } from "./fault-budget.ts";
import { badDigestPrePrepare, forgedCheckpoint, forgedPrePrepare, forgedReply, forgedVote } from "./forged-messages.ts";

/** A Byzantine step as the Schedule writes it: `{byzantine, behaviour, ...args}`. */
export type ByzantineAction =
  | { byzantine: number; behaviour: "equivocate"; seq: number; to: number; client: number; timestamp: number }
  | { byzantine: number; behaviour: "bad-digest"; seq: number; to: number; client: number; timestamp: number; digestClient: number; digestTimestamp: number }
  | { byzantine: number; behaviour: "conflicting-votes"; vote: "prepare" | "commit"; seq: number; to: number; client: number; timestamp: number }
  | { byzantine: number; behaviour: "forge-checkpoint"; seq: number; to: number }
  | { byzantine: number; behaviour: "forge-reply"; client: number; timestamp: number }
  | { byzantine: number; behaviour: "replay"; message: string; to?: number };

function forgeryKey(action: ByzantineAction): string {
  switch (action.behaviour) {
    case "equivocate":
      return `${action.byzantine} pre-prepare n${action.seq} c${action.client}t${action.timestamp} ->${action.to}`;
    case "bad-digest":
      return `${action.byzantine} bad-digest n${action.seq} c${action.client}t${action.timestamp} as c${action.digestClient}t${action.digestTimestamp} ->${action.to}`;
    case "conflicting-votes":
      return `${action.byzantine} ${action.vote} n${action.seq} c${action.client}t${action.timestamp} ->${action.to}`;
    case "forge-checkpoint":
      return `${action.byzantine} checkpoint n${action.seq} ->${action.to}`;
    case "forge-reply":
      return `${action.byzantine} reply c${action.client}t${action.timestamp}`;
    case "replay":
      return `${action.byzantine} replay ${action.message}${action.to === undefined ? "" : ` ->${action.to}`}`;
  }
}

/** The first word of each behaviour's forgery keys (`forgeryKey`), after the forger's id. */
const KEY_WORDS: Readonly<Record<string, ByzantineAction["behaviour"]>> = {
  "pre-prepare": "equivocate",
  "bad-digest": "bad-digest",
  prepare: "conflicting-votes",
  commit: "conflicting-votes",
  checkpoint: "forge-checkpoint",
  reply: "forge-reply",
  replay: "replay",
};

/**
 * Whether the adversary has made a forgery of `behaviour` as replica `byzantine`. A forgery is
 * received as it is made (cluster-steps.ts), so this is whether one was delivered: to a correct
 * replica, or for a forged REPLY to a client. Read off the keys of `used`, whose format only
 * this module knows.
 */
export function hasForged(state: AdversaryState, byzantine: number, behaviour: ByzantineAction["behaviour"]): boolean {
  return state.used.some((key) => {
    const [by, word] = key.split(" ", 2);
    return by === String(byzantine) && KEY_WORDS[word!] === behaviour;
  });
}

/** Sequence numbers 1..adversarySlots, the slots a model lets the adversary attack. */
function adversarySeqs(config: PbftConfig): number[] {
  return Array.from({ length: config.adversarySlots }, (_, index) => index + 1);
}

/**
 * Every forgery the Byzantine replicas can make now, in a fixed order. Signatures are
 * unforgeable (authenticated model, §3), so a Byzantine replica signs only as itself and
 * only proposes requests that clients really sent; it may send any such message to any
 * correct replica (a REPLY to the client that sent the request), once per (behaviour, seq,
 * request, recipient); a replayed message keeps its signer and is forwarded by the adversary.
 */
export function byzantineActions(config: PbftConfig, state: AdversaryState, knownRequests: readonly Request[]): ByzantineAction[] {
  const actions: ByzantineAction[] = [];
  if (config.forgeryBudget !== undefined && state.used.length >= config.forgeryBudget) return actions;
  const recipients = correctReplicas(config);
  for (const { replica: byzantine, behaviours } of config.byzantine) {
    for (const behaviour of behaviours) {
      switch (behaviour) {
        case "equivocate":
        case "conflicting-votes":
          for (const seq of adversarySeqs(config)) {
            for (const to of recipients) {
              for (const { client, timestamp } of knownRequests) {
                if (behaviour === "equivocate") actions.push({ byzantine, behaviour, seq, to, client, timestamp });
                else {
                  actions.push({ byzantine, behaviour, vote: "prepare", seq, to, client, timestamp });
                  actions.push({ byzantine, behaviour, vote: "commit", seq, to, client, timestamp });
                }
              }
            }
          }
          break;
        case "bad-digest":
          for (const seq of adversarySeqs(config)) {
            for (const to of recipients) {
              for (const { client, timestamp } of knownRequests) {
                for (const claimed of knownRequests) {
                  if (claimed.client === client && claimed.timestamp === timestamp) continue;
                  actions.push({ byzantine, behaviour, seq, to, client, timestamp, digestClient: claimed.client, digestTimestamp: claimed.timestamp });
                }
              }
            }
          }
          break;
        case "forge-checkpoint":
          for (const seq of adversarySeqs(config)) for (const to of recipients) actions.push({ byzantine, behaviour, seq, to });
          break;
        case "forge-reply":
          for (const { client, timestamp } of knownRequests) actions.push({ byzantine, behaviour, client, timestamp });
          break;
        case "replay":
          // A signed message proves only who signed it, not whom it was for, so a Byzantine
          // replica can forward any message it saw to any correct replica (§4.2 counts votes by
          // signer). A REPLY goes only to the client it answers (replicas take no REPLYs).
          for (const envelope of state.observed) {
            const message = messageId(envelope);
            if (replicaOfEndpoint(envelope.to) === undefined) actions.push({ byzantine, behaviour, message });
            else for (const to of recipients) actions.push({ byzantine, behaviour, message, to });
          }
          break;
        case "silent":
          break;
      }
    }
  }
  return actions.filter((action) => !hasUsed(state, forgeryKey(action)));
}

function requestNamed(knownRequests: readonly Request[], client: number, timestamp: number): Request {
  const request = knownRequests.find((known) => known.client === client && known.timestamp === timestamp);
  if (request === undefined) throw new Error(`forgery names request c${client} t${timestamp}, which no client sent`);
  return request;
}

/** The envelopes one forgery puts on the wire (the adversary's memory aside). */
function forgedEnvelopes(state: AdversaryState, action: ByzantineAction, knownRequests: readonly Request[]): Envelope[] {
  const from = replicaEndpoint(action.byzantine);
  switch (action.behaviour) {
    case "replay": {
      const envelope = state.observed.find((seen) => messageId(seen) === action.message);
      if (envelope === undefined) throw new Error(`replay of a message never observed: ${action.message}`);
      return [{ from, to: action.to === undefined ? envelope.to : replicaEndpoint(action.to), message: envelope.message }];
    }
    case "equivocate": {
      const message = forgedPrePrepare(action.byzantine, action.seq, requestNamed(knownRequests, action.client, action.timestamp));
      return [{ from, to: replicaEndpoint(action.to), message }];
    }
    case "bad-digest": {
      const request = requestNamed(knownRequests, action.client, action.timestamp);
      const claimed = requestNamed(knownRequests, action.digestClient, action.digestTimestamp);
      return [{ from, to: replicaEndpoint(action.to), message: badDigestPrePrepare(action.byzantine, action.seq, request, claimed) }];
    }
    case "conflicting-votes": {
      const message = forgedVote(action.byzantine, action.vote, action.seq, requestNamed(knownRequests, action.client, action.timestamp));
      return [{ from, to: replicaEndpoint(action.to), message }];
    }
    case "forge-checkpoint":
      return [{ from, to: replicaEndpoint(action.to), message: forgedCheckpoint(action.byzantine, action.seq) }];
    case "forge-reply": {
      const request = requestNamed(knownRequests, action.client, action.timestamp);
      return [{ from, to: clientEndpoint(action.client), message: forgedReply(action.byzantine, request) }];
    }
  }
}

/** Performs a forgery: the adversary's next state and the envelopes it puts on the wire. */
export function performByzantine(
  state: AdversaryState,
  action: ByzantineAction,
  knownRequests: readonly Request[],
): { state: AdversaryState; envelopes: Envelope[] } {
  const next = markUsed(state, forgeryKey(action));
  return { state: next, envelopes: forgedEnvelopes(state, action, knownRequests) };
}

/** The Schedule step of a Byzantine action (for counterexamples and replay files). */
export function byzantineStepOf(action: ByzantineAction): ScheduleStep {
  return { ...action };
}
