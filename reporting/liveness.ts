import type { LivenessResult } from "../explorer/result.ts";
import { describeLivenessPin, livenessFinding } from "./verdict.ts";

/** A liveness property's kind in words. */
export function livenessKind(entry: LivenessResult): string {
  return entry.kind === "eventually" ? "eventually" : "always eventually";
}

/** What the run found of one liveness property, in words (the reports' finding column). */
export function livenessFindingText(entry: LivenessResult): string {
  const finding = livenessFinding(entry);
  const cutOff = entry.cutOffStates ? `; ${entry.cutOffStates} states at the model's cut-off, ${entry.cutOffBeforeGst ?? 0} of them before GST (not judged)` : "";
  if (finding === undefined) return `unchecked: ${entry.reason ?? "no reason given"}`;
  // An asynchronous model's undecided run says more than "the bound stopped it": see FLP_WITNESS.
  const reason = finding.verdict === "undecided" && entry.reason !== undefined ? ` — ${entry.reason}` : "";
  return `${describeLivenessPin(finding)}${reason}${cutOff}`;
}

/** A counterexample's heading words: a lasso's stem and cycle, or a plain path. */
export function counterexampleShape(steps: number, cycleFrom: number | undefined): string {
  if (cycleFrom === undefined) return `${steps} steps`;
  if (cycleFrom === steps) return `${steps} steps, then a deadlock: no action is enabled`;
  return `lasso: ${cycleFrom} steps, then a cycle of ${steps - cycleFrom} repeated for ever`;
}
