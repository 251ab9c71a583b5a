import { pbftN4F1ConfigSchema } from "../../../models/bench/pbft_n4f1/definition.ts";
import { pbftConfigSchema } from "../../../spec/pbft/config.ts";
import { PBFT_LIMITS } from "../../../spec/pbft/limits.ts";
import { toJsonSchema } from "../json-schema.ts";
import { fieldTable } from "../schema-table.ts";

/** "PBFT model config" and "Oracle model config": the `config` a Schedule or a Result of those models carries. */
export function configSections(): string {
  return [
    "### PBFT model config",
    "The `config` of the `pbft/*` models, in their Schedules and Results (`spec/pbft/config.ts`). `replay` and `report` read it back, " +
      "warn for each field that differs from the registered model's, and refuse one outside these bounds: they keep every run replayable in seconds (`spec/pbft/limits.ts` says why).",
    fieldTable(toJsonSchema(pbftConfigSchema)),
    "Besides each field's bounds: " +
      `n + clients is at most ${PBFT_LIMITS.actors} (each replica and client is an actor of the runtime); ` +
      `n² × clients × requests is at most ${PBFT_LIMITS.runMessages} (a run carries about 3·n² messages per request); ` +
      `the forgeries the Byzantine replicas could choose among in one state are at most ${PBFT_LIMITS.forgeryChoices}; ` +
      "each `byzantine[].replica` is below n and listed once; more Byzantine replicas than f need `exceedFaultBudget`. " +
      "n < 3f+1, more faults than f and quorum overrides are accepted on purpose (the harness shows how unsafe systems fail) and flagged as warnings in every report.",
    "### Oracle model config",
    "The `config` of `bench/pbft_n4f1` and `bench/pbft_n4f1_mutant` (`models/bench/pbft_n4f1/definition.ts`): n = 4 replicas R0 … R3, R0 a Byzantine primary, so every field is bounded by the model itself.",
    fieldTable(toJsonSchema(pbftN4F1ConfigSchema)),
  ].join("\n\n");
}
