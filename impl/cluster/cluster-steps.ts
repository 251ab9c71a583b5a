import { canonicalJson } from "../../spec/common/canonical-json.ts";
import { stepKindOf } from "../../spec/common/schedule.ts";
import type { ScheduleStep } from "../../spec/common/schedule.ts";
import { byzantineActions, byzantineStepOf, performByzantine } from "../adversary/byzantine-actions.ts";
import type { ByzantineAction } from "../adversary/byzantine-actions.ts";
import { duplicate, take } from "../network/network.ts";
import type { Cluster } from "./cluster.ts";
import { operationOf } from "./cluster.ts";
import type { ClusterState } from "./cluster-state.ts";
import { isAboveHighWatermark, isIgnoredForever } from "./absorb.ts";

/** Copies of one message the network may hold at once when it duplicates (keeps the space finite). */
export const MAX_COPIES = 2;

/**
 * The Schedule steps enabled in `state`, in a fixed order: deliveries (by message id), then
 * losses and duplications where the model enables them, then client requests, then Byzantine
 * forgeries (delivered as they are made).
 */
export function enabledSteps(cluster: Cluster, state: ClusterState): ScheduleStep[] {
  const steps: ScheduleStep[] = state.network
    .filter((entry) => !isAboveHighWatermark(state, entry.envelope))
    .map((entry) => ({ deliver: entry.id }));
  if (cluster.config.network.drop) for (const entry of state.network) steps.push({ drop: entry.id });
  if (cluster.config.network.duplicate) {
    for (const entry of state.network) if (entry.copies < MAX_COPIES) steps.push({ duplicate: entry.id });
  }
  state.clients.forEach((client, id) => {
    if (client.state.value === "ready") steps.push({ request: id, op: operationOf(id, client.state.context.sent.length + 1) });
  });
  const known = cluster.knownRequests(state);
  for (const action of byzantineActions(cluster.config, state.adversary, known)) {
    // A forgery its receiver would ignore forever changes nothing but the adversary's memory.
    const { envelopes } = performByzantine(state.adversary, action, known);
    if (envelopes.every((envelope) => isIgnoredForever(state, envelope))) continue;
    steps.push(byzantineStepOf(action));
  }
  return steps;
}

/** Applies one enabled step; the caller guarantees it is enabled (see `findEnabledStep`). */
export function applyStep(cluster: Cluster, state: ClusterState, step: ScheduleStep): ClusterState {
  const kind = stepKindOf(step);
  switch (kind) {
    case "deliver":
      return cluster.deliver(state, (step as { deliver: string }).deliver);
    case "drop":
      return { ...state, network: take(state.network, (step as { drop: string }).drop).network };
    case "duplicate":
      return { ...state, network: duplicate(state.network, (step as { duplicate: string }).duplicate) };
    case "request": {
      const { request, op } = step as { request: number; op: string };
      return cluster.request(state, request, op);
    }
    case "byzantine": {
      // The adversary controls when its own messages arrive, so a forgery is sent and received
      // in one step: holding it in flight would only add interleavings the adversary already has.
      const performed = performByzantine(state.adversary, step as unknown as ByzantineAction, cluster.knownRequests(state));
      return performed.envelopes.reduce((current, envelope) => cluster.receive(current, envelope), { ...state, adversary: performed.state });
    }
    default:
      throw new Error(`step ${JSON.stringify(step)} is not part of the PBFT normal-case model`);
  }
}

/**
 * The enabled step equal to `step` (same kind and arguments), or undefined. A request step may
 * name any operation: the explorer offers the client's fixed next one, a replay file may choose.
 */
export function findEnabledStep(cluster: Cluster, state: ClusterState, step: ScheduleStep): ScheduleStep | undefined {
  const wanted = canonicalJson(step);
  const enabled = enabledSteps(cluster, state);
  if (stepKindOf(step) === "request") {
    const client = (step as { request: number }).request;
    return enabled.some((candidate) => stepKindOf(candidate) === "request" && (candidate as { request: number }).request === client) ? step : undefined;
  }
  return enabled.find((candidate) => canonicalJson(candidate) === wanted);
}
