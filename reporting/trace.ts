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

/** A PBFT endpoint ("2", 2, "c0") as a lane name ("R2", "C0"); a runtime actor's name as it is. */
export function participantName(endpoint: string | number): string {
  const text = String(endpoint);
  if (/^\d+$/.test(text)) return `R${text}`;
  return /^c\d+$/.test(text) ? `C${text.slice(1)}` : text;
}

export function messageArrow(messageId: string): MessageArrow | undefined {
  const match = ARROW.exec(messageId);
  if (!match) return undefined;
  const label = messageId.replace(ARROW, "").replace(/\s+/g, " ").trim();
  return { from: participantName(match[1]!), to: participantName(match[2]!), label: label || messageId };
}

/**
 * The arrow of a message step (`deliver`, `drop`, `duplicate`): from the step's structured
 * `from`/`to` when it has them (runtime models), else read off the PBFT message id.
 */
export function stepArrow(step: ScheduleStep, kind: "deliver" | "drop" | "duplicate"): MessageArrow | undefined {
  const record = step as Record<string, unknown>;
  const id = record[kind];
  if (typeof id !== "string") return undefined;
  if (typeof record.from === "string" && typeof record.to === "string") {
    const suffix = ` ${record.from}->${record.to}`;
    return { from: record.from, to: record.to, label: id.endsWith(suffix) ? id.slice(0, -suffix.length) : id };
  }
  return messageArrow(id);
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
  // A protocol step happens at its actor; a replay starts at the Byzantine actor that sends it.
  if (typeof record.step === "string" && typeof record.actor === "string") return record.actor;
  if (typeof record.replay === "string" && typeof record.from === "string") return record.from;
  for (const key of ["byzantine", "crash", "recover", "timeout"]) {
    const value = record[key];
    if (typeof value === "number" || (typeof value === "string" && key !== "byzantine")) return participantName(value);
  }
  if (typeof record.request === "number") return participantName(`c${record.request}`);
  return undefined;
}

/**
 * The lanes of the sequence diagrams: the participants a model names (`known`, in its order,
 * e.g. a runtime model's actors), replicas 0…n−1, and every participant the trace touches. PBFT
 * names (R…, C…) are sorted replicas first, then clients, each in numeric order; other names
 * keep the model's order.
 */
export function participantsOf(trace: readonly TraceStep[], replicaCount: number, known: readonly string[] = []): string[] {
  const names = new Set<string>(known);
  for (let replica = 0; replica < replicaCount; replica++) names.add(participantName(replica));
  for (const { step } of trace) {
    for (const kind of ["deliver", "drop", "duplicate"] as const) {
      const arrow = stepArrow(step, kind);
      if (arrow) names.add(arrow.from).add(arrow.to);
    }
    const actor = actorOf(step);
    if (actor) names.add(actor);
    const receiver = byzantineReceiver(step);
    if (receiver) names.add(receiver);
  }
  const all = [...names];
  if (!all.every((name) => /^[RC]\d+$/.test(name))) return all;
  const rank = (name: string): number => (name.startsWith("C") ? 1_000_000 : 0) + Number(name.slice(1));
  return all.sort((a, b) => rank(a) - rank(b));
}
