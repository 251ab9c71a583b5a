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

/**
 * Whether the chain ending at `digest` is valid: each block one above its parent, and no
 * (account, nonce) spent twice — the account model's rule (Ethereum yellow paper §6: a
 * transaction's nonce is its sender's count of earlier transactions, so each is spent once per
 * chain). A correct reference node never builds on, heads or finalizes an invalid chain (its
 * fork choice leaves it out); the seed's sketch has no such rule.
 */
export function isValidChain(blocks: Readonly<Record<string, Block>>, digest: string): boolean {
  const spent = new Set<string>();
  const chain = ancestry(blocks, digest);
  for (const [index, block] of chain.entries()) {
    const parent = chain[index + 1];
    if (parent !== undefined && block.height !== parent.height + 1) return false;
    for (const tx of block.txs) {
      const key = `${tx.account}#${tx.nonce}`;
      if (spent.has(key)) return false;
      spent.add(key);
    }
  }
  return true;
}

/** The node's finalized chain, GENESIS first. */
export function finalizedChain(node: ChainKnowledge): Block[] {
  return ancestry(node.blocks, node.finalized).reverse();
}

export function initialChainKnowledge(): ChainKnowledge {
  return { blocks: { [GENESIS.digest]: GENESIS }, head: GENESIS.digest, finalized: GENESIS.digest };
}
