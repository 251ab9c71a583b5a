import type { RuntimeInvariant, RuntimeView } from "../../impl/runtime/index.ts";
import type { Block } from "../../spec/hybrid/block.ts";
import { justifiedBlocks } from "../../spec/hybrid/reference/finality.ts";
import type { Vote } from "../../spec/hybrid/reference/votes.ts";
import { correctChainNodes } from "./chain-safety.ts";

interface JustifyingNode {
  blocks: Record<string, Block>;
  votes?: Vote[];
  justified?: string[];
  params?: { stakes: Record<string, number> };
}

/**
 * A block a correct node holds as justified that Casper FFG's definition does not justify from
 * the votes it holds (each validator's stake counted once per link, Buterin & Griffith 2017 §2),
 * or null. Read with finality.ts's rule, never the node's own counting.
 */
export function unjustified(view: RuntimeView): { node: string; block: string } | null {
  for (const node of correctChainNodes(view)) {
    const context = node.context as JustifyingNode;
    if (context.justified === undefined || context.params === undefined) continue;
    const sound = new Set(justifiedBlocks({ blocks: context.blocks, votes: context.votes ?? [], stakes: context.params.stakes }));
    const wrong = context.justified.find((digest) => !sound.has(digest));
    if (wrong !== undefined) return { node: node.name, block: wrong };
  }
  return null;
}

export const justifiedBySupermajority: RuntimeInvariant = {
  name: "justified by 2/3 of the stake",
  holds: (view) => unjustified(view) === null,
  explain: (view) => {
    const found = unjustified(view);
    return found === null ? [] : [`${found.node} holds ${found.block} as justified, but no supermajority of distinct validators' stake links to it from a justified block`];
  },
};
