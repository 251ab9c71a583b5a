export { explore } from "./explore.ts";
export { replay, type Trace, type TraceStep, type TraceState } from "./replay.ts";
export { actionsAlong, scheduleOf, type ScheduleOrigin } from "./counterexample.ts";
export { exploreSettingsSchema, parseExploreOptions, type ExploreOptions, type ExploreSettings, type ExploreHooks, type Progress } from "./options.ts";
export { resultSchema, limitSchema, verdictSchema, type Result, type LimitKind, type Verdict } from "./result.ts";
export type { TransitionSystem, Invariant } from "./transition-system.ts";
export { xoshiro128ss, type Prng } from "./prng.ts";
export { ExactStateStore, FingerprintStore, omissionProbability, murmur3, type VisitedSet } from "./visited/index.ts";
export { ParentLog, type StatePath } from "./parent-log.ts";
