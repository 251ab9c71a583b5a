import { and, assign, emit, initialTransition, not, setup, transition } from "xstate";
import type { StateValue } from "xstate";
import type { ClientId, ReplicaId } from "../common/ids.ts";
import type { Reply, Request } from "../common/messages.ts";

/**
 * A PBFT client (Castro & Liskov §4.1): it sends one request at a time with a growing
 * timestamp and accepts a result once f+1 replicas reply with it, so that at least one of
 * them is correct.
 */
export interface ClientContext {
  id: ClientId;
  replyQuorum: number;
  /** How many requests this client sends in all. */
  requests: number;
  pending: Request | null;
  /** result → replicas that replied it for the pending request. */
  replies: Record<string, ReplicaId[]>;
  sent: Request[];
  accepted: { timestamp: number; result: string }[];
}

export type ClientEvent = { type: "SEND_REQUEST"; op: string } | Reply;
export type ClientOutput = { type: "SEND"; message: Request };
export interface ClientInput {
  id: ClientId;
  replyQuorum: number;
  requests: number;
}

function quorumResult(context: ClientContext): string | undefined {
  return Object.keys(context.replies)
    .sort()
    .find((result) => context.replies[result]!.length >= context.replyQuorum);
}

export const clientMachine = setup({
  types: { context: {} as ClientContext, events: {} as ClientEvent, input: {} as ClientInput, emitted: {} as ClientOutput },
  guards: {
    hasRequestsLeft: ({ context }) => context.sent.length < context.requests,
    isReplyToPending: ({ context, event }) =>
      event.type === "REPLY" && context.pending !== null && event.timestamp === context.pending.timestamp && event.client === context.id,
    isFromNewReplica: ({ context, event }) =>
      event.type === "REPLY" && !Object.values(context.replies).some((replicas) => replicas.includes(event.replica)),
    /** §4.1: f+1 replies from distinct replicas with the same result. */
    hasReplyQuorum: ({ context }) => quorumResult(context) !== undefined,
  },
  actions: {
    issueRequest: assign(({ context, event }) => {
      if (event.type !== "SEND_REQUEST") return {};
      const request: Request = { type: "REQUEST", client: context.id, timestamp: context.sent.length + 1, op: event.op };
      return { pending: request, sent: [...context.sent, request], replies: {} };
    }),
    sendRequest: emit(({ context }) => ({ type: "SEND" as const, message: context.pending! })),
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
  context: ({ input }) => ({ ...input, pending: null, replies: {}, sent: [], accepted: [] }),
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

export interface ClientState {
  value: StateValue;
  context: ClientContext;
}

export function initialClientState(input: ClientInput): ClientState {
  const [snapshot] = initialTransition(clientMachine, input);
  return { value: snapshot.value, context: snapshot.context };
}

export function stepClient(state: ClientState, event: ClientEvent): { state: ClientState; outputs: ClientOutput[] } {
  const [next, actions] = transition(clientMachine, clientMachine.resolveState(state), event);
  const outputs = (actions as readonly { type: string; params?: unknown }[])
    .filter((action) => action.type === "xstate.emit")
    .map((action) => (action.params as { event: ClientOutput }).event);
  return { state: { value: next.value, context: next.context }, outputs };
}
