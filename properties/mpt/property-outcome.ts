import type fc from "fast-check";

/** What one property suite found for one subject, with fast-check's shrunk counterexample. */
export interface PropertyOutcome<C> {
  property: string;
  subject: string;
  holds: boolean;
  /** The minimal counterexample in JSON form (hex strings), replayable by the suite's replay function. */
  counterexample?: C;
  /** The replay's account of what went wrong on the counterexample. */
  failure?: string;
  seed: number;
  numRuns: number;
}

export interface RunParameters {
  seed: number;
  numRuns: number;
}

/** Turns fast-check's run details into an outcome, replaying the counterexample to name the failure. */
export function settle<A extends unknown[], C>(
  property: string,
  subject: string,
  details: fc.RunDetails<A>,
  parameters: RunParameters,
  toJson: (args: A) => C,
  replay: (counterexample: C) => string | null,
): PropertyOutcome<C> {
  if (!details.failed) return { property, subject, holds: true, ...parameters };
  if (details.counterexample === null) throw new Error(`${property} on ${subject}: fast-check failed without a counterexample: ${String(details.errorInstance)}`);
  const counterexample = toJson(details.counterexample);
  const failure = replay(counterexample) ?? `the property failed but its replay did not (${String(details.errorInstance)})`;
  return { property, subject, holds: false, counterexample, failure, ...parameters };
}
