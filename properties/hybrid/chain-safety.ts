import type { ActorView, HistoryDeclaration, RuntimeInvariant, RuntimeView } from "../../impl/runtime/index.ts";
import { conflicts, transactionId, type Block, type Transaction } from "../../spec/hybrid/block.ts";
import { ancestry, descendsFrom, finalizedChain, type ChainKnowledge } from "../../spec/hybrid/chain.ts";

/**
 * The chain-level properties every hybrid variant is held to (the reference machines and the
 * seed's `propose_block` port alike), over the one shape their nodes share (spec/hybrid/chain.ts):
 * finality safety (catalogue A22 H3, A23 H5), finalized blocks never reverted by fork choice,
 * and no double spend in finalized blocks (B11 DS1).
 */

/** A node that keeps a chain: its context has the ChainKnowledge fields. */
export function isChainNode(actor: ActorView): boolean {
  const context = actor.context as Partial<ChainKnowledge> | undefined;
  return context !== undefined && typeof context.blocks === "object" && typeof context.head === "string" && typeof context.finalized === "string";
}

/** The correct nodes that keep a chain, in declaration order. */
export function correctChainNodes(view: RuntimeView): ActorView[] {
  return view.actors.filter((actor) => actor.correct && isChainNode(actor));
}

/**
 * Ghost history: for each node, every block it has ever held as finalized (digests, sorted), so
 * that a property can see a finalized block its fork choice later dropped.
 */
export interface FinalityHistory {
  finalized: Record<string, string[]>;
}

export function nextFinalityHistory(history: FinalityHistory, view: RuntimeView): FinalityHistory {
  let changed = false;
  const finalized: Record<string, string[]> = { ...history.finalized };
  for (const actor of view.actors) {
    if (!isChainNode(actor)) continue;
    const seen = finalized[actor.name] ?? [];
    const digest = (actor.context as ChainKnowledge).finalized;
    if (seen.includes(digest)) continue;
    finalized[actor.name] = [...seen, digest].sort();
    changed = true;
  }
  return changed ? { finalized } : history;
}

export const finalityHistory: HistoryDeclaration<FinalityHistory> = { initial: { finalized: {} }, next: nextFinalityHistory };

/** Every block any correct node knows, by digest: the tree in which two blocks conflict or not. */
function blockTree(nodes: readonly ActorView[]): Record<string, Block> {
  const tree: Record<string, Block> = {};
  for (const node of nodes) Object.assign(tree, (node.context as ChainKnowledge).blocks);
  return tree;
}

/** Two blocks conflict when neither is the other's ancestor (Casper FFG's definition, Buterin & Griffith 2017 §2). */
export function conflicting(tree: Readonly<Record<string, Block>>, a: string, b: string): boolean {
  return !descendsFrom(tree, a, b) && !descendsFrom(tree, b, a);
}

function everFinalized(view: RuntimeView, node: ActorView): string[] {
  const history = view.history as FinalityHistory | undefined;
  const current = (node.context as ChainKnowledge).finalized;
  const seen = history?.finalized[node.name] ?? [];
  return seen.includes(current) ? seen : [...seen, current];
}

/** A pair of conflicting blocks that correct nodes finalized (each named with its node), or null. */
export function conflictingFinalizedPair(view: RuntimeView): { a: { node: string; block: Block }; b: { node: string; block: Block } } | null {
  const nodes = correctChainNodes(view);
  const tree = blockTree(nodes);
  const finals: { node: string; digest: string }[] = [];
  for (const node of nodes) for (const digest of everFinalized(view, node)) finals.push({ node: node.name, digest });
  for (let i = 0; i < finals.length; i++)
    for (let j = i + 1; j < finals.length; j++) {
      const a = finals[i]!;
      const b = finals[j]!;
      if (a.digest !== b.digest && conflicting(tree, a.digest, b.digest)) return { a: { node: a.node, block: tree[a.digest]! }, b: { node: b.node, block: tree[b.digest]! } };
    }
  return null;
}

/** Two conflicting transactions in the finalized chains of correct nodes (DS1), or null. */
export function doubleSpend(view: RuntimeView): [Transaction, Transaction] | null {
  const finalizedTxs = new Map<string, Transaction>();
  for (const node of correctChainNodes(view)) for (const block of finalizedChain(node.context as ChainKnowledge)) for (const tx of block.txs) finalizedTxs.set(transactionId(tx), tx);
  const txs = [...finalizedTxs.values()];
  for (let i = 0; i < txs.length; i++) for (let j = i + 1; j < txs.length; j++) if (conflicts(txs[i]!, txs[j]!)) return [txs[i]!, txs[j]!];
  return null;
}

/** A correct node whose head or finalized block no longer descends from a block it once finalized, or null. */
export function revertedFinality(view: RuntimeView): { node: string; reverted: string } | null {
  for (const node of correctChainNodes(view)) {
    const chain = node.context as ChainKnowledge;
    for (const digest of everFinalized(view, node))
      if (!descendsFrom(chain.blocks, chain.finalized, digest) || !descendsFrom(chain.blocks, chain.head, digest)) return { node: node.name, reverted: digest };
  }
  return null;
}

export const finalitySafety: RuntimeInvariant = { name: "finality safety", holds: (view) => conflictingFinalizedPair(view) === null };
export const finalizedNeverReverted: RuntimeInvariant = { name: "fork choice never reverts a finalized block", holds: (view) => revertedFinality(view) === null };
export const noDoubleSpend: RuntimeInvariant = { name: "DS1 no double spend", holds: (view) => doubleSpend(view) === null };

/** The chain properties, in the order a violation is reported. */
export const chainInvariants: readonly RuntimeInvariant[] = [finalitySafety, finalizedNeverReverted, noDoubleSpend];

/** Some correct node finalized a block past GENESIS: without it, finality safety holds vacuously. */
export const blockFinalized: RuntimeInvariant = {
  name: "a block finalized",
  holds: (view) => correctChainNodes(view).some((node) => ancestry((node.context as ChainKnowledge).blocks, (node.context as ChainKnowledge).finalized).length > 1),
};
