import { and, assign, emit, not, setup } from "xstate";
import type { ActorOutput } from "../common/actor-outputs.ts";
import { type ClientId, type ReplicaId, primaryOf, replicaName } from "./ids.ts";
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
  /** The view it believes in; the normal case never changes it. */
  view: number;
  pending: Request | null;
  /** result → replicas that replied it for the pending request. */
  replies: Record<string, ReplicaId[]>;
  sent: Request[];
  accepted: { timestamp: number; result: string }[];
}

export type ClientEvent = { type: "SEND_REQUEST"; op: string } | Delivered<Reply>;
export interface ClientInput {
  id: ClientId;
  n: number;
  replyQuorum: number;
  requests: number;
}

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
  context: ({ input }) => ({ ...input, view: 0, pending: null, replies: {}, sent: [], accepted: [] }),
  initial: "ready",
  states: {
    ready: {
      always: { guard: not("hasRequestsLeft"), target: "done" },
      on: { SEND_REQUEST: { target: "waiting", actions: ["issueRequest", "sendRequest"] } },
    },
    waiting: {
      always: { guard: "hasReplyQuorum", target: "ready", actions: "acceptResult" },
      on: { REPLY: { guard: and(["isReplyToPending", "isFromNewReplica"]), actions: "recordReply" } },
    },
    done: { type: "final" },
  },
});
