export { models, findModel } from "./registry.ts";
export type { ModelDefinition, Expectation, ModelSimulation } from "./model.ts";
export { coversOf, isModelDefinition } from "./model.ts";
export { PROFILES, profileOf, modelsOfProfile, type Profile } from "./profile.ts";
export { pinnedSearchOf, comparesFigures, isPinnedSearch, judgeOptionsOf, type PinnedSearch } from "./pinned-search.ts";
export { traceOf, type ReplayedTrace } from "./replayed-trace.ts";
