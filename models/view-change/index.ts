import type { ModelDefinition } from "../model.ts";
import type { PbftConfig } from "../../spec/pbft/config.ts";
import { n4_f1_crashed_primary, n4_f1_crashed_primary_async, n4_f1_no_request_timer } from "./n4_f1_crashed_primary.ts";
import { n4_f1_two_view_changes } from "./n4_f1_two_view_changes.ts";
import { n4_f1_byzantine_primary } from "./n4_f1_byzantine_primary.ts";
import { n4_f1_partitioned } from "./n4_f1_partitioned.ts";
import { n4_f1_equivocating_primary_simulated } from "./n4_f1_equivocating_primary_simulated.ts";
import { n4_f1_forged_view_changes } from "./n4_f1_forged_view_changes.ts";
import { n4_f1_drop_prepared_certificates, n4_f1_ignore_prepared_sets, n4_f1_unchecked_new_view, n4_f1_weak_view_change_quorum, n4_f1_unchecked_view_change_certificates } from "./mutants.ts";

export { n4_f1_byzantine_primary, n4_f1_equivocating_primary_simulated, n4_f1_partitioned, n4_f1_forged_view_changes, n4_f1_crashed_primary, n4_f1_crashed_primary_async, n4_f1_no_request_timer, n4_f1_two_view_changes, n4_f1_ignore_prepared_sets, n4_f1_unchecked_new_view, n4_f1_weak_view_change_quorum, n4_f1_drop_prepared_certificates, n4_f1_unchecked_view_change_certificates };

/** PBFT models with the view change (Castro & Liskov §4.4), for the registry. */
export const viewChangeModels: readonly ModelDefinition<PbftConfig>[] = [
  n4_f1_crashed_primary,
  n4_f1_crashed_primary_async,
  n4_f1_byzantine_primary,
  n4_f1_equivocating_primary_simulated,
  n4_f1_partitioned,
  n4_f1_forged_view_changes,
  n4_f1_two_view_changes,
  n4_f1_ignore_prepared_sets,
  n4_f1_unchecked_new_view,
  n4_f1_weak_view_change_quorum,
  n4_f1_drop_prepared_certificates,
  n4_f1_no_request_timer,
  n4_f1_unchecked_view_change_certificates,
];
