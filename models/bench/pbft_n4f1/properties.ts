import type { Invariant } from "../../../explorer/transition-system.ts";
import { A, B, COMMITTED, CORRECT, IDLE, phaseAt, valAt, type PbftState } from "./layout.ts";

const committedWith = (state: PbftState, r: number, value: number): boolean =>
  state[phaseAt(r)] === COMMITTED && state[valAt(r)] === value;

/** SPEC.md §6: no two correct replicas commit different values. */
export const agreement: Invariant<PbftState> = {
  name: "agreement",
  holds: (state) => !(CORRECT.some((r) => committedWith(state, r, A)) && CORRECT.some((r) => committedWith(state, r, B))),
};

/** SPEC.md §6: a committed value was accepted in a PRE-PREPARE by at least f+1 = 2 correct replicas. */
export const validity: Invariant<PbftState> = {
  name: "validity",
  holds: (state) =>
    CORRECT.every((r) => {
      if (state[phaseAt(r)] !== COMMITTED) return true;
      const value = state[valAt(r)];
      return CORRECT.filter((s) => state[phaseAt(s)] !== IDLE && state[valAt(s)] === value).length >= 2;
    }),
};

/**
 * Termination within the one view (SPEC.md §7.4): in a state with no enabled action every
 * correct replica has committed. Not part of the model's properties — a Byzantine primary may
 * block one view, which is what a view change is for — but checked to pin the 48 blocked ends.
 */
export const allCorrectCommitted: Invariant<PbftState> = {
  name: "termination",
  holds: (state) => CORRECT.every((r) => state[phaseAt(r)] === COMMITTED),
};

export const PROPERTIES = { agreement, validity } as const;
export type PropertyName = keyof typeof PROPERTIES;
