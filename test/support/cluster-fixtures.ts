import { pbftConfigSchema } from "../../spec/common/pbft-config.ts";
import type { PbftConfigInput } from "../../spec/common/pbft-config.ts";
import { createCluster } from "../../impl/cluster/cluster.ts";
import type { Cluster } from "../../impl/cluster/cluster.ts";
import type { ClusterState } from "../../impl/cluster/cluster-state.ts";
import { encodeCluster } from "../../impl/cluster/encode.ts";
import { applyStep, enabledSteps } from "../../impl/cluster/cluster-steps.ts";
import type { ScheduleStep } from "../../spec/common/schedule.ts";

export const fourReplicas: PbftConfigInput = { n: 4, f: 1, requests: 1, checkpointInterval: 1, window: 2 };

export function cluster(overrides: Partial<PbftConfigInput> = {}): Cluster {
  return createCluster(pbftConfigSchema.parse({ ...fourReplicas, ...overrides }));
}

export const hex = (state: ClusterState): string => Buffer.from(encodeCluster(state)).toString("hex");

/** Takes the first enabled step until none is left (a fair, deterministic run to the end). */
export function runToEnd(target: Cluster, limit = 500): { state: ClusterState; steps: ScheduleStep[] } {
  let state = target.initial();
  const steps: ScheduleStep[] = [];
  for (let i = 0; i < limit; i++) {
    const [step] = enabledSteps(target, state);
    if (step === undefined) return { state, steps };
    steps.push(step);
    state = applyStep(target, state, step);
  }
  throw new Error(`run did not end within ${limit} steps`);
}
