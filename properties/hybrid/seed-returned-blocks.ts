import type { ActorView, RuntimeInvariant, RuntimeView } from "../../impl/runtime/index.ts";
import { GENESIS } from "../../spec/hybrid/block.ts";
import { failedStages, type SeedBlock, type VerificationContext } from "../../spec/hybrid/seed/engines.ts";
import type { SeedNodeContext, SeedResult } from "../../spec/hybrid/seed/node-machine.ts";

/**
 * Properties of the seed's `propose_block` port (spec/hybrid/seed) beyond the chain properties
 * every hybrid variant is held to (chain-safety.ts).
 */

/** The role of the port's honest nodes (models/hybrid/seed-hybrid-protocol.ts). */
export const SEED_NODE_ROLE = "node";

const honestNodes = (view: RuntimeView): ActorView[] => view.role(SEED_NODE_ROLE).filter((actor) => actor.correct);

/** The blocks a correct node returned from `propose_block` or appended, GENESIS aside. */
function returnedAndAppended(node: ActorView): SeedBlock[] {
  const context = node.context as SeedNodeContext;
  const blocks = Object.values(context.blocks).filter((block) => block.digest !== GENESIS.digest);
  return context.result === "Ok" && context.block !== null && !(context.block.digest in context.blocks) ? [...blocks, context.block] : blocks;
}

/** A block a correct node returned or appended that fails an enabled stage (with the stages it fails), or null. */
export function unverifiedBlock(view: RuntimeView, verification: VerificationContext): { node: string; block: SeedBlock; failed: string[] } | null {
  for (const node of honestNodes(view))
    for (const block of returnedAndAppended(node)) {
      const failed = failedStages(block, verification);
      if (failed.length > 0) return { node: node.name, block, failed };
    }
  return null;
}

/**
 * Catalogue A23 (H4), on the returned block: every block a correct node returned or appended
 * verifies under every enabled stage — its digest is its header's and under the PoW target
 * (α > 0), its proposer holds stake and signed the digest (β > 0), a certificate of ≥ 2f+1
 * distinct validators' COMMITs on the digest (γ > 0).
 */
export function returnedBlocksVerify(verification: VerificationContext): RuntimeInvariant {
  return { name: "H4 returned blocks verify", holds: (view) => unverifiedBlock(view, verification) === null };
}

/** Some correct node's `propose_block` returned this result: what a model must reach to show the stage's `?` is exercised. */
export function proposeReturned(result: SeedResult): RuntimeInvariant {
  return { name: `propose_block returned ${result}`, holds: (view) => honestNodes(view).some((node) => (node.context as SeedNodeContext).result === result) };
}
