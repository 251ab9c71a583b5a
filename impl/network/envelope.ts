import type { PbftMessage } from "../../spec/common/messages.ts";

/** Who a message is from or for: a replica ("2") or a client ("c0"). */
export type Endpoint = `${number}` | `c${number}`;

export function replicaEndpoint(replica: number): Endpoint {
  return `${replica}`;
}

export function clientEndpoint(client: number): Endpoint {
  return `c${client}`;
}

/** The replica an endpoint names, or undefined for a client. */
export function replicaOfEndpoint(endpoint: Endpoint): number | undefined {
  return endpoint.startsWith("c") ? undefined : Number(endpoint);
}

export function clientOfEndpoint(endpoint: Endpoint): number | undefined {
  return endpoint.startsWith("c") ? Number(endpoint.slice(1)) : undefined;
}

/** A point-to-point message on the simulated network (A1: M is per-link delivery). */
export interface Envelope {
  from: Endpoint;
  to: Endpoint;
  message: PbftMessage;
}
