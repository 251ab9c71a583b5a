/**
 * consensus-check's public API (the package root): define a protocol for the actor runtime and
 * models of it, then check, explore, simulate and replay them with the Result and Schedule types
 * the CLI writes. Everything else in the package is internal and may change.
 */
export { defineProtocol, defineModel, type ModelSpec } from "./define.ts";
export { check, explore, simulate, replay, type RunOutcome, type RunLimits, type ExploreChoice, type ReplayOutcome } from "./run.ts";

export type {
  ProtocolDefinition,
  ActorDeclaration,
  NetworkModel,
  FaultModel,
  TimeModel,
  RuntimeInvariant,
  RuntimeLiveness,
  HistoryDeclaration,
  ProtocolStepKind,
  StepFields,
  StepField,
  OfferedActor,
  RuntimeView,
  ActorView,
  InFlightView,
} from "../impl/runtime/index.ts";
export type { ActorOutput } from "../spec/common/actor-outputs.ts";
export type { ModelDefinition, Expectation, ModelSimulation } from "../models/model.ts";
export type { LivenessPin } from "../models/model.ts";
export type { Judgement } from "../reporting/verdict.ts";
export { resultSchema, type Result, type Verdict, type SometimesResult } from "../explorer/result.ts";
export { scheduleSchema, type Schedule, type ScheduleStep } from "../spec/common/schedule.ts";
export type { Coverage } from "../spec/common/coverage.ts";
export type { Progress } from "../explorer/options.ts";
export { InputError } from "../spec/common/input-error.ts";
