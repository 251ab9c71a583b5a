import type { Invariant } from "../../../explorer/transition-system.ts";
import type { PbftSymmetry } from "./symmetry.ts";
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

const committedBySome = (value?: number) => (state: PbftState): boolean =>
  CORRECT.some((r) => state[phaseAt(r)] === COMMITTED && (value === undefined || state[valAt(r)] === value));

/**
 * What the oracle must reach (Stateright's `Property::sometimes`), so that its pass is not
 * vacuous: the Byzantine primary can lead a correct replica to commit either value. Under the
 * values-swapping symmetry (A ↔ B) a state stands for its mirror image, so only "a value" is
 * preserved by the group and can be asked for.
 */
export const committedA: Invariant<PbftState> = { name: "a correct replica committed A", holds: committedBySome(A) };
export const committedB: Invariant<PbftState> = { name: "a correct replica committed B", holds: committedBySome(B) };
export const committedAValue: Invariant<PbftState> = { name: "a correct replica committed a value", holds: committedBySome() };

export function reachable(symmetry: PbftSymmetry | undefined): Invariant<PbftState>[] {
  return symmetry === "replicas-and-values" ? [committedAValue] : [committedA, committedB];
}
export type PropertyName = keyof typeof PROPERTIES;
