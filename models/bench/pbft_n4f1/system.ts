import { describePbftParticipants } from "./participants.ts";
import type { TransitionSystem } from "../../../explorer/transition-system.ts";
import { describePbftState } from "./describe.ts";
import { ENCODED_LENGTH, decode, encode, encodeInto } from "./encoding.ts";
import { initialState, type PbftState } from "./layout.ts";
import { PROPERTIES, reachable, type PropertyName } from "./properties.ts";
import { actionOfStep, stepOfAction } from "./schedule-steps.ts";
import { canonicalEncoding, type PbftSymmetry } from "./symmetry.ts";
import { applyAction, enabledActions, encodeSuccessorInto, type Quorums } from "./transitions.ts";

export interface PbftN4F1Config extends Quorums {
  /** Invariants to check (SPEC.md §6); both unless narrowed, e.g. to find the 8-step agreement counterexample. */
  properties?: PropertyName[];
  /** The symmetry group offered for reduction (SPEC.md §7.1); none unless given. */
  symmetry?: PbftSymmetry;
}

/** The oracle model of SPEC.md as a TransitionSystem: states are 39-byte arrays, actions 0–29. */
export function buildPbftN4F1(config: PbftN4F1Config): TransitionSystem<PbftState, number> {
  const quorums: Quorums = { qp: config.qp, qc: config.qc };
  const properties = config.properties ?? ["agreement", "validity"];
  const system: TransitionSystem<PbftState, number> = {
    initial: () => [initialState()],
    actions: enabledActions,
    step: (state, action) => applyAction(state, action, quorums),
    encodeSuccessor: (state, action, target) => encodeSuccessorInto(state, action, quorums, target),
    encode,
    encodeInto,
    decode,
    encodedLength: ENCODED_LENGTH,
    invariants: properties.map((name) => PROPERTIES[name]),
    sometimes: reachable(config.symmetry),
    toStep: stepOfAction,
    fromStep(state, step) {
      const action = actionOfStep(step);
      return action !== undefined && enabledActions(state).includes(action) ? action : undefined;
    },
    describeState: describePbftState,
    describeParticipants: describePbftParticipants,
  };
  if (config.symmetry !== undefined) {
    const group = config.symmetry;
    system.symmetry = (state) => canonicalEncoding(state, group);
  }
  return system;
}
