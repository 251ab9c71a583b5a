import { and, assign, emit, not, setup } from "xstate";
import type { ActorOutput } from "../common/actor-outputs.ts";
import { type ClientId, type ReplicaId, primaryOf, replicaIds, replicaName } from "./ids.ts";
import type { Delivered, Reply, Request } from "./messages.ts";

/**
 * A PBFT client (Castro & Liskov §4.1): it sends one request at a time with a growing
 * timestamp to the primary of the view it believes in, and accepts a result once f+1 replicas
 * reply with it, so that at least one of them is correct. Its requests come from outside the
 * protocol: the `request` step (models/pbft/pbft-steps.ts) is its SEND_REQUEST event.
 */
export interface ClientContext {
  id: ClientId;
  n: number;
  replyQuorum: number;
  /** How many requests this client sends in all. */
  requests: number;
  /** With the view change (§4.4): after its timer expires it sends the pending request to every replica, once. */
  retransmit: boolean;
  /** The view it believes in; the normal case never changes it. */
  view: number;
  pending: Request | null;
  /** result → replicas that replied it for the pending request. */
  replies: Record<string, ReplicaId[]>;
  sent: Request[];
  accepted: { timestamp: number; result: string }[];
}

export type ClientEvent = { type: "SEND_REQUEST"; op: string } | Delivered<Reply> | { type: "TIMEOUT"; timer: string };
export interface ClientInput {
  id: ClientId;
  n: number;
  replyQuorum: number;
  requests: number;
  retransmit?: boolean;
}

/** The client's one timer: its request's retransmission (§4.4). */
export const RETRANSMIT_TIMER = "retransmit";

function quorumResult(context: ClientContext): string | undefined {
  return Object.keys(context.replies)
    .sort()
    .find((result) => context.replies[result]!.length >= context.replyQuorum);
}

const isReplyToPending = (context: ClientContext, event: ClientEvent): boolean =>
  event.type === "REPLY" && context.pending !== null && event.timestamp === context.pending.timestamp && event.client === context.id;
const isFromNewReplica = (context: ClientContext, event: ClientEvent): boolean =>
  event.type === "REPLY" && !Object.values(context.replies).some((replicas) => replicas.includes(event.replica));

export const clientMachine = setup({
  types: { context: {} as ClientContext, events: {} as ClientEvent, input: {} as ClientInput, emitted: {} as ActorOutput<Request> },
  guards: {
    hasRequestsLeft: ({ context }) => context.sent.length < context.requests,
    /** The view change is on: a client whose primary may be faulty retransmits (§4.4). */
    retransmits: ({ context }) => context.retransmit,
    isReplyToPending: ({ context, event }) => isReplyToPending(context, event),
    /** Replies are counted by signer (§4.1: "from different replicas"). */
    isFromNewReplica: ({ context, event }) => isFromNewReplica(context, event),
    /** §4.1: f+1 replies from distinct replicas with the same result. */
    hasReplyQuorum: ({ context }) => quorumResult(context) !== undefined,
    /**
     * A reply refused for ever: for a request already accepted (timestamps only grow), or for
     * the pending one from a replica already counted (counts only grow until it is accepted).
     */
    isObsolete: ({ context, event }) =>
      event.type === "REPLY" && (event.timestamp <= context.accepted.length || (isReplyToPending(context, event) && !isFromNewReplica(context, event))),
  },
  actions: {
    issueRequest: assign(({ context, event }) => {
      if (event.type !== "SEND_REQUEST") return {};
      const request: Request = { type: "REQUEST", client: context.id, timestamp: context.sent.length + 1, op: event.op };
      return { pending: request, sent: [...context.sent, request], replies: {} };
    }),
    /** §4.4: the client's timer for the pending request … */
    startRetransmitTimer: emit({ type: "setTimer" as const, timer: RETRANSMIT_TIMER }),
    /**
     * … on whose expiry it multicasts the request to all replicas, so that the backups relay it
     * and suspect the primary. Once per request: the replicas remember it from then on (they keep
     * it waiting and relay it to each new primary), so a second copy adds nothing but states.
     */
    retransmitToAll: emit(({ context }) => ({ type: "send" as const, to: replicaIds(context.n).map(replicaName), message: context.pending! })),
    stopRetransmitTimer: emit({ type: "cancelTimer" as const, timer: RETRANSMIT_TIMER }),
    /** §4.1: to the primary of the view the client believes in. */
    sendRequest: emit(({ context }) => ({ type: "send" as const, to: replicaName(primaryOf(context.view, context.n)), message: context.pending! })),
    recordReply: assign(({ context, event }) => {
      if (event.type !== "REPLY") return {};
      const replicas = [...(context.replies[event.result] ?? []), event.replica].sort((a, b) => a - b);
      return { replies: { ...context.replies, [event.result]: replicas } };
    }),
    acceptResult: assign(({ context }) => ({
      accepted: [...context.accepted, { timestamp: context.pending!.timestamp, result: quorumResult(context)! }],
      pending: null,
      replies: {},
    })),
  },
}).createMachine({
  id: "pbftClient",
  context: ({ input }) => ({ ...input, retransmit: input.retransmit ?? false, view: 0, pending: null, replies: {}, sent: [], accepted: [] }),
  initial: "ready",
  states: {
    ready: {
      always: { guard: not("hasRequestsLeft"), target: "done" },
      on: {
        SEND_REQUEST: [
          { guard: "retransmits", target: "waiting", actions: ["issueRequest", "sendRequest", "startRetransmitTimer"] },
          { target: "waiting", actions: ["issueRequest", "sendRequest"] },
        ],
      },
    },
    waiting: {
      always: [
        { guard: and(["hasReplyQuorum", "retransmits"]), target: "ready", actions: ["acceptResult", "stopRetransmitTimer"] },
        { guard: "hasReplyQuorum", target: "ready", actions: "acceptResult" },
      ],
      on: {
        REPLY: { guard: and(["isReplyToPending", "isFromNewReplica"]), actions: "recordReply" },
        TIMEOUT: { actions: "retransmitToAll" },
      },
    },
    done: { type: "final" },
  },
});
