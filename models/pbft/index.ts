import type { ModelDefinition } from "../model.ts";
import type { PbftConfig } from "../../spec/pbft/config.ts";
import { n4_f1 } from "./n4_f1.ts";
import { n4_f1_primary } from "./n4_f1_primary.ts";
import { n3_f1 } from "./n3_f1.ts";
import { n3_f1_q2f1 } from "./n3_f1_q2f1.ts";
import { n4_f2 } from "./n4_f2.ts";
import { n4_f1_primary_weak_commit, n4_f1_primary_weak_quorums } from "./n4_f1_primary_weak_commit.ts";
import { n4_f1_c2_l4 } from "./n4_f1_c2_l4.ts";
import { n4_f1_c2_r2_simulated } from "./n4_f1_c2_r2_simulated.ts";
import { n4_f1_lossy } from "./n4_f1_lossy.ts";
import { n4_f1_lossy_k1 } from "./n4_f1_lossy_k1.ts";
import { n3_f0_state_transfer, n3_f0_state_transfer_lossy, n3_f0_unchecked_state_transfer } from "./n3_f0_state_transfer.ts";

export { n4_f1, n4_f1_primary, n3_f1, n3_f1_q2f1, n4_f2, n4_f1_primary_weak_commit, n4_f1_primary_weak_quorums, n4_f1_c2_l4, n4_f1_c2_r2_simulated, n4_f1_lossy, n4_f1_lossy_k1, n3_f0_state_transfer, n3_f0_state_transfer_lossy, n3_f0_unchecked_state_transfer };
export { definePbftModel, PBFT_ASSUMPTIONS } from "./define-pbft-model.ts";
export { pbftProtocol, pbftConfigSchema, certificateSizes, type PbftConfig } from "./pbft-protocol.ts";
export { pbftSteps, operationOf } from "./pbft-steps.ts";

/** The PBFT models, for the registry (the five of the issue, the mutants, then seed catalogue A18's sizes and faults). */
export const pbftModels: readonly ModelDefinition<PbftConfig>[] = [
  n4_f1,
  n4_f1_primary,
  n3_f1,
  n3_f1_q2f1,
  n4_f2,
  n4_f1_primary_weak_commit,
  n4_f1_primary_weak_quorums,
  n4_f1_c2_l4,
  n4_f1_c2_r2_simulated,
  n4_f1_lossy,
  n4_f1_lossy_k1,
  n3_f0_state_transfer,
  n3_f0_state_transfer_lossy,
  n3_f0_unchecked_state_transfer,
];
