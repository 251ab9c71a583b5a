import type { Envelope } from "../network/envelope.ts";
import { messageId } from "../network/message-id.ts";

/**
 * What the adversary remembers: which one-shot forgeries it has made (so the state space
 * stays finite) and, when some replica may replay, the messages it has seen on the wire.
 */
export interface AdversaryState {
  /** Keys of forgeries already made, sorted. */
  used: readonly string[];
  /** Envelopes seen on the wire, sorted by message id, unique. */
  observed: readonly Envelope[];
}

export const initialAdversaryState: AdversaryState = { used: [], observed: [] };

export function hasUsed(state: AdversaryState, key: string): boolean {
  return state.used.includes(key);
}

export function markUsed(state: AdversaryState, key: string): AdversaryState {
  if (hasUsed(state, key)) throw new Error(`forgery ${key} was already made`);
  return { ...state, used: [...state.used, key].sort() };
}

/** Records a message the adversary saw on the wire (a replayable old message). */
export function observe(state: AdversaryState, envelope: Envelope): AdversaryState {
  const id = messageId(envelope);
  if (state.observed.some((seen) => messageId(seen) === id)) return state;
  const observed = [...state.observed, envelope].sort((a, b) => (messageId(a) < messageId(b) ? -1 : 1));
  return { ...state, observed };
}
