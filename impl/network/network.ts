import { canonicalJson } from "../../spec/common/canonical-json.ts";
import type { Envelope } from "./envelope.ts";
import { messageId } from "./message-id.ts";

/** One distinct message in flight and how many copies of it the network holds. */
export interface InFlight {
  id: string;
  envelope: Envelope;
  copies: number;
}

/**
 * The in-flight messages, sorted by id: a multiset, so that two networks holding the same
 * messages are equal whatever order they were sent in (non-FIFO links, A1).
 */
export type NetworkState = readonly InFlight[];

export const emptyNetwork: NetworkState = [];

function indexOf(network: NetworkState, id: string): number {
  let low = 0;
  let high = network.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (network[middle]!.id < id) low = middle + 1;
    else high = middle;
  }
  return low;
}

export function findInFlight(network: NetworkState, id: string): InFlight | undefined {
  const entry = network[indexOf(network, id)];
  return entry !== undefined && entry.id === id ? entry : undefined;
}

/** Puts `copies` more copies of the envelope in flight. */
export function send(network: NetworkState, envelope: Envelope, copies = 1): NetworkState {
  const id = messageId(envelope);
  const at = indexOf(network, id);
  const existing = network[at];
  if (existing !== undefined && existing.id === id) {
    if (canonicalJson(existing.envelope) !== canonicalJson(envelope)) {
      throw new Error(`two different messages share the id "${id}" (digest prefix collision)`);
    }
    return [...network.slice(0, at), { ...existing, copies: existing.copies + copies }, ...network.slice(at + 1)];
  }
  return [...network.slice(0, at), { id, envelope, copies }, ...network.slice(at)];
}

/** Takes one copy of message `id` out of the network (it is delivered or lost). */
export function take(network: NetworkState, id: string): { network: NetworkState; envelope: Envelope } {
  const at = indexOf(network, id);
  const entry = network[at];
  if (entry === undefined || entry.id !== id) throw new Error(`no message "${id}" is in flight`);
  const rest =
    entry.copies > 1
      ? [...network.slice(0, at), { ...entry, copies: entry.copies - 1 }, ...network.slice(at + 1)]
      : [...network.slice(0, at), ...network.slice(at + 1)];
  return { network: rest, envelope: entry.envelope };
}

/** The network duplicates message `id`: one more copy is in flight. */
export function duplicate(network: NetworkState, id: string): NetworkState {
  const entry = findInFlight(network, id);
  if (entry === undefined) throw new Error(`no message "${id}" is in flight`);
  return send(network, entry.envelope);
}

/** Removes every message the predicate marks, all copies. */
export function discardWhere(network: NetworkState, isDiscarded: (envelope: Envelope) => boolean): NetworkState {
  const kept = network.filter((entry) => !isDiscarded(entry.envelope));
  return kept.length === network.length ? network : kept;
}

export function inFlightIds(network: NetworkState): string[] {
  return network.map((entry) => entry.id);
}
