import { explore, replay, type Result } from "../../explorer/index.ts";
import type { ModelDefinition } from "../../models/model.ts";
import { paxosModels } from "../../models/paxos/index.ts";
import type { Schedule } from "../../spec/common/schedule.ts";
import type { AuditFinding } from "../audit/finding.ts";
import { systemFor, wholeRun } from "../audit/system-for.ts";

/**
 * The Paxos section of reports/seed-audit.md: PX1–PX5 on each reading of the seed's
 * `paxosPropose` and on the reference, each checked by an exhaustive BFS of one small model
 * (the same configuration for all three: 2 proposers, 3 acceptors, a reliable network, one
 * proposer crash, also mid-multicast). A broken property comes with its shortest
 * counterexample, a Schedule that `replayPaxosFinding` (and `consensus-check replay`) re-runs.
 */
export interface PaxosAuditSubject {
  subject: string;
  model: string;
  source: string;
}

const SEED_SOURCE = "B §2.2 l. 60–72 (catalogue B7)";

export const PAXOS_AUDIT_SUBJECTS: readonly PaxosAuditSubject[] = [
  { subject: "seed-paxos R1 grant-all", model: "paxos/seed_p2_a3_grant_all", source: `${SEED_SOURCE}; promise() always true` },
  { subject: "seed-paxos R2 first-come", model: "paxos/seed_p2_a3_first_come", source: `${SEED_SOURCE}; promise() true for the first value only` },
  { subject: "paxos (reference)", model: "paxos/p2_a3", source: "Lamport, Paxos Made Simple (2001) §2.2–2.3" },
];

/** What a violation of each property shows, in the reader's terms. */
const MEANING: Record<string, string> = {
  "PX1 one value chosen": "Two different values were each chosen, at some moment",
  "PX2 stability": "An acceptor voted for another value after one was chosen",
  "PX3 returned value chosen": "A proposer returned true for a value that is not chosen (at its return, or later)",
  "PX4 returned values agree": "Two proposers returned true for different values",
  "PX5 non-triviality": "A value nobody proposed was chosen",
};

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function paxosAuditModel(name: string): ModelDefinition<any> {
  const model = paxosModels.find((candidate) => candidate.name === name);
  if (model === undefined) throw new Error(`no Paxos model named ${name}`);
  return model;
}

/**
 * Replays a broken finding's Schedule on its model, checking only its property: the description
 * of the state where the property first fails and that step's index, or undefined when it holds
 * along the whole Schedule.
 */
export function replayPaxosFinding(schedule: Schedule, property: string): { index: number; state: string } | undefined {
  const trace = replay(systemFor(paxosAuditModel(schedule.model), property), schedule);
  const violation = trace.firstViolation;
  if (violation === undefined) return undefined;
  const state = violation.index === -1 ? trace.initial : trace.steps[violation.index]!;
  return { index: violation.index, state: state.stateDescription ?? "" };
}

async function auditSubject({ subject, model: name, source }: PaxosAuditSubject, checked: readonly Result[]): Promise<AuditFinding[]> {
  const model = paxosAuditModel(name);
  // One exhaustive run counts the violating states of every property; only those with some get a run of their own.
  const { system, options, whole } = await wholeRun(model, checked, "Paxos");
  const findings: AuditFinding[] = [];
  for (const { name: property } of system.invariants) {
    if (whole.violationCounts?.[property] === undefined) {
      const explanation = `Holds in all ${whole.distinctStates.toLocaleString("en-US")} states of ${name} (exhaustive BFS, ${whole.transitions.toLocaleString("en-US")} transitions, depth ${whole.maxDepth}).`;
      findings.push({ subject, property, verdict: "holds", explanation, source });
      continue;
    }
    const result = await explore(systemFor(model, property), options);
    const counterexample = result.counterexample!;
    const { state } = replayPaxosFinding(counterexample, property)!;
    const violating = whole.violationCounts[property]!.toLocaleString("en-US");
    const explanation = `${MEANING[property]}. After the ${counterexample.steps.length} steps: ${state}. ${violating} of the ${whole.distinctStates.toLocaleString("en-US")} states of ${name} break it.`;
    findings.push({ subject, property, verdict: "broken", counterexample, explanation, source });
  }
  return findings;
}

/**
 * PX1–PX5 on R1, R2 and the reference, in that order. `checked`: results of BFS runs of the
 * registered models already made (`check --all`); a passing one is not explored again.
 */
export async function paxosSeedAudit(checked: readonly Result[] = []): Promise<AuditFinding[]> {
  const findings: AuditFinding[] = [];
  for (const subject of PAXOS_AUDIT_SUBJECTS) findings.push(...(await auditSubject(subject, checked)));
  return findings;
}
