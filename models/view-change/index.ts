import type { ModelDefinition } from "../model.ts";
import type { PbftConfig } from "../../spec/pbft/config.ts";
import { n4_f1_crashed_primary } from "./n4_f1_crashed_primary.ts";

export { n4_f1_crashed_primary };

/** PBFT models with the view change (Castro & Liskov §4.4), for the registry. */
export const viewChangeModels: readonly ModelDefinition<PbftConfig>[] = [n4_f1_crashed_primary];
