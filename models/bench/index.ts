import type { ModelDefinition } from "../model.ts";
import { pbftN4F1Model, pbftN4F1MutantModel } from "./pbft_n4f1/index.ts";
import { pbftN4F1XstateModel, pbftN4F1XstateMutantModel } from "./pbft_n4f1_xstate/index.ts";

export * from "./pbft_n4f1/index.ts";
export * from "./pbft_n4f1_xstate/index.ts";

/** The benchmark/oracle models, for the registry. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export const benchModels: readonly ModelDefinition<any>[] = [pbftN4F1Model, pbftN4F1MutantModel, pbftN4F1XstateModel, pbftN4F1XstateMutantModel];
