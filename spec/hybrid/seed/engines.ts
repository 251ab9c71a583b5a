import { makeBlock, meetsPowTarget, mine, signBlock, signatureOf, type Block, type BlockHeader, type Transaction } from "../block.ts";

/**
 * The seed's engines, which §3.2 (web3-distributed-architecture, l. 180–210; catalogue A23)
 * names and leaves undefined: `Block::new`, `ProofOfWork::mine`, `ProofOfStake::validate` and
 * the proofs `PBFT::finalize` attaches. Pure functions of their inputs, so that the port's
 * machines (node-machine.ts) and the H4 check (properties/hybrid/seed-returned-blocks.ts) share
 * one definition of what each stage proves.
 */

/** The stages a config turns on: reading (i) of catalogue A22, a stage runs iff its weight is > 0 (l. 192, 197, 202: `if self.x_weight > 0.0`). */
export interface Stages {
  pow: boolean;
  pos: boolean;
  bft: boolean;
}

/** One validator's COMMIT on a block's digest, as a certificate carries it. */
export interface CommitVote {
  voter: string;
  signature: string;
}

/**
 * The block `propose_block` returns (l. 188 `Result<Block, …>`): the header and its digest,
 * with the proofs the enabled stages attached. The proofs are not part of the header: each is
 * over the digest, which `mine` fixed (the order of the stages, l. 191–205, makes PoW's nonce
 * part of what PoS signs and BFT commits to).
 */
export interface SeedBlock extends Block {
  /** PoS (β > 0): the proposer's signature over the digest. */
  signature?: string;
  /** BFT (γ > 0): the COMMITs of distinct validators on the digest, sorted by voter. */
  certificate?: CommitVote[];
}

/**
 * `Block::new(transactions)` (l. 189). The sketch passes only the transactions; the rest of the
 * header is this port's reading: the height and parent are the proposer's tip's (a node builds
 * on the chain it has; the sketch has no other chain state), the proposer is the caller, and the
 * nonce is 0 until `mine` searches. The transactions are taken as given: nothing in the sketch
 * checks them against the chain (no validity rule, no mempool eviction), so a node that has
 * appended a payment may still propose its double spend on top of it (DS1, hybrid/seed_bft_n4).
 */
export function newBlock(tip: Block, proposer: string, txs: readonly Transaction[]): SeedBlock {
  return makeBlock({ height: tip.height + 1, parent: tip.digest, proposer, txs: [...txs], nonce: 0 });
}

/** `ProofOfWork::mine(block)` (l. 193): block.ts's nonce search over the header, deterministic. */
export function mineBlock(block: SeedBlock): SeedBlock {
  const { nonce: _nonce, digest: _digest, ...header } = block;
  return mine(header as Omit<BlockHeader, "nonce">);
}

/**
 * `ProofOfStake::validate(block)` (l. 198). The sketch's `ProofOfStake` has a stake table but no
 * proposer selection in `propose_block` (any node may call it), so validate is: the proposer
 * holds stake (> 0) and signs the digest; a proposer without stake is `Err` (the `?` returns
 * it). Null stands for the Err.
 */
export function validateBlock(block: SeedBlock, stake: Readonly<Record<string, number>>): SeedBlock | null {
  if (!((stake[block.proposer] ?? 0) > 0)) return null;
  return { ...block, signature: signBlock(block.proposer, block.digest) };
}

/** What a validator's COMMIT signs. */
export const commitSignedText = (digest: string): string => `commit ${digest}`;

export function commitVote(voter: string, digest: string): CommitVote {
  return { voter, signature: signatureOf(voter, commitSignedText(digest)) };
}

/** The validators of `validators` whose valid COMMIT on the digest the certificate holds, each once. */
export function certifiedVoters(block: SeedBlock, validators: readonly string[]): string[] {
  const voters = new Set<string>();
  for (const vote of block.certificate ?? []) if (validators.includes(vote.voter) && vote.signature === commitVote(vote.voter, block.digest).signature) voters.add(vote.voter);
  return [...voters];
}

/** The fixed parameters a returned block is verified against: the stake table, the validators and the certificate size 2f+1. */
export interface VerificationContext {
  stages: Stages;
  stake: Readonly<Record<string, number>>;
  validators: readonly string[];
  quorum: number;
}

/**
 * Catalogue A23 (H4), on the returned block: the stages it fails, in the sketch's order — "pow"
 * unless its digest is its header's and under the target, "pos" unless its proposer holds stake
 * and signed the digest, "bft" unless ≥ 2f+1 distinct validators' COMMITs on the digest. Empty:
 * it verifies under every enabled stage.
 */
export function failedStages(block: SeedBlock, { stages, stake, validators, quorum }: VerificationContext): (keyof Stages)[] {
  const failed: (keyof Stages)[] = [];
  if (stages.pow && !meetsPowTarget(block)) failed.push("pow");
  if (stages.pos && !((stake[block.proposer] ?? 0) > 0 && block.signature === signBlock(block.proposer, block.digest))) failed.push("pos");
  if (stages.bft && certifiedVoters(block, validators).length < quorum) failed.push("bft");
  return failed;
}
