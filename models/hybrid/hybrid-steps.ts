import { z } from "zod";
import type { OfferedActor, ProtocolStepKind, StepFields } from "../../impl/runtime/protocol.ts";
import type { Block } from "../../spec/hybrid/block.ts";
import { isLink } from "../../spec/hybrid/reference/finality.ts";
import type { ByzantineNodeContext } from "../../spec/hybrid/reference/byzantine-node-machine.ts";
import { proposalKinds, type HybridConfig } from "../../spec/hybrid/reference/config.ts";
import type { NodeContext } from "../../spec/hybrid/reference/node-machine.ts";

/**
 * The reference hybrid protocol's step kinds: a correct node's proposal (the PoW lottery's win
 * or its slot as stake proposer), and the Byzantine node's behaviours. Each offers candidates
 * read off the actor's own snapshot; whether one may happen is its machine's guard.
 */
export const NODE_ROLE = "node";
export const BYZANTINE_NODE_ROLE = "byzantine-node";

const digest = z.string().regex(/^[0-9a-f]{12}$/, "a 12-hex-digit block digest");
const fields = (shape: z.ZodRawShape) => z.object(shape).strict() as unknown as z.ZodType<StepFields>;
const blocksOf = (actor: OfferedActor): Block[] =>
  (Object.values((actor.context as ByzantineNodeContext).blocks) as Block[]).sort((a, b) => a.height - b.height || (a.digest < b.digest ? -1 : 1));

export const hybridSteps: Readonly<Record<string, ProtocolStepKind<HybridConfig>>> = {
  propose: {
    description: "A correct node proposes a block on its head at the next height: mined (α > 0, hash power) or signed as the height's stake proposer (β > 0, or pure BFT's round robin).",
    fields: fields({ kind: z.enum(["pow", "pos"]).describe("pow: a mined block; pos: a block signed as stake proposer") }),
    roles: [NODE_ROLE],
    offers(actor) {
      const context = actor.context as NodeContext;
      const height = context.blocks[context.head]!.height + 1;
      return proposalKinds(context.params, context.name, height).map((kind) => ({ kind }));
    },
    event: (chosen) => ({ type: "PROPOSE", kind: chosen.kind as string }),
    label: (chosen) => `propose (${String(chosen.kind)})`,
  },
  "propose-any": {
    description: "A Byzantine node mines or signs a block on any block it knows (long-range, nothing-at-stake), optionally with the double spend to eve; withheld if it withholds.",
    fields: fields({ parent: digest.describe("The block it builds on."), spend: z.boolean().describe("Whether the block carries the double spend") }),
    roles: [BYZANTINE_NODE_ROLE],
    byzantine: true,
    offers(actor) {
      const context = actor.context as ByzantineNodeContext;
      if (!context.behaviours.includes("propose-any") || context.made >= context.budget.proposals) return [];
      return blocksOf(actor)
        .filter((block) => block.height < context.params.heights)
        .flatMap((block) => (context.doubleSpend ? [true, false] : [false]).map((spend) => ({ parent: block.digest, spend })));
    },
    event: (chosen) => ({ type: "PROPOSE_ANY", parent: chosen.parent as string, spend: chosen.spend as boolean }),
    label: (chosen) => `propose on ${String(chosen.parent).slice(0, 6)}${chosen.spend ? " (double spend)" : ""}`,
  },
  release: {
    description: "A withholding Byzantine node multicasts one of its private blocks.",
    fields: fields({ block: digest.describe("The withheld block it releases.") }),
    roles: [BYZANTINE_NODE_ROLE],
    byzantine: true,
    offers: (actor) => (actor.context as ByzantineNodeContext).withheld.map((block) => ({ block })),
    event: (chosen) => ({ type: "RELEASE", block: chosen.block as string }),
    label: (chosen) => `release ${String(chosen.block).slice(0, 6)}`,
  },
  "vote-any": {
    description: "A Byzantine validator signs a vote for any (source, target) of blocks it knows, source lower, to one correct node or all (double and surround votes).",
    fields: fields({ source: digest, target: digest, to: z.string().regex(/^(N\d|all)$/, 'a correct node, e.g. "N1", or "all"') }),
    roles: [BYZANTINE_NODE_ROLE],
    byzantine: true,
    offers(actor) {
      const context = actor.context as ByzantineNodeContext;
      // The machine's guard mayVoteAny decides which are enabled (behaviour, stake, budget, receiver).
      if (!context.behaviours.includes("vote-any")) return [];
      const blocks = blocksOf(actor);
      // A reduction: only links, the only votes that count towards a supermajority (finality.ts's isLink).
      return blocks.flatMap((source) =>
        blocks
          .filter((target) => isLink(context.blocks, source.digest, target.digest))
          .flatMap((target) => [...context.receivers, ...(context.receivers.length > 1 ? ["all"] : [])].map((to) => ({ source: source.digest, target: target.digest, to }))),
      );
    },
    event: (chosen) => ({ type: "VOTE_ANY", source: chosen.source as string, target: chosen.target as string, to: chosen.to as string }),
    label: (chosen) => `vote ${String(chosen.source).slice(0, 6)}→${String(chosen.target).slice(0, 6)} to ${String(chosen.to)}`,
  },
};
