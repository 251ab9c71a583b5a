import type { Result } from "../explorer/result.ts";
import { formatCount } from "./figures.ts";
import type { Expectation, LivenessPin } from "../models/model.ts";

/** How a run compares with the model's pinned expectation (the manifest). */
export interface Judgement {
  outcome: "as-expected" | "unexpected" | "incomplete";
  /** Why the outcome is not "as-expected", one sentence each. */
  reasons: string[];
}

/**
 * What to judge besides the verdict. `figures`: the run is the search the pins were made on, so
 * its states, depth, transitions and witnesses must equal them. `sample`: that search is the
 * model's own seeded simulation (ModelDefinition.simulation), whose finished runs ("no-violation")
 * are then judged like an exhaustive pass: figures and `sometimes` too.
 */
export interface JudgeOptions {
  figures: boolean;
  sample?: boolean;
}

/**
 * TLA+ Examples' manifest rule: an expected violation that is found is a success, a pass
 * that was expected is a success, and every pinned figure must match, so that a change in
 * behaviour fails CI until the pin is reviewed and changed.
 */
export function judge(result: Result, expected: Expectation, options: JudgeOptions = { figures: true }): Judgement {
  if (result.result === "incomplete") {
    if (result.limitHit === "error") return { outcome: "incomplete", reasons: [`the run failed before it could decide: ${result.error ?? "unknown error"}`] };
    if (result.limitHit === "interrupted") return { outcome: "incomplete", reasons: ["the run was stopped (a signal) before it could decide; --resume continues it"] };
    if (result.limitHit === "time") return { outcome: "incomplete", reasons: ["the run stopped at its time limit before it could decide; --resume continues it"] };
    return { outcome: "incomplete", reasons: [`the run stopped at its ${result.limitHit ?? "unknown"} limit before it could decide`] };
  }
  // A finished simulation agrees with an expected pass but cannot refute an expected violation:
  // it may just not have met it. Its figures cover a sample, judged only where the sample is the
  // one the model pins (`ModelDefinition.simulation`: seeded, so it reproduces exactly).
  if (result.result === "no-violation") {
    if (expected.result !== "pass") {
      return {
        outcome: "incomplete",
        reasons: [`simulation found no violation in ${formatCount(result.runs ?? 0)} runs; the model expects a violation of ${expected.property ?? "a property"} (a simulation is not exhaustive)`],
      };
    }
    if (options.sample !== true) return { outcome: "as-expected", reasons: [] };
  }
  const verdict = result.result === "no-violation" ? "pass" : result.result;
  const reasons: string[] = [];
  if (verdict !== expected.result) {
    reasons.push(
      expected.result === "pass"
        ? `expected no violation, found a violation of ${result.property ?? "a property"}`
        : `expected a violation of ${expected.property ?? "a property"}, found none`,
    );
  } else if (expected.result === "violation" && result.property !== expected.property) {
    reasons.push(`expected a violation of ${expected.property}, found one of ${result.property}`);
  }
  // Stateright's `sometimes`: a pass that never reached a state the model says is reachable
  // checked its invariants on a space without the behaviour they are about. Any exhaustive
  // strategy's pass counts; an incomplete run or a simulation may just not have got there yet.
  if (reasons.length === 0 && verdict === "pass") reasons.push(...vacuity(result));
  // Figures are pinned for the exhaustive BFS that `check` runs; other strategies and limits
  // explore other (sub)spaces, so only their verdict is judged.
  if (reasons.length === 0 && options.figures) {
    const depth = result.result === "violation" ? (result.counterexample?.steps.length ?? result.maxDepth) : result.maxDepth;
    const depthName = result.result === "violation" ? "shortest counterexample length" : "max depth";
    if (result.distinctStates !== expected.distinctStates) {
      reasons.push(`distinct states ${result.distinctStates} differ from the pinned ${expected.distinctStates}`);
    }
    if (depth !== expected.maxDepth) reasons.push(`${depthName} ${depth} differs from the pinned ${expected.maxDepth}`);
    if (expected.transitions !== undefined && result.transitions !== expected.transitions) {
      reasons.push(`transitions ${result.transitions} differ from the pinned ${expected.transitions}`);
    }
    if (verdict === "pass") reasons.push(...witnessDrift(result, expected.sometimes ?? {}));
  }
  // Liveness verdicts are judged whatever the strategy: an unchecked one is no finding.
  if (reasons.length === 0) reasons.push(...livenessDrift(result, expected.liveness ?? {}, options.figures));
  return { outcome: reasons.length === 0 ? "as-expected" : "unexpected", reasons };
}

/** One reason per `sometimes` a pass never reached. */
function vacuity(result: Result): string[] {
  return (result.sometimes ?? []).filter((entry) => !entry.discovered).map((entry) => `sometimes ${entry.name} was never reached: the pass may be vacuous`);
}

/** The shortest witnesses against their pins: each declared one pinned, each pin declared, every length equal. */
function witnessDrift(result: Result, pinned: Record<string, number>): string[] {
  const pins = Object.keys(pinned).length;
  // A saved Result from before the model declared them, or a run that checked no properties.
  if (result.sometimes === undefined) return pins === 0 ? [] : [`the run reports no sometimes properties; the model pins ${pins}, so the pass may be vacuous`];
  const reasons: string[] = [];
  const declared = result.sometimes;
  for (const { name, witness } of declared) {
    const length = witness?.steps.length;
    if (length === undefined) continue;
    const pin = Object.hasOwn(pinned, name) ? pinned[name] : undefined;
    if (pin === undefined) reasons.push(`sometimes ${name} (shortest witness ${length} steps) is not pinned`);
    else if (length !== pin) reasons.push(`sometimes ${name}: shortest witness ${length} steps differs from the pinned ${pin}`);
  }
  for (const name of Object.keys(pinned)) {
    if (!declared.some((entry) => entry.name === name)) reasons.push(`sometimes ${name} is pinned but the model does not declare it`);
  }
  return reasons;
}

/** What the run found of each liveness property, in the form it is pinned. */
export function livenessFinding(entry: NonNullable<Result["liveness"]>[number]): LivenessPin | undefined {
  if (entry.verdict === "unchecked") return undefined;
  if (entry.verdict === "holds") return entry.bound === undefined ? { verdict: "holds" } : { verdict: "holds", bound: entry.bound };
  if (entry.verdict === "undecided") return { verdict: "undecided", steps: entry.cutOffRun?.steps.length ?? 0 };
  const steps = entry.lasso?.steps.length ?? 0;
  const stem = entry.lasso?.cycleFrom ?? steps;
  return { verdict: "violated", stem, cycle: steps - stem };
}

/** A liveness finding in words: "holds within 7 steps of GST", "violated by a lasso of 3 steps then a cycle of 2". */
export function describeLivenessPin(pin: LivenessPin): string {
  if (pin.verdict === "holds") return pin.bound === undefined ? "holds under fairness (no bound in steps)" : `holds within ${pin.bound} steps of GST`;
  if (pin.verdict === "undecided") return `undecided: a run of ${pin.steps} steps reaches the model's cut-off after GST without it`;
  return pin.cycle === 0 ? `violated by a deadlock after ${pin.stem} steps` : `violated by a lasso of ${pin.stem} steps then a cycle of ${pin.cycle}`;
}

/**
 * Each declared liveness property against its pin: pinned and declared alike, each finding
 * equal (bounds and lasso lengths only where figures are judged: another strategy or limit
 * finds another lasso, or none).
 */
function livenessDrift(result: Result, pinned: Record<string, LivenessPin>, figures: boolean): string[] {
  const declared = result.liveness ?? [];
  const reasons: string[] = [];
  for (const entry of declared) {
    const found = livenessFinding(entry);
    if (found === undefined) continue;
    const pin = Object.hasOwn(pinned, entry.name) ? pinned[entry.name] : undefined;
    if (pin === undefined) reasons.push(`liveness ${entry.name} (${describeLivenessPin(found)}) is not pinned`);
    else if (pin.verdict !== found.verdict) reasons.push(`liveness ${entry.name}: ${describeLivenessPin(found)}, pinned ${describeLivenessPin(pin)}`);
    else if (figures && JSON.stringify(found) !== JSON.stringify(pin)) reasons.push(`liveness ${entry.name}: ${describeLivenessPin(found)} differs from the pinned: ${describeLivenessPin(pin)}`);
  }
  if (result.liveness !== undefined) {
    for (const name of Object.keys(pinned)) if (!declared.some((entry) => entry.name === name)) reasons.push(`liveness ${name} is pinned but the model does not declare it`);
  }
  return reasons;
}
