import { ActionKind, ACTIONS } from "./actions.ts";
import { CORRECT, NONE, PHASE_NAMES, VALUE_NAMES, phaseAt, valAt, type PbftState } from "./layout.ts";
import { stepOfAction } from "./schedule-steps.ts";
import { enabledActions, guardComponent } from "./transitions.ts";

/** "1:PREPARED(A) 2:IDLE 3:PREPREPARED(B) | in flight: PREPARE R3->R1=B, COMMIT R0->R2=A" */
export function describePbftState(state: PbftState): string {
  const replicas = CORRECT.map((r) => {
    const phase = PHASE_NAMES[state[phaseAt(r)]];
    return state[valAt(r)] === NONE ? `${r}:${phase}` : `${r}:${phase}(${VALUE_NAMES[state[valAt(r)]]})`;
  });
  const inFlight = enabledActions(state)
    .filter((action) => ACTIONS[action].kind !== ActionKind.ByzPrePrepare && ACTIONS[action].kind !== ActionKind.ByzCommit)
    .map((action) => `${(stepOfAction(action) as { deliver: string }).deliver}=${VALUE_NAMES[state[guardComponent(action)]]}`);
  return `${replicas.join(" ")} | in flight: ${inFlight.length > 0 ? inFlight.join(", ") : "none"}`;
}
