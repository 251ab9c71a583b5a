import { and, assign, enqueueActions, not, setup } from "xstate";
import type { ActorOutput } from "../common/actor-outputs.ts";
import { type ByzantineBehaviour } from "./config.ts";
import { badDigestPrePrepare, equivocatedNewView, forgedCheckpoint, forgedNewView, forgedPrePrepare, forgedReply, forgedState, forgedViewChange, forgedVote, staleViewChange } from "./forgeries.ts";
import { stateDigestOf } from "./replica-rules.ts";
import { clientName, primaryOf, replicaName } from "./ids.ts";
import type { Delivered, Fetch, PbftMessage, Request, ViewChange } from "./messages.ts";

/**
 * A Byzantine replica (Castro & Liskov §3: up to f replicas "may behave arbitrarily"), as the
 * adversary's strategy: a machine of its own that the runtime runs as any actor. It receives
 * every message sent to it and remembers the requests it has seen (authenticated messages: it
 * can propose only requests that clients sent and that reached it), and it forges — each of its
 * behaviours an event that the protocol's Byzantine steps give it (models/pbft/pbft-steps.ts),
 * taken only where its guards allow: its configured behaviours, the primary's role for
 * PRE-PREPAREs, the adversary's sequence numbers, a budget of forgeries, never the same twice.
 * Everything is signed as itself, in the view it is in.
 */
export interface ByzantineInput {
  id: number;
  n: number;
  behaviours: ByzantineBehaviour[];
  /** Sequence numbers 1 … adversarySlots are the ones it forges for (bounds the space). */
  adversarySlots: number;
  /** Forgeries in one run; null: unbounded. */
  forgeryBudget: number | null;
  /** VIEW-CHANGEs a NEW-VIEW needs (2f+1, its own included), for `forge-new-view` and `equivocate-new-view`; absent: both are off. */
  viewChangeQuorum?: number;
  /** For `forge-view-change`: the view-change cut-off (it asks for views 1 … maxView) and the PREPAREs a certificate needs (2f); absent: the behaviour is off. */
  maxView?: number;
  prepareQuorum?: number;
}

export interface ByzantineContext extends ByzantineInput {
  view: number;
  /** Requests it has seen, sorted by client and timestamp. */
  known: Request[];
  /** The forgeries it made, by key (`forgeryKey`), sorted. */
  forged: string[];
  /** With `forge-new-view` or `equivocate-new-view`: the VIEW-CHANGEs it received for views it is the primary of, sorted by view and sender. */
  viewChanges: ViewChange[];
}

export type Forgery =
  | { type: "EQUIVOCATE"; seq: number; to: string; client: number; timestamp: number }
  | { type: "BAD_DIGEST"; seq: number; to: string; client: number; timestamp: number; digestClient: number; digestTimestamp: number }
  | { type: "CONFLICTING_VOTE"; vote: "prepare" | "commit"; seq: number; to: string; client: number; timestamp: number }
  | { type: "FORGE_CHECKPOINT"; seq: number; to: string }
  | { type: "FORGE_REPLY"; client: number; timestamp: number }
  | { type: "FORGE_NEW_VIEW"; view: number; to: string }
  | { type: "EQUIVOCATE_NEW_VIEW"; view: number; to: string; without: number }
  | ForgedViewChange;

/**
 * `forge-view-change`'s three VIEW-CHANGEs (TOCS §4.4). stale: the genesis checkpoint and an
 * empty P, whatever it holds — a valid message (nothing in it is forged), which V's other
 * members must make up for; partial: P names a request it has seen at (view 0, seq) with one
 * PREPARE, its own (none if it is view 0's primary), fewer than the 2f a certificate needs; forged: the same with 2f PREPAREs,
 * the others' signatures made up (signatures.ts), since it holds none of theirs.
 */
export type ForgedViewChange =
  | { type: "FORGE_VIEW_CHANGE"; certificate: "stale"; view: number; to: string }
  | { type: "FORGE_VIEW_CHANGE"; certificate: "partial" | "forged"; view: number; to: string; seq: number; client: number; timestamp: number };

export type ByzantineEvent = Delivered | Forgery;

/** The behaviour each forgery event belongs to (the config's names). */
export const BEHAVIOUR_OF: Readonly<Record<Forgery["type"], ByzantineBehaviour>> = {
  EQUIVOCATE: "equivocate",
  BAD_DIGEST: "bad-digest",
  CONFLICTING_VOTE: "conflicting-votes",
  FORGE_CHECKPOINT: "forge-checkpoint",
  FORGE_REPLY: "forge-reply",
  FORGE_NEW_VIEW: "forge-new-view",
  EQUIVOCATE_NEW_VIEW: "equivocate-new-view",
  FORGE_VIEW_CHANGE: "forge-view-change",
};

const isForgery = (event: ByzantineEvent): event is Forgery => event.type in BEHAVIOUR_OF;

/** A forgery's identity: the same key is the same message to the same receiver. */
export function forgeryKey(forgery: Forgery): string {
  const { type, ...fields } = forgery;
  return `${BEHAVIOUR_OF[type]} ${Object.entries(fields)
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([key, value]) => `${key}=${String(value)}`)
    .join(" ")}`;
}

/** The client-signed request a message carries (without the sender the runtime added to a REQUEST). */
function requestOf(event: ByzantineEvent): Request | undefined {
  if (event.type === "PRE-PREPARE") return (event as { request: Request }).request;
  if (event.type !== "REQUEST") return undefined;
  const { client, timestamp, op } = event as Request;
  return { type: "REQUEST", client, timestamp, op };
}
const knows = (context: ByzantineContext, client: number, timestamp: number): Request | undefined =>
  context.known.find((request) => request.client === client && request.timestamp === timestamp);
const carriesNewRequest = (context: ByzantineContext, event: ByzantineEvent): boolean => {
  const request = requestOf(event);
  return request !== undefined && knows(context, request.client, request.timestamp) === undefined;
};
/** §4.4: with `forge-new-view` or `equivocate-new-view`, a VIEW-CHANGE for a view it is the primary of, from a replica not yet heard for it. */
const collectsViewChange = (context: ByzantineContext, event: ByzantineEvent): boolean =>
  event.type === "VIEW-CHANGE" &&
  (context.behaviours.includes("forge-new-view") || context.behaviours.includes("equivocate-new-view")) &&
  primaryOf((event as ViewChange).view, context.n) === context.id &&
  !context.viewChanges.some((known) => known.view === (event as ViewChange).view && known.replica === (event as ViewChange).replica);
/** Its own VIEW-CHANGE makes the rest of a 2f+1 V. */
const hasViewChangesFor = (context: ByzantineContext, view: number): boolean =>
  context.viewChanges.filter((message) => message.view === view).length + 1 >= (context.viewChangeQuorum ?? Number.POSITIVE_INFINITY);
/** `forge-state`: the key of the forged STATE answering a FETCH (one per fetcher and seq), in `forgeryKey`'s form. */
const stateForgeryKey = (fetch: Fetch): string => `forge-state seq=${fetch.seq} to=${replicaName(fetch.replica)}`;
/** TOCS §6.2: with `forge-state` and budget left, a FETCH from another replica not yet answered: it answers with a forged state. */
const answersFetch = (context: ByzantineContext, event: ByzantineEvent): boolean =>
  event.type === "FETCH" &&
  context.behaviours.includes("forge-state") &&
  (event as Fetch).replica !== context.id &&
  (context.forgeryBudget === null || context.forged.length < context.forgeryBudget) &&
  !context.forged.includes(stateForgeryKey(event as Fetch));
/**
 * §4.4: a V to leave one VIEW-CHANGE out of — the one from `without`, which it received — and
 * still hold 2f+1 with its own: it received 2f+1 from others, more than a NEW-VIEW needs, so
 * each choice is a genuine V, and different choices go to different replicas.
 */
const canLeaveOut = (context: ByzantineContext, view: number, without: number): boolean => {
  const received = context.viewChanges.filter((message) => message.view === view);
  return received.some((message) => message.replica === without) && received.length >= (context.viewChangeQuorum ?? Number.POSITIVE_INFINITY);
};
const replicaIndex = (name: string): number => (/^R\d+$/.test(name) ? Number(name.slice(1)) : -1);

export const byzantineReplicaMachine = setup({
  types: { context: {} as ByzantineContext, events: {} as ByzantineEvent, input: {} as ByzantineInput, emitted: {} as ActorOutput<PbftMessage> },
  guards: {
    carriesNewRequest: ({ context, event }) => carriesNewRequest(context, event),
    /** It learns nothing else from a message: it forges from what clients sent alone. */
    isObsolete: ({ context, event }) => !isForgery(event) && !carriesNewRequest(context, event) && !collectsViewChange(context, event) && !answersFetch(context, event),
    answersFetch: ({ context, event }) => answersFetch(context, event),
    collectsViewChange: ({ context, event }) => collectsViewChange(context, event),
    /** §4.4: V needs 2f+1 VIEW-CHANGEs for the view, its own included. */
    hasViewChangesFor: ({ context, event }) => event.type === "FORGE_NEW_VIEW" && hasViewChangesFor(context, event.view),
    /** §4.4: 2f+1 VIEW-CHANGEs from others, so V may leave out the one from `without` (canLeaveOut). */
    hasViewChangesBeyondQuorum: ({ context, event }) => event.type === "EQUIVOCATE_NEW_VIEW" && canLeaveOut(context, event.view, event.without),
    /** §4.4: a VIEW-CHANGE for a view the cut-off lets the replicas enter (config.ts `viewChange.maxView`), the behaviour given the certificate size it forges against. */
    isModelledView: ({ context, event }) => "view" in event && event.view >= 1 && event.view <= (context.maxView ?? 0) && context.prepareQuorum !== undefined,
    /** A certificate's request and seq: one it has seen, at one of the adversary's sequence numbers. */
    namesKnownRequestAtAdversarySlot: ({ context, event }) =>
      event.type === "FORGE_VIEW_CHANGE" &&
      (event.certificate === "stale" || (event.seq >= 1 && event.seq <= context.adversarySlots && knows(context, event.client, event.timestamp) !== undefined)),
    hasBehaviour: ({ context, event }) => isForgery(event) && context.behaviours.includes(BEHAVIOUR_OF[event.type]),
    /** §4.2: backups take PRE-PREPAREs only from the primary of the view, so only it sends them. */
    isPrimaryOfView: ({ context }) => context.id === primaryOf(context.view, context.n),
    isAdversarySlot: ({ context, event }) => "seq" in event && event.seq >= 1 && event.seq <= context.adversarySlots,
    isToAnotherReplica: ({ context, event }) => "to" in event && replicaIndex(event.to) >= 0 && replicaIndex(event.to) < context.n && replicaIndex(event.to) !== context.id,
    /** Authenticated requests: it can only name a request it has seen. */
    knowsRequest: ({ context, event }) => isForgery(event) && "client" in event && knows(context, event.client, event.timestamp) !== undefined,
    knowsClaimedRequest: ({ context, event }) =>
      event.type === "BAD_DIGEST" && knows(context, event.digestClient, event.digestTimestamp) !== undefined && (event.digestClient !== event.client || event.digestTimestamp !== event.timestamp),
    hasForgeryBudget: ({ context }) => context.forgeryBudget === null || context.forged.length < context.forgeryBudget,
    isNewForgery: ({ context, event }) => isForgery(event) && !context.forged.includes(forgeryKey(event)),
  },
  actions: {
    recordRequest: assign(({ context, event }) => ({
      known: [...context.known, requestOf(event)!].sort((a, b) => a.client - b.client || a.timestamp - b.timestamp),
    })),
    recordViewChange: assign(({ context, event }) => {
      const { from: _from, ...message } = event as Delivered<ViewChange>;
      return { viewChanges: [...context.viewChanges, message].sort((a, b) => a.view - b.view || a.replica - b.replica) };
    }),
    /** `forge-state`: a STATE whose history is not the checkpoint's, to the fetcher. */
    forgeState: enqueueActions(({ context, event, enqueue }) => {
      const fetch = event as Delivered<Fetch>;
      enqueue.assign({ forged: [...context.forged, stateForgeryKey(fetch)].sort() });
      enqueue.emit({ type: "send", to: replicaName(fetch.replica), message: forgedState(context.id, fetch.seq) });
    }),
    forge: enqueueActions(({ context, event, enqueue }) => {
      const forgery = event as Forgery;
      enqueue.assign({ forged: [...context.forged, forgeryKey(forgery)].sort() });
      enqueue.emit(forgedSend(context, forgery));
    }),
  },
}).createMachine({
  id: "pbftByzantineReplica",
  context: ({ input }) => ({ ...input, view: 0, known: [], forged: [], viewChanges: [] }),
  initial: "forging",
  states: {
    forging: {
      // With its budget spent it can do nothing more: a final state, whose inbox the runtime discards.
      always: { guard: not("hasForgeryBudget"), target: "spent" },
      on: {
        REQUEST: { guard: "carriesNewRequest", actions: "recordRequest" },
        "PRE-PREPARE": { guard: "carriesNewRequest", actions: "recordRequest" },
        EQUIVOCATE: { guard: and(["hasBehaviour", "isPrimaryOfView", "isAdversarySlot", "isToAnotherReplica", "knowsRequest", "hasForgeryBudget", "isNewForgery"]), actions: "forge" },
        BAD_DIGEST: {
          guard: and(["hasBehaviour", "isPrimaryOfView", "isAdversarySlot", "isToAnotherReplica", "knowsRequest", "knowsClaimedRequest", "hasForgeryBudget", "isNewForgery"]),
          actions: "forge",
        },
        CONFLICTING_VOTE: { guard: and(["hasBehaviour", "isAdversarySlot", "isToAnotherReplica", "knowsRequest", "hasForgeryBudget", "isNewForgery"]), actions: "forge" },
        FORGE_CHECKPOINT: { guard: and(["hasBehaviour", "isAdversarySlot", "isToAnotherReplica", "hasForgeryBudget", "isNewForgery"]), actions: "forge" },
        FORGE_REPLY: { guard: and(["hasBehaviour", "knowsRequest", "hasForgeryBudget", "isNewForgery"]), actions: "forge" },
        "VIEW-CHANGE": { guard: "collectsViewChange", actions: "recordViewChange" },
        FETCH: { guard: "answersFetch", actions: "forgeState" },
        FORGE_NEW_VIEW: { guard: and(["hasBehaviour", "isToAnotherReplica", "hasViewChangesFor", "hasForgeryBudget", "isNewForgery"]), actions: "forge" },
        EQUIVOCATE_NEW_VIEW: { guard: and(["hasBehaviour", "isToAnotherReplica", "hasViewChangesBeyondQuorum", "hasForgeryBudget", "isNewForgery"]), actions: "forge" },
        FORGE_VIEW_CHANGE: { guard: and(["hasBehaviour", "isModelledView", "isToAnotherReplica", "namesKnownRequestAtAdversarySlot", "hasForgeryBudget", "isNewForgery"]), actions: "forge" },
      },
    },
    spent: { type: "final" },
  },
});

/** The one message a forgery sends, signed as the Byzantine replica, in its view. */
function forgedSend(context: ByzantineContext, forgery: Forgery): ActorOutput<PbftMessage> {
  const { id, view } = context;
  switch (forgery.type) {
    case "EQUIVOCATE":
      return { type: "send", to: forgery.to, message: forgedPrePrepare(id, view, forgery.seq, knows(context, forgery.client, forgery.timestamp)!) };
    case "BAD_DIGEST": {
      const claimed = knows(context, forgery.digestClient, forgery.digestTimestamp)!;
      return { type: "send", to: forgery.to, message: badDigestPrePrepare(id, view, forgery.seq, knows(context, forgery.client, forgery.timestamp)!, claimed) };
    }
    case "CONFLICTING_VOTE":
      return { type: "send", to: forgery.to, message: forgedVote(id, view, forgery.vote, forgery.seq, knows(context, forgery.client, forgery.timestamp)!) };
    case "FORGE_CHECKPOINT":
      return { type: "send", to: forgery.to, message: forgedCheckpoint(id, forgery.seq) };
    case "FORGE_REPLY":
      return { type: "send", to: clientName(forgery.client), message: forgedReply(id, view, knows(context, forgery.client, forgery.timestamp)!) };
    case "FORGE_NEW_VIEW":
      return { type: "send", to: forgery.to, message: forgedNewView(id, forgery.view, context.viewChanges, stateDigestOf([])) };
    case "EQUIVOCATE_NEW_VIEW":
      return { type: "send", to: forgery.to, message: equivocatedNewView(id, forgery.view, context.viewChanges, forgery.without, stateDigestOf([])) };
    case "FORGE_VIEW_CHANGE": {
      const genesis = stateDigestOf([]);
      if (forgery.certificate === "stale") return { type: "send", to: forgery.to, message: staleViewChange(id, forgery.view, genesis) };
      const request = knows(context, forgery.client, forgery.timestamp)!;
      return { type: "send", to: forgery.to, message: forgedViewChange(id, forgery.view, forgery.certificate, forgery.seq, request, { n: context.n, prepareQuorum: context.prepareQuorum! }, genesis) };
    }
  }
}
