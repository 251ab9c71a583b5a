import { A, B, COMMIT_SENDERS, CORRECT, OTHERS } from "./layout.ts";

/** The five transition kinds of SPEC.md §4. */
export const ActionKind = {
  ByzPrePrepare: 0,
  ByzCommit: 1,
  RecvPrePrepare: 2,
  RecvPrepare: 3,
  RecvCommit: 4,
} as const;
export type ActionKind = (typeof ActionKind)[keyof typeof ActionKind];

/** One of the 30 transition instances, by its parameters. */
export interface ActionInstance {
  kind: ActionKind;
  /** BYZ_*: the recipient r; RECV_PRE_PREPARE: r; RECV_PREPARE / RECV_COMMIT: the sender i. */
  first: number;
  /** BYZ_*: the value v; RECV_PREPARE / RECV_COMMIT: the receiver k; else 0. */
  second: number;
}

/**
 * The 30 instances in SPEC.md §4's table order; an action is its index here (a small integer,
 * so the explorer's parent log stores it in one entry).
 */
const instance = (kind: ActionKind, first: number, second: number): ActionInstance => ({ kind, first, second });

export const ACTIONS: readonly ActionInstance[] = [
  ...CORRECT.flatMap((r) => [A, B].map((v) => instance(ActionKind.ByzPrePrepare, r, v))),
  ...CORRECT.flatMap((r) => [A, B].map((v) => instance(ActionKind.ByzCommit, r, v))),
  ...CORRECT.map((r) => instance(ActionKind.RecvPrePrepare, r, 0)),
  ...CORRECT.flatMap((k) => OTHERS[k].map((i) => instance(ActionKind.RecvPrepare, i, k))),
  ...CORRECT.flatMap((k) => COMMIT_SENDERS[k].map((i) => instance(ActionKind.RecvCommit, i, k))),
];

export const ACTION_COUNT = 30;
if (ACTIONS.length !== ACTION_COUNT) throw new Error(`pbft_n4f1: ${ACTIONS.length} action instances, SPEC.md §4 has 30`);
