import { initialTransition, transition } from "xstate";
import { slotMachine } from "./slot-machine.ts";
import type { SlotContext, SlotEvent, SlotInput, SlotOutput, SlotPhase } from "./slot-machine.ts";

/** A slot machine snapshot as plain data, so that the replica's context stays serialisable. */
export interface SlotState {
  value: SlotPhase;
  context: SlotContext;
}

export function newSlot(input: SlotInput): SlotState {
  const [snapshot] = initialTransition(slotMachine, input);
  return { value: snapshot.value as SlotPhase, context: snapshot.context };
}

/** Runs the slot machine's pure transition and returns the next slot and what it sends. */
export function advanceSlot(slot: SlotState, event: SlotEvent): { slot: SlotState; sends: SlotOutput[] } {
  const [next, actions] = transition(slotMachine, slotMachine.resolveState(slot), event);
  const sends: SlotOutput[] = [];
  for (const action of actions as readonly { type: string; params?: unknown }[]) {
    if (action.type === "xstate.emit") sends.push((action.params as { event: SlotOutput }).event);
  }
  return { slot: { value: next.value as SlotPhase, context: next.context }, sends };
}
