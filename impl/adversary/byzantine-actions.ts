import { requestDigest } from "../../spec/common/digest.ts";
import type { Request, ReplicaMessage } from "../../spec/common/messages.ts";
import type { PbftConfig } from "../../spec/common/pbft-config.ts";
import type { ScheduleStep } from "../../spec/common/schedule.ts";
import { replicaEndpoint } from "../network/envelope.ts";
import type { Envelope } from "../network/envelope.ts";
import { messageId } from "../network/message-id.ts";
import { hasUsed, markUsed } from "./adversary-state.ts";
import type { AdversaryState } from "./adversary-state.ts";
import { correctReplicas } from "./fault-budget.ts";

/** A Byzantine step as the Schedule writes it: `{byzantine, behaviour, ...args}`. */
export type ByzantineAction =
  | { byzantine: number; behaviour: "equivocate"; seq: number; to: number; client: number; timestamp: number }
  | { byzantine: number; behaviour: "conflicting-votes"; vote: "prepare" | "commit"; seq: number; to: number; client: number; timestamp: number }
  | { byzantine: number; behaviour: "replay"; message: string };

function forgeryKey(action: ByzantineAction): string {
  switch (action.behaviour) {
    case "equivocate":
      return `${action.byzantine} pre-prepare n${action.seq} c${action.client}t${action.timestamp} ->${action.to}`;
    case "conflicting-votes":
      return `${action.byzantine} ${action.vote} n${action.seq} c${action.client}t${action.timestamp} ->${action.to}`;
    case "replay":
      return `${action.byzantine} replay ${action.message}`;
  }
}

/**
 * Every forgery the Byzantine replicas can make now, in a fixed order. Signatures are
 * unforgeable (authenticated model, §3), so a Byzantine replica signs only as itself and
 * only proposes requests that clients really sent; it may send any such message to any
 * correct replica, once per (behaviour, seq, request, recipient).
 */
export function byzantineActions(config: PbftConfig, state: AdversaryState, knownRequests: readonly Request[]): ByzantineAction[] {
  const actions: ByzantineAction[] = [];
  if (config.forgeryBudget !== undefined && state.used.length >= config.forgeryBudget) return actions;
  const recipients = correctReplicas(config);
  for (const { replica, behaviours } of config.byzantine) {
    for (const behaviour of behaviours) {
      if (behaviour === "equivocate" || behaviour === "conflicting-votes") {
        for (let seq = 1; seq <= config.adversarySlots; seq++) {
          for (const to of recipients) {
            for (const { client, timestamp } of knownRequests) {
              if (behaviour === "equivocate") actions.push({ byzantine: replica, behaviour, seq, to, client, timestamp });
              else {
                actions.push({ byzantine: replica, behaviour, vote: "prepare", seq, to, client, timestamp });
                actions.push({ byzantine: replica, behaviour, vote: "commit", seq, to, client, timestamp });
              }
            }
          }
        }
      }
      if (behaviour === "replay") {
        for (const envelope of state.observed) actions.push({ byzantine: replica, behaviour, message: messageId(envelope) });
      }
    }
  }
  return actions.filter((action) => !hasUsed(state, forgeryKey(action)));
}

function forgedMessage(action: Exclude<ByzantineAction, { behaviour: "replay" }>, request: Request): ReplicaMessage {
  const digest = requestDigest(request);
  if (action.behaviour === "equivocate") {
    return { type: "PRE-PREPARE", view: 0, seq: action.seq, digest, request, replica: action.byzantine };
  }
  return { type: action.vote === "prepare" ? "PREPARE" : "COMMIT", view: 0, seq: action.seq, digest, replica: action.byzantine };
}

/** Performs a forgery: the adversary's next state and the envelopes it puts on the wire. */
export function performByzantine(
  state: AdversaryState,
  action: ByzantineAction,
  knownRequests: readonly Request[],
): { state: AdversaryState; envelopes: Envelope[] } {
  const next = markUsed(state, forgeryKey(action));
  if (action.behaviour === "replay") {
    const envelope = state.observed.find((seen) => messageId(seen) === action.message);
    if (envelope === undefined) throw new Error(`replay of a message never observed: ${action.message}`);
    return { state: next, envelopes: [envelope] };
  }
  const request = knownRequests.find((known) => known.client === action.client && known.timestamp === action.timestamp);
  if (request === undefined) throw new Error(`forgery names request c${action.client} t${action.timestamp}, which no client sent`);
  const message = forgedMessage(action, request);
  return { state: next, envelopes: [{ from: replicaEndpoint(action.byzantine), to: replicaEndpoint(action.to), message }] };
}

/** The Schedule step of a Byzantine action (for counterexamples and replay files). */
export function byzantineStepOf(action: ByzantineAction): ScheduleStep {
  return { ...action };
}
