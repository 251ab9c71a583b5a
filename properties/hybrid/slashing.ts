import type { RuntimeInvariant, RuntimeView } from "../../impl/runtime/index.ts";
import { slashableValidators, type SlashingEvidence } from "../../spec/hybrid/reference/slashing.ts";
import type { Vote } from "../../spec/hybrid/reference/votes.ts";
import { correctChainNodes } from "./chain-safety.ts";

interface SlashingHolder {
  slashed?: SlashingEvidence[];
  votes?: Vote[];
}

/** A correct node's evidence against a correct validator, or null (Casper FFG: honest validators are never slashable). */
export function honestSlashed(view: RuntimeView): { node: string; evidence: SlashingEvidence } | null {
  const correct = new Set(view.actors.filter((actor) => actor.correct).map((actor) => actor.name));
  for (const node of correctChainNodes(view)) for (const evidence of (node.context as SlashingHolder).slashed ?? []) if (correct.has(evidence.validator)) return { node: node.name, evidence };
  return null;
}

export const noHonestSlashing: RuntimeInvariant = {
  name: "no honest slashing",
  holds: (view) => honestSlashed(view) === null,
  explain: (view) => {
    const found = honestSlashed(view);
    return found === null ? [] : [`${found.node} holds evidence of a ${found.evidence.offence} against the correct ${found.evidence.validator}: ${found.evidence.proof.join(" and ")}`];
  },
};

/** Some correct node holds slashing evidence. */
export const validatorSlashed: RuntimeInvariant = { name: "a validator slashed", holds: (view) => correctChainNodes(view).some((node) => ((node.context as SlashingHolder).slashed ?? []).length > 0) };

/** A validator that the votes a correct node holds prove slashable (slashing.ts's rule, in full) but against which it records no evidence, or null. */
export function unrecordedOffence(view: RuntimeView): { node: string; validator: string; offence: string } | null {
  for (const node of correctChainNodes(view)) {
    const context = node.context as SlashingHolder;
    const accused = new Set((context.slashed ?? []).map((evidence) => evidence.validator));
    for (const [validator, proof] of slashableValidators(context.votes ?? [])) if (!accused.has(validator)) return { node: node.name, validator, offence: proof.offence };
  }
  return null;
}

export const offencesRecorded: RuntimeInvariant = {
  name: "every offence seen is recorded",
  holds: (view) => unrecordedOffence(view) === null,
  explain: (view) => {
    const found = unrecordedOffence(view);
    return found === null ? [] : [`${found.node} holds two votes proving a ${found.offence} by ${found.validator} and records no evidence against it`];
  },
};
