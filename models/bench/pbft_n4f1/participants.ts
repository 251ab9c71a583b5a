import { CORRECT, NONE, PHASE_NAMES, VALUE_NAMES, phaseAt, valAt, type PbftState } from "./layout.ts";

/** Each correct replica's phase and accepted value, e.g. `{ R1: "PREPARED A" }`, for the sequence diagrams. */
export function describePbftParticipants(state: PbftState): Record<string, string> {
  const summaries: Record<string, string> = {};
  for (const replica of CORRECT) {
    const phase = PHASE_NAMES[state[phaseAt(replica)]];
    summaries[`R${replica}`] = state[valAt(replica)] === NONE ? phase : `${phase} ${VALUE_NAMES[state[valAt(replica)]]}`;
  }
  return summaries;
}
