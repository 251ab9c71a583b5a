import { ACTIONS, ACTION_COUNT, ActionKind } from "./actions.ts";
import { encodeInto } from "./encoding.ts";
import {
  COMMIT_SENDERS,
  COMMITTED,
  COMPONENTS,
  IDLE,
  NONE,
  OTHERS,
  PREPARED,
  PREPREPARED,
  comAt,
  netCommitAt,
  netPrePrepareAt,
  netPrepareAt,
  phaseAt,
  prepAt,
  valAt,
  type PbftState,
} from "./layout.ts";

export interface Quorums {
  /** Prepare quorum QP (SPEC.md §5.1). */
  qp: number;
  /** Commit quorum QC (SPEC.md §5.2). */
  qc: number;
}

// Per action, the components its guard reads (SPEC.md §4, "guard"), precomputed. A receipt
// is enabled iff its message is in flight (GUARD ≠ ⊥). A send of replica 0 is enabled iff
// nothing of that type to that backup is in flight (GUARD = ⊥) and none was delivered
// (UNSENT = 0: for PRE-PREPARE phase[r] = IDLE, for COMMIT com[r][0] = ⊥).
const GUARD = Int8Array.from(ACTIONS, ({ kind, first, second }) => {
  switch (kind) {
    case ActionKind.ByzPrePrepare:
    case ActionKind.RecvPrePrepare:
      return netPrePrepareAt(first);
    case ActionKind.ByzCommit:
      return netCommitAt(0, first);
    case ActionKind.RecvPrepare:
      return netPrepareAt(first, second);
    case ActionKind.RecvCommit:
      return netCommitAt(first, second);
  }
});
const NOT_A_SEND = -1;
const UNSENT = Int8Array.from(ACTIONS, ({ kind, first }) =>
  kind === ActionKind.ByzPrePrepare ? phaseAt(first) : kind === ActionKind.ByzCommit ? comAt(first, 0) : NOT_A_SEND,
);
if (IDLE !== 0 || NONE !== 0) throw new Error("pbft_n4f1: the send guards read IDLE and ⊥ as 0");

/** The component an instance's guard reads: for a receipt, the message in flight. */
export const guardComponent = (action: number): number => GUARD[action];

/** Enabled instances in `state`, in table order (SPEC.md §4). */
export function enabledActions(state: PbftState): number[] {
  const enabled: number[] = [];
  for (let a = 0; a < ACTION_COUNT; a++) {
    const unsent = UNSENT[a];
    if (unsent === NOT_A_SEND ? state[GUARD[a]] !== NONE : state[GUARD[a]] === NONE && state[unsent] === 0) enabled.push(a);
  }
  return enabled;
}

/**
 * SPEC.md §5, applied to receiver k at the end of every receipt; "prepared" cascades into
 * "committed" in the same step (§2.5). The primary's PRE-PREPARE and k's own PREPARE are the
 * first two prepare votes, k's own COMMIT the first commit vote (§2.6).
 */
function applyQuorums(next: PbftState, k: number, quorums: Quorums): void {
  const value = next[valAt(k)];
  if (next[phaseAt(k)] === PREPREPARED) {
    let votes = 2;
    for (const s of OTHERS[k]) if (next[prepAt(k, s)] === value) votes++;
    if (votes >= quorums.qp) {
      next[phaseAt(k)] = PREPARED;
      for (const s of OTHERS[k]) next[netCommitAt(k, s)] = value;
    }
  }
  if (next[phaseAt(k)] === PREPARED) {
    let votes = 1;
    for (const s of COMMIT_SENDERS[k]) if (next[comAt(k, s)] === value) votes++;
    if (votes >= quorums.qc) next[phaseAt(k)] = COMMITTED;
  }
}

/** The successor of `state` under enabled instance `action` (SPEC.md §4, "effect"); pure. */
export function applyAction(state: PbftState, action: number, quorums: Quorums): PbftState {
  return applyEffect(new Uint8Array(state), action, quorums);
}

// Scratch for `encodeSuccessorInto`, filled and read within one synchronous call.
const scratch = new Uint8Array(COMPONENTS);

/** `encodeInto(applyAction(state, action), target)` without allocating the successor. */
export function encodeSuccessorInto(state: PbftState, action: number, quorums: Quorums, target: Uint8Array): number {
  scratch.set(state);
  return encodeInto(applyEffect(scratch, action, quorums), target);
}

/** Applies the effect of `action` to `next`, a copy of the state it is enabled in. */
function applyEffect(next: PbftState, action: number, quorums: Quorums): PbftState {
  const { kind, first, second } = ACTIONS[action];
  const at = GUARD[action];
  switch (kind) {
    case ActionKind.ByzPrePrepare:
    case ActionKind.ByzCommit:
      next[at] = second;
      return next;
    case ActionKind.RecvPrePrepare: {
      const value = next[at];
      next[at] = NONE;
      next[phaseAt(first)] = PREPREPARED;
      next[valAt(first)] = value;
      for (const k of OTHERS[first]) next[netPrepareAt(first, k)] = value;
      applyQuorums(next, first, quorums);
      return next;
    }
    case ActionKind.RecvPrepare:
      next[prepAt(second, first)] = next[at];
      next[at] = NONE;
      applyQuorums(next, second, quorums);
      return next;
    case ActionKind.RecvCommit:
      next[comAt(second, first)] = next[at];
      next[at] = NONE;
      applyQuorums(next, second, quorums);
      return next;
  }
}
