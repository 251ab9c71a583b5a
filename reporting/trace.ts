import type { ScheduleStep } from "../spec/common/schedule.ts";

/** One replayed step of a counterexample, as the reports draw it. */
export interface TraceStep {
  step: ScheduleStep;
  /** `describeStep(step)`. */
  description: string;
  /** Per-participant summaries after the step (e.g. "R1": "committed A"); optional. */
  participants?: Record<string, string>;
  /** Properties that fail in the state after this step. */
  violated: string[];
}

/** A message arrow parsed from a message id "TYPE … from->to" (impl/network's ids). */
export interface MessageArrow {
  /** Participant names: "R2" for replica 2, "C0" for client 0. */
  from: string;
  to: string;
  label: string;
}

// Endpoints are replicas ("2") or clients ("c0"), as impl/network/envelope.ts names them.
const ARROW = /(c?\d+)\s*->\s*(c?\d+)\s*$/;

export function participantName(endpoint: string | number): string {
  const text = String(endpoint);
  return text.startsWith("c") ? `C${text.slice(1)}` : `R${text}`;
}

export function messageArrow(messageId: string): MessageArrow | undefined {
  const match = ARROW.exec(messageId);
  if (!match) return undefined;
  const label = messageId.replace(ARROW, "").replace(/\s+/g, " ").trim();
  return { from: participantName(match[1]!), to: participantName(match[2]!), label: label || messageId };
}

/**
 * The participant a Byzantine step sends to: the replica `to`, or, for a step without one
 * (a forged REPLY), the client `client`; undefined for any other step.
 */
export function byzantineReceiver(step: ScheduleStep): string | undefined {
  const record = step as Record<string, unknown>;
  if (typeof record.byzantine !== "number") return undefined;
  if (typeof record.to === "number") return participantName(record.to);
  if (typeof record.client === "number") return participantName(`c${record.client}`);
  return undefined;
}

/** The participant a step happens at or starts from (a Byzantine sender, a crashed replica, a client). */
export function actorOf(step: ScheduleStep): string | undefined {
  const record = step as Record<string, unknown>;
  for (const key of ["byzantine", "crash", "recover", "timeout"]) if (typeof record[key] === "number") return participantName(record[key] as number);
  if (typeof record.request === "number") return participantName(`c${record.request}`);
  return undefined;
}

/**
 * Every participant a trace touches plus replicas 0…n−1, replicas first, then clients, each
 * in numeric order: the lanes of the sequence diagrams.
 */
export function participantsOf(trace: readonly TraceStep[], replicaCount: number): string[] {
  const names = new Set<string>();
  for (let replica = 0; replica < replicaCount; replica++) names.add(participantName(replica));
  for (const { step } of trace) {
    const record = step as Record<string, unknown>;
    for (const value of Object.values(record)) {
      const arrow = typeof value === "string" ? messageArrow(value) : undefined;
      if (arrow) names.add(arrow.from).add(arrow.to);
    }
    const actor = actorOf(step);
    if (actor) names.add(actor);
    const receiver = byzantineReceiver(step);
    if (receiver) names.add(receiver);
  }
  const rank = (name: string): number => (name.startsWith("C") ? 1_000_000 : 0) + Number(name.slice(1));
  return [...names].sort((a, b) => rank(a) - rank(b));
}
