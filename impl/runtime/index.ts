export type { ProtocolDefinition, ActorDeclaration, NetworkModel, FaultModel, TimeModel, RuntimeInvariant, RuntimeLiveness, HistoryDeclaration, ProtocolStepKind, StepFields, StepField, OfferedActor } from "./protocol.ts";
export type { RuntimeView, ActorView, InFlightView } from "./runtime-view.ts";
export { runtimeSystem } from "./runtime-system.ts";
export { runtimeCoverage } from "./coverage.ts";
export type { RuntimeAction } from "./runtime-actions.ts";
