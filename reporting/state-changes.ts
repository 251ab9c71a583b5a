import type { TraceStep } from "./trace.ts";

/**
 * Per step, the participants whose summary differs from the last one drawn ("R1" →
 * "committed A"), so a diagram notes changes and not the whole state each row. A step that
 * carries no summaries changes nothing.
 */
export function stateChanges(trace: readonly TraceStep[], initial: Record<string, string> = {}): [name: string, summary: string][][] {
  let previous = initial;
  return trace.map((entry) => {
    const changes = Object.entries(entry.participants ?? {}).filter(([name, summary]) => previous[name] !== summary);
    previous = entry.participants ?? previous;
    return changes;
  });
}
