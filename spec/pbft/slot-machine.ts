import { assign, emit, setup } from "xstate";
import type { ReplicaId } from "./ids.ts";
import type { Commit, Prepare, Request } from "./messages.ts";

/**
 * One sequence number's life at one replica (Castro & Liskov §4.2): the three-phase protocol
 * idle → prePrepared → prepared → committed → executed. Votes are logged per digest from the
 * start, because PREPAREs and COMMITs may overtake the PRE-PREPARE on an asynchronous network.
 */
/** What a slot is created with: its (v, n), its owner and the certificate sizes in force. */
export interface SlotInput {
  seq: number;
  view: number;
  self: ReplicaId;
  /** The primary's PRE-PREPARE stands for its vote; only backups send PREPAREs (§4.2). */
  isPrimary: boolean;
  prepareQuorum: number;
  commitQuorum: number;
}

export interface SlotContext extends SlotInput {
  digest: string | null;
  request: Request | null;
  /** digest → distinct replicas whose PREPARE (own included) is logged. */
  prepares: Record<string, ReplicaId[]>;
  /** digest → distinct replicas whose COMMIT (own included) is logged. */
  commits: Record<string, ReplicaId[]>;
}

export type SlotEvent =
  | { type: "PRE_PREPARE"; digest: string; request: Request | null }
  | { type: "PREPARE"; replica: ReplicaId; digest: string }
  | { type: "COMMIT"; replica: ReplicaId; digest: string }
  | { type: "EXECUTE" };

/** What a slot asks its replica to multicast. */
export type SlotOutput = { type: "SEND"; message: Prepare | Commit };

function withVote(votes: Record<string, ReplicaId[]>, digest: string, replica: ReplicaId): Record<string, ReplicaId[]> {
  const voters = votes[digest] ?? [];
  if (voters.includes(replica)) return votes;
  return { ...votes, [digest]: [...voters, replica].sort((a, b) => a - b) };
}

function votesFor(votes: Record<string, ReplicaId[]>, digest: string | null): number {
  return digest === null ? 0 : (votes[digest] ?? []).length;
}

export const slotMachine = setup({
  types: {
    context: {} as SlotContext,
    events: {} as SlotEvent,
    input: {} as SlotInput,
    emitted: {} as SlotOutput,
  },
  guards: {
    isBackup: ({ context }) => !context.isPrimary,
    /** §4.2: prepared = pre-prepare + 2f PREPAREs from distinct backups matching (v, n, d). */
    hasPrepareQuorum: ({ context }) => votesFor(context.prepares, context.digest) >= context.prepareQuorum,
    /** §4.2: committed-local = prepared + 2f+1 COMMITs from distinct replicas matching (v, n, d). */
    hasCommitQuorum: ({ context }) => votesFor(context.commits, context.digest) >= context.commitQuorum,
  },
  actions: {
    logPrePrepare: assign(({ event }) => {
      if (event.type !== "PRE_PREPARE") return {};
      return { digest: event.digest, request: event.request };
    }),
    recordPrepare: assign(({ context, event }) => {
      if (event.type !== "PREPARE") return {};
      return { prepares: withVote(context.prepares, event.digest, event.replica) };
    }),
    recordCommit: assign(({ context, event }) => {
      if (event.type !== "COMMIT") return {};
      return { commits: withVote(context.commits, event.digest, event.replica) };
    }),
    /** §4.2: a backup that accepts the pre-prepare logs its own PREPARE … */
    logOwnPrepare: assign(({ context }) => ({ prepares: withVote(context.prepares, context.digest!, context.self) })),
    /** … and multicasts it. */
    sendPrepare: emit(({ context }) => ({
      type: "SEND" as const,
      message: { type: "PREPARE" as const, view: context.view, seq: context.seq, digest: context.digest!, replica: context.self },
    })),
    /** §4.2: a replica that becomes prepared logs its own COMMIT … */
    logOwnCommit: assign(({ context }) => ({ commits: withVote(context.commits, context.digest!, context.self) })),
    /** … and multicasts it. */
    sendCommit: emit(({ context }) => ({
      type: "SEND" as const,
      message: { type: "COMMIT" as const, view: context.view, seq: context.seq, digest: context.digest!, replica: context.self },
    })),
  },
}).createMachine({
  id: "pbftSlot",
  context: ({ input }) => ({ ...input, digest: null, request: null, prepares: {}, commits: {} }),
  initial: "idle",
  states: {
    idle: {
      on: {
        PRE_PREPARE: [
          { guard: "isBackup", target: "prePrepared", actions: ["logPrePrepare", "logOwnPrepare", "sendPrepare"] },
          { target: "prePrepared", actions: "logPrePrepare" },
        ],
        PREPARE: { actions: "recordPrepare" },
        COMMIT: { actions: "recordCommit" },
      },
    },
    prePrepared: {
      always: { guard: "hasPrepareQuorum", target: "prepared", actions: ["logOwnCommit", "sendCommit"] },
      on: {
        PREPARE: { actions: "recordPrepare" },
        COMMIT: { actions: "recordCommit" },
      },
    },
    prepared: {
      always: { guard: "hasCommitQuorum", target: "committed" },
      // Further PREPAREs change nothing once prepared in the normal case; COMMITs still count.
      on: { COMMIT: { actions: "recordCommit" } },
    },
    committed: {
      // §4.2: execution waits until every lower sequence number has executed; the replica decides when.
      on: { EXECUTE: { target: "executed" } },
    },
    executed: { type: "final" },
  },
});

export type SlotPhase = "idle" | "prePrepared" | "prepared" | "committed" | "executed";
