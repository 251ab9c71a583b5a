import type { PbftConfig } from "../../spec/common/pbft-config.ts";
import { checkpointQuorum, commitQuorum, prepareQuorum, replyQuorum } from "../../spec/common/quorum.ts";

/**
 * The certificate sizes a cluster runs with: the quorum rule's, unless a mutant overrides the
 * PREPARE or COMMIT count. One function, so the replicas and the reports' coverage cannot
 * disagree on them.
 */
export function certificateSizes(config: PbftConfig): { prepareQuorum: number; commitQuorum: number; checkpointQuorum: number; replyQuorum: number } {
  return {
    prepareQuorum: config.quorumOverrides.prepare ?? prepareQuorum(config.n, config.f, config.quorumRule),
    commitQuorum: config.quorumOverrides.commit ?? commitQuorum(config.n, config.f, config.quorumRule),
    checkpointQuorum: checkpointQuorum(config.n, config.f, config.quorumRule),
    replyQuorum: replyQuorum(config.f),
  };
}
