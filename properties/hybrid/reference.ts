import type { RuntimeInvariant, RuntimeLiveness, RuntimeView } from "../../impl/runtime/index.ts";
import type { Block } from "../../spec/hybrid/block.ts";
import { ancestry, type ChainKnowledge } from "../../spec/hybrid/chain.ts";
import { accountableSafety, explainedFinalitySafety } from "./accountable-safety.ts";
import { blockFinalized, correctChainNodes, finalizedNeverReverted, noDoubleSpend } from "./chain-safety.ts";
import { justifiedBySupermajority } from "./justification.ts";
import type { Weights } from "../../spec/hybrid/weights.ts";
import { noHonestSlashing, offencesRecorded, validatorSlashed } from "./slashing.ts";

/**
 * The reference hybrid protocol's invariants, in the order a violation is reported. Accountable
 * safety and justification are Casper FFG's (Buterin & Griffith 2017, Theorem 1), so they are
 * checked where γ > 0; finality by k confirmations (γ = 0) has no quorum and no one to hold to
 * account — a PoW double spend is slashable by no one — and claiming it vacuously would mislead.
 */
export function hybridInvariants(weights: Weights): readonly RuntimeInvariant[] {
  const ffg = weights.gamma > 0 ? [accountableSafety] : [];
  return [explainedFinalitySafety, finalizedNeverReverted, noDoubleSpend, ...ffg, noHonestSlashing, ...(weights.gamma > 0 ? [justifiedBySupermajority] : []), offencesRecorded];
}

/** Two blocks at one height known to one correct node. */
export const aFork: RuntimeInvariant = {
  name: "a fork",
  holds: (view) =>
    correctChainNodes(view).some((node) => {
      const heights = new Set<number>();
      for (const block of Object.values((node.context as ChainKnowledge).blocks) as Block[]) {
        if (heights.has(block.height)) return true;
        heights.add(block.height);
      }
      return false;
    }),
};

export { blockFinalized, validatorSlashed };

/** Chain growth and finality liveness: every correct node has finalized a block at height ≥ 1. */
export function everyNodeFinalized(view: RuntimeView): boolean {
  return correctChainNodes(view).every((node) => ancestry((node.context as ChainKnowledge).blocks, (node.context as ChainKnowledge).finalized).length > 1);
}

export const finalityLiveness: RuntimeLiveness = { name: "every correct node finalizes a block", kind: "eventually", holds: everyNodeFinalized };
