import type { RuntimeInvariant, RuntimeView } from "../../impl/runtime/index.ts";
import type { SlashingEvidence } from "../../spec/hybrid/reference/slashing.ts";
import { correctChainNodes } from "./chain-safety.ts";

interface SlashingHolder {
  slashed?: SlashingEvidence[];
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
