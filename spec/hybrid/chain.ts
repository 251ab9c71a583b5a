import { GENESIS, type Block } from "./block.ts";

/**
 * What a node knows of the chain, the one shape every hybrid node's context has (the reference
 * machines and the seed's `propose_block` port alike), so that the properties in
 * properties/hybrid read any of them: the block tree it has seen, its fork-choice head, and its
 * latest finalized block (its finalized chain is that block's ancestry).
 */
export interface ChainKnowledge {
  /** Every block the node knows, by digest, GENESIS included. */
  blocks: Record<string, Block>;
  /** The fork choice's pick: the tip the node builds and votes on. */
  head: string;
  /** Its latest finalized block's digest (GENESIS's until something is final). */
  finalized: string;
}

/** The blocks from `digest` back to GENESIS, tip first; stops at a block the node does not know. */
export function ancestry(blocks: Readonly<Record<string, Block>>, digest: string): Block[] {
  const chain: Block[] = [];
  let block: Block | undefined = blocks[digest];
  while (block !== undefined) {
    chain.push(block);
    block = block.parent === "" ? undefined : blocks[block.parent];
  }
  return chain;
}

/** Whether `ancestor` is `descendant` or one of its ancestors, in the node's block tree. */
export function descendsFrom(blocks: Readonly<Record<string, Block>>, descendant: string, ancestor: string): boolean {
  let block: Block | undefined = blocks[descendant];
  while (block !== undefined) {
    if (block.digest === ancestor) return true;
    block = block.parent === "" ? undefined : blocks[block.parent];
  }
  return false;
}

/** The node's finalized chain, GENESIS first. */
export function finalizedChain(node: ChainKnowledge): Block[] {
  return ancestry(node.blocks, node.finalized).reverse();
}

export function initialChainKnowledge(): ChainKnowledge {
  return { blocks: { [GENESIS.digest]: GENESIS }, head: GENESIS.digest, finalized: GENESIS.digest };
}
