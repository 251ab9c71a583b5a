import type { ProtocolDefinition, RuntimeInvariant } from "../../impl/runtime/index.ts";
import { finalityHistory } from "../../properties/hybrid/chain-safety.ts";
import { aFork, blockFinalized, finalityLiveness, hybridInvariants, validatorSlashed } from "../../properties/hybrid/reference.ts";
import { blockLabel, type Block } from "../../spec/hybrid/block.ts";
import { byzantineNodeMachine, type ByzantineNodeContext, type ByzantineNodeInput } from "../../spec/hybrid/reference/byzantine-node-machine.ts";
import { byzantineName, hybridConfigSchema, hybridParams, isPureBft, nodeName, type HybridConfig } from "../../spec/hybrid/reference/config.ts";
import { describeHybridMessage, hybridMessageSchema, type HybridMessage } from "../../spec/hybrid/reference/messages.ts";
import { nodeMachine, type NodeContext, type NodeInput } from "../../spec/hybrid/reference/node-machine.ts";
import { BYZANTINE_NODE_ROLE, NODE_ROLE, hybridSteps } from "./hybrid-steps.ts";

export { hybridConfigSchema, type HybridConfig };

const weightsText = (config: HybridConfig) => `α=${config.weights.alpha}, β=${config.weights.beta}, γ=${config.weights.gamma}`;

/** The `sometimes` each configuration must reach: a block finalized, and a fork / a validator slashed where the config makes them possible. */
function hybridSometimes(config: HybridConfig): RuntimeInvariant[] {
  // Forks where two correct nodes may propose at one height (two miners, or a miner and the slot's one stake leader) or a Byzantine node proposes.
  const proposers = config.nodes.filter((node) => config.weights.alpha > 0 && node.hash > 0).length + (config.weights.beta > 0 ? 1 : 0);
  const forks = config.byzantine.some((node) => node.budget.proposals > 0) || proposers > 1;
  const slashing = config.byzantine.some((node) => node.budget.votes > 1 && node.stake > 0);
  return [blockFinalized, ...(forks ? [aFork] : []), ...(slashing ? [validatorSlashed] : [])];
}

/**
 * The reference hybrid consensus (ADR 0005): Hybrid = α·PoW + β·PoS + γ·BFT (seed §3.2) on the
 * actor runtime. Correct nodes (spec/hybrid/reference/node-machine.ts) propose when eligible,
 * keep blocks and votes, justify and finalize by Casper FFG (γ > 0) or k confirmations (γ = 0),
 * pick heads by the weighted fork choice and vote by the honest rule; Byzantine nodes
 * (byzantine-node-machine.ts) propose on anything, withhold and release, and vote anything,
 * within budgets. Properties: finality safety (explained by accountable-safety evidence), no
 * revert of a finalized block, DS1, accountable safety, no honest slashing.
 */
export const hybridProtocol: ProtocolDefinition<HybridConfig, HybridMessage> = {
  name: "hybrid",
  roles: { [NODE_ROLE]: nodeMachine, [BYZANTINE_NODE_ROLE]: byzantineNodeMachine },
  messageSchema: hybridMessageSchema as never,
  describeMessage: describeHybridMessage,
  actors(config) {
    const params = hybridParams(config);
    const correct = config.nodes.map((_, index) => nodeName(index));
    return [
      ...correct.map((name) => ({ name, role: NODE_ROLE, input: { name, params, peers: params.order.filter((other) => other !== name) } satisfies NodeInput })),
      ...config.byzantine.map((node, index) => {
        const name = byzantineName(index);
        const input: ByzantineNodeInput = { name, params, behaviours: node.behaviours, budget: node.budget, doubleSpend: node.doubleSpend, receivers: correct };
        return { name, role: BYZANTINE_NODE_ROLE, input };
      }),
    ];
  },
  network: (config) => ({ duplication: "none", loss: false, ordering: config.ordering }),
  faults: (config) => ({ crashes: 0, midMulticast: false, byzantine: config.byzantine.map((_, index) => byzantineName(index)) }),
  time: (config) => (config.time === "partial-sync" ? { kind: "partial-sync", delta: 1 } : { kind: "async" }),
  bounds(config) {
    const params = hybridParams(config);
    const stakers = Object.keys(params.stakes);
    return [
      `weights ${weightsText(config)}`,
      `blocks up to height ${config.heights}; each correct node proposes at most once per height`,
      config.weights.gamma > 0
        ? "finality: Casper FFG, every block a checkpoint, 2/3 of the stake per link"
        : `finality: ${config.confirmations} confirmation${config.confirmations === 1 ? "" : "s"} (k-deep, probabilistic)`,
      `proposers: ${config.weights.alpha > 0 ? `miners ${Object.keys(params.hashes).join(", ")}` : ""}${config.weights.alpha > 0 && !isPureBft(config) && config.weights.beta > 0 ? "; " : ""}${
        config.weights.beta > 0 ? "the slot's stake-weighted leader" : isPureBft(config) ? `round robin over ${stakers.join(", ")}` : ""
      }`,
      `${config.payments.length} payment${config.payments.length === 1 ? "" : "s"}`,
    ];
  },
  faultNotes(config) {
    const faults = config.byzantine.map((node, index) => `${byzantineName(index)} (hash ${node.hash}, stake ${node.stake}): ${node.behaviours.join(", ") || "never votes or proposes"}${node.doubleSpend ? ", with the double spend" : ""}`);
    const budgets = config.byzantine.map((node, index) => `${byzantineName(index)}: ${node.budget.proposals} block${node.budget.proposals === 1 ? "" : "s"}, ${node.budget.votes} vote${node.budget.votes === 1 ? "" : "s"}`);
    const mutants = Object.entries(config.mutants)
      .filter(([, on]) => on)
      .map(([name]) => `mutant ${name}`);
    const links = config.byzantine.some((node) => node.behaviours.includes("vote-any"))
      ? ["vote-any offers links whose target descends from the source (the only votes a supermajority link counts), to one correct node or all"]
      : [];
    return { faults: [...faults, ...links, ...mutants], budgets };
  },
  invariants: (config) => hybridInvariants(config.weights),
  sometimes: hybridSometimes,
  liveness: (config) => (config.time === "partial-sync" ? [finalityLiveness] : []),
  summarise(actor) {
    const context = actor.context as NodeContext | ByzantineNodeContext;
    const label = (digest: string) => blockLabel(context.blocks[digest] as Block);
    if (actor.role === BYZANTINE_NODE_ROLE) {
      const byzantine = context as ByzantineNodeContext;
      return `${Object.keys(byzantine.blocks).length} blocks known${byzantine.withheld.length > 0 ? `, ${byzantine.withheld.length} withheld` : ""}, ${byzantine.signed.length} votes signed`;
    }
    const node = context as NodeContext;
    return `head ${label(node.head)}, final ${label(node.finalized)}${node.slashed.length > 0 ? `, ${node.slashed.length} slashing evidence` : ""}`;
  },
  history: finalityHistory as never,
  steps: hybridSteps,
};
