import { assign, emit, setup } from "xstate";
import type { ActorOutput } from "../../../spec/common/actor-outputs.ts";
import type { OracleMessage, OracleValue } from "./messages.ts";

/**
 * Replica 0, the Byzantine primary (SPEC.md §2.3–§2.4), as the adversary's strategy: it may at
 * any time send a backup a PRE-PREPARE or a COMMIT for either value, at most one of each type per
 * backup (its fault model), and nothing else. It keeps which it has sent; that is a function of
 * the rest of the state (sent iff in flight or received), so the count of states is SPEC.md's.
 */
export interface OraclePrimaryContext {
  prePrepared: string[];
  committed: string[];
}

export type OraclePrimaryEvent = { type: "BYZ_PRE_PREPARE"; to: string; value: OracleValue } | { type: "BYZ_COMMIT"; to: string; value: OracleValue };

export const oraclePrimaryMachine = setup({
  types: { context: {} as OraclePrimaryContext, events: {} as OraclePrimaryEvent, emitted: {} as ActorOutput<OracleMessage> },
  guards: {
    /** §4 BYZ_PRE_PREPARE: replica 0 has never sent this backup a PRE-PREPARE. */
    hasNotPrePrepared: ({ context, event }) => !context.prePrepared.includes(event.to),
    /** §4 BYZ_COMMIT: replica 0 has never sent this backup a COMMIT. */
    hasNotCommitted: ({ context, event }) => !context.committed.includes(event.to),
  },
  actions: {
    sendPrePrepare: emit(({ event }) => ({ type: "send" as const, to: event.to, message: { type: "PRE-PREPARE" as const, value: event.value } })),
    sendCommit: emit(({ event }) => ({ type: "send" as const, to: event.to, message: { type: "COMMIT" as const, value: event.value } })),
    notePrePrepared: assign(({ context, event }) => ({ prePrepared: [...context.prePrepared, event.to].sort() })),
    noteCommitted: assign(({ context, event }) => ({ committed: [...context.committed, event.to].sort() })),
  },
}).createMachine({
  id: "oraclePrimary",
  context: { prePrepared: [], committed: [] },
  initial: "equivocating",
  states: {
    equivocating: {
      on: {
        BYZ_PRE_PREPARE: { guard: "hasNotPrePrepared", actions: ["sendPrePrepare", "notePrePrepared"] },
        BYZ_COMMIT: { guard: "hasNotCommitted", actions: ["sendCommit", "noteCommitted"] },
      },
    },
  },
});
