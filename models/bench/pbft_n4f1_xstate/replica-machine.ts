import { assign, emit, setup } from "xstate";
import type { ActorOutput } from "../../../spec/common/actor-outputs.ts";
import type { OracleMessage, OracleValue } from "./messages.ts";

/** A correct replica's context (SPEC.md §3): the value it accepted and the votes it recorded, by sender. */
export interface OracleReplicaContext {
  /** Its own name and the other correct replicas, to whom it multicasts. */
  self: string;
  others: string[];
  qp: number;
  qc: number;
  val: OracleValue | null;
  /** prep[s]: the PREPARE received from s (correct replicas only: §2.4, the primary sends none). */
  prep: Record<string, OracleValue>;
  /** com[s]: the COMMIT received from s (replica 0 included). */
  com: Record<string, OracleValue>;
}

export interface OracleReplicaInput {
  self: string;
  others: string[];
  qp: number;
  qc: number;
}

type Delivered = OracleMessage & { from: string };

const votesFor = (votes: Record<string, OracleValue>, value: OracleValue | null): number => Object.values(votes).filter((vote) => vote === value).length;

/**
 * A correct replica of the oracle model (SPEC.md §4–§5) as a statechart: idle → pre-prepared →
 * prepared → committed. The quorum rule Q (§5) is the two eventless transitions: after every
 * receipt XState takes them at once, in order, so "prepared" cascades into "committed" within the
 * same step (§2.5). PREPAREs and COMMITs are recorded in every state, also after committing.
 */
export const oracleReplicaMachine = setup({
  types: { context: {} as OracleReplicaContext, events: {} as Delivered, input: {} as OracleReplicaInput, emitted: {} as ActorOutput<OracleMessage> },
  guards: {
    /**
     * §5.1: |{0, k} ∪ {s ∈ others(k) : prep[k][s] = val[k]}| ≥ QP — the primary's PRE-PREPARE
     * stands for its vote, and the replica's own PREPARE counts.
     */
    hasPrepareQuorum: ({ context }) => 2 + votesFor(context.prep, context.val) >= context.qp,
    /** §5.2: |{k} ∪ {s ∈ R∖{k} : com[k][s] = val[k]}| ≥ QC — its own COMMIT counts. */
    hasCommitQuorum: ({ context }) => 1 + votesFor(context.com, context.val) >= context.qc,
  },
  actions: {
    acceptPrePrepare: assign(({ event }) => ({ val: event.value })),
    multicastPrepare: emit(({ context }) => ({ type: "send" as const, to: context.others, message: { type: "PREPARE" as const, value: context.val! } })),
    multicastCommit: emit(({ context }) => ({ type: "send" as const, to: context.others, message: { type: "COMMIT" as const, value: context.val! } })),
    recordPrepare: assign(({ context, event }) => ({ prep: { ...context.prep, [event.from]: event.value } })),
    recordCommit: assign(({ context, event }) => ({ com: { ...context.com, [event.from]: event.value } })),
  },
}).createMachine({
  id: "oracleReplica",
  context: ({ input }) => ({ ...input, val: null, prep: {}, com: {} }),
  initial: "idle",
  on: {
    PREPARE: { actions: "recordPrepare" },
    COMMIT: { actions: "recordCommit" },
  },
  states: {
    idle: { on: { "PRE-PREPARE": { target: "prePrepared", actions: ["acceptPrePrepare", "multicastPrepare"] } } },
    prePrepared: { always: { guard: "hasPrepareQuorum", target: "prepared" } },
    prepared: { entry: "multicastCommit", always: { guard: "hasCommitQuorum", target: "committed" } },
    committed: {},
  },
});
