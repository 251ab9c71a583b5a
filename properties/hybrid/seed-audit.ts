import { explore, replay, type Result } from "../../explorer/index.ts";
import type { SeedHybridConfig } from "../../models/hybrid/seed-hybrid-protocol.ts";
import { seedHybridModels } from "../../models/hybrid/seed-models.ts";
import type { ModelDefinition } from "../../models/model.ts";
import type { Schedule } from "../../spec/common/schedule.ts";
import { enabledStages } from "../../spec/hybrid/weights.ts";
import type { AuditFinding } from "../audit/finding.ts";
import { systemFor, wholeRun } from "../audit/system-for.ts";

/**
 * The hybrid section of reports/seed-audit.md: the chain properties every hybrid variant is held
 * to (finality safety, finalized never reverted, DS1) and H4 on the seed's `propose_block` port
 * (seed-hybrid), one subject per model, each checked by an exhaustive BFS. A broken property
 * comes with its shortest counterexample, a Schedule that `replaySeedHybridFinding` (and
 * `consensus-check replay`) re-runs. Each finding says where the sketch agrees or disagrees with a
 * reference design (a finality rule beyond the returned value, fork choice, transaction validity).
 */
export interface SeedHybridAuditSubject {
  subject: string;
  model: string;
}

const SOURCE = "A §3.2 l. 170–211 (catalogue A22–A23)";

export const SEED_HYBRID_AUDIT_SUBJECTS: readonly SeedHybridAuditSubject[] = [
  { subject: "seed-hybrid α = 1 (mine only)", model: "hybrid/seed_pow_n3" },
  { subject: "seed-hybrid β = 1 (validate only)", model: "hybrid/seed_pos_n3" },
  { subject: "seed-hybrid β = 1, a proposer without stake", model: "hybrid/seed_pos_n3_unstaked" },
  { subject: "seed-hybrid γ = 1 (finalize only)", model: "hybrid/seed_bft_n4" },
  { subject: "seed-hybrid γ = 1, two payments", model: "hybrid/seed_bft_n4_two_payments" },
  { subject: "seed-hybrid γ = 1, 1 Byzantine validator of 4", model: "hybrid/seed_bft_n4_byz1" },
  { subject: "seed-hybrid γ = 1, 2 Byzantine validators of 4", model: "hybrid/seed_bft_n4_byz2" },
  { subject: "seed-hybrid α = γ = 0.5 (mine, then finalize)", model: "hybrid/seed_pow_bft_n4" },
];

/** What a violation of each property shows, in the reader's terms. */
const MEANING: Record<string, string> = {
  "finality safety": "Two correct nodes hold conflicting blocks as final",
  "fork choice never reverts a finalized block": "A correct node's chain dropped a block it had held as final",
  "DS1 no double spend": "A payment and its double spend are both in finalized blocks",
  "H4 returned blocks verify": "A block returned or appended fails an enabled stage's proof",
};

/** Where the sketch agrees or disagrees with a reference design, for this property, verdict and config. */
function comparison(property: string, broken: boolean, config: SeedHybridConfig): string {
  const stages = enabledStages(config.weights);
  switch (property) {
    case "finality safety":
      if (!stages.bft && !broken) return "Holds only because a single block is ever returned Ok here: the sketch has no finality rule or fork choice that would arbitrate between two.";
      if (!stages.bft)
        return "Disagrees with any reference design: a mined or staked block is final only under a finality rule (k confirmations, a 2/3-stake finality vote) after a fork choice among competing blocks; the sketch has neither, so its returned Ok(block) is final wherever it lands first.";
      if (broken) return `As PBFT: with ${config.byzantine.length} Byzantine validators of ${config.nodes}, beyond f = ${config.f}, two 2f+1 certificates need not share an honest validator.`;
      return stages.pow || stages.pos || config.byzantine.length > 0
        ? `Agrees with PBFT (H5): with at most f = ${config.f} Byzantine validators, two 2f+1 certificates of first-seen COMMITs share an honest validator, so at most one block per height is returned Ok — whatever the other stages do.`
        : "Agrees with PBFT (H5): two 2f+1 certificates of first-seen COMMITs share an honest validator, so at most one block per height is returned Ok; finalize is the sketch's only finality rule.";
    case "fork choice never reverts a finalized block":
      return "Agrees, vacuously: the sketch has no fork choice, a node only ever extends its tip, so nothing final is reverted — and a node that took the losing block of a fork keeps it for ever (no convergence).";
    case "DS1 no double spend":
      return broken
        ? "Disagrees with any reference design: Block::new takes the transactions as given and no stage checks them against the chain (a reference node rejects a block spending an (account, nonce) already spent), so even a certified chain can carry both."
        : "Holds only because no double spend is ever returned Ok here (none proposed, or its proposer's call fails): the sketch has no transaction-validity rule.";
    case "H4 returned blocks verify":
      return "Agrees: each enabled stage attaches its proof to the block it returns (PoW target, the staker's signature, 2f+1 COMMITs on the digest); receivers verify nothing, which only an honest proposer makes harmless (the models' Byzantine nodes only vote).";
    default:
      return "";
  }
}

export function seedHybridAuditModel(name: string): ModelDefinition<SeedHybridConfig> {
  const model = seedHybridModels.find((candidate) => candidate.name === name);
  if (model === undefined) throw new Error(`no seed-hybrid model named ${name}`);
  return model;
}

/** Replays a broken finding's Schedule checking only its property: the first failing step's index and state, or undefined where it holds throughout. */
export function replaySeedHybridFinding(schedule: Schedule, property: string): { index: number; state: string } | undefined {
  const trace = replay(systemFor(seedHybridAuditModel(schedule.model), property), schedule);
  const violation = trace.firstViolation;
  if (violation === undefined) return undefined;
  const state = violation.index === -1 ? trace.initial : trace.steps[violation.index]!;
  return { index: violation.index, state: state.stateDescription ?? "" };
}

const count = (n: number): string => n.toLocaleString("en-US");

async function auditSubject({ subject, model: name }: SeedHybridAuditSubject, checked: readonly Result[]): Promise<AuditFinding[]> {
  const model = seedHybridAuditModel(name);
  const { system, options, whole } = await wholeRun(model, checked, "seed-hybrid");
  const findings: AuditFinding[] = [];
  for (const { name: property } of system.invariants) {
    const violating = whole.violationCounts?.[property];
    if (violating === undefined) {
      const explanation = `Holds in all ${count(whole.distinctStates)} states of ${name} (exhaustive BFS, ${count(whole.transitions)} transitions, depth ${whole.maxDepth}). ${comparison(property, false, model.config)}`;
      findings.push({ subject, property, verdict: "holds", explanation, source: SOURCE });
      continue;
    }
    const counterexample = (await explore(systemFor(model, property), options)).counterexample!;
    const { state } = replaySeedHybridFinding(counterexample, property)!;
    const explanation = `${MEANING[property]}. After the ${counterexample.steps.length} steps: ${state}. ${count(violating)} of the ${count(whole.distinctStates)} states of ${name} break it. ${comparison(property, true, model.config)}`;
    findings.push({ subject, property, verdict: "broken", counterexample, explanation, source: SOURCE });
  }
  return findings;
}

/**
 * The chain properties and H4 on every seed-hybrid model, in SEED_HYBRID_AUDIT_SUBJECTS' order.
 * `checked`: results of BFS runs of the registered models already made (`check --all`); a
 * passing one is not explored again.
 */
export async function seedHybridAudit(checked: readonly Result[] = []): Promise<AuditFinding[]> {
  const findings: AuditFinding[] = [];
  for (const subject of SEED_HYBRID_AUDIT_SUBJECTS) findings.push(...(await auditSubject(subject, checked)));
  return findings;
}
