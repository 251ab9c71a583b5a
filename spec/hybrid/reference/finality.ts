import type { Block } from "../block.ts";
import { GENESIS } from "../block.ts";
import { ancestry, descendsFrom } from "../chain.ts";
import type { Vote } from "./votes.ts";

/**
 * Finality. γ > 0: Casper FFG (Buterin & Griffith 2017, §2) with every block a checkpoint
 * (epoch = height): GENESIS is justified; a supermajority link s → t (validators holding ≥ 2/3
 * of the total stake voted (s, t)) from a justified s to a descendant t justifies t; a justified
 * b with a supermajority link to its direct child is finalized. γ = 0: probabilistic finality,
 * a block `confirmations` deep on the head's chain (Nakamoto 2008 §11, z confirmations).
 */
export interface FfgInput {
  blocks: Readonly<Record<string, Block>>;
  votes: readonly Vote[];
  stakes: Readonly<Record<string, number>>;
  /** Mutant m2: a link's stake summed per vote message (a vote delivered twice counts twice), not per validator. */
  countPerMessage?: boolean;
}

export function totalStake(stakes: Readonly<Record<string, number>>): number {
  return Object.values(stakes).reduce((sum, stake) => sum + stake, 0);
}

/** Whether `stake` is a supermajority: ≥ 2/3 of the total (3·stake ≥ 2·total, exact in integers). */
export function isSupermajority(stake: number, total: number): boolean {
  return total > 0 && 3 * stake >= 2 * total;
}

/**
 * The stake behind the link source → target: each validator once (FFG), or per message (mutant
 * m2). A vote counts only if the heights it signs are the checkpoints' own (FFG's vote is
 * ⟨v, s, t, h(s), h(t)⟩): the slashing conditions read the signed heights, so a vote that
 * mislabels them must not count towards a link, or a validator could finalize conflicting
 * blocks with votes no slashing condition catches.
 */
export function linkStake(input: FfgInput, source: string, target: string): number {
  const [s, t] = [input.blocks[source], input.blocks[target]];
  if (s === undefined || t === undefined) return 0;
  const voters = new Set<string>();
  let perMessage = 0;
  for (const vote of input.votes)
    if (vote.source === source && vote.target === target && vote.sourceHeight === s.height && vote.targetHeight === t.height) {
      voters.add(vote.validator);
      perMessage += input.stakes[vote.validator] ?? 0;
    }
  if (input.countPerMessage) return perMessage;
  let stake = 0;
  for (const voter of voters) stake += input.stakes[voter] ?? 0;
  return stake;
}

/** FFG §2: votes count towards a link s → t only where t is a known descendant of s at a greater height. */
export function isLink(blocks: Readonly<Record<string, Block>>, source: string, target: string): boolean {
  const [s, t] = [blocks[source], blocks[target]];
  return s !== undefined && t !== undefined && t.height > s.height && descendsFrom(blocks, target, source);
}

/** The justified blocks (digests, sorted): GENESIS, then the fixed point of supermajority links from justified sources to known descendants. */
export function justifiedBlocks(input: FfgInput): string[] {
  const total = totalStake(input.stakes);
  const justified = new Set<string>([GENESIS.digest]);
  const links = new Map<string, { source: string; target: string }>();
  for (const vote of input.votes) links.set(`${vote.source}->${vote.target}`, { source: vote.source, target: vote.target });
  let grew = true;
  while (grew) {
    grew = false;
    for (const { source, target } of links.values()) {
      if (justified.has(target) || !justified.has(source)) continue;
      if (!isLink(input.blocks, source, target)) continue;
      if (!isSupermajority(linkStake(input, source, target), total)) continue;
      justified.add(target);
      grew = true;
    }
  }
  return [...justified].sort();
}

/** The highest of some blocks: by height, then the smallest digest. */
export function highest(blocks: Readonly<Record<string, Block>>, digests: Iterable<string>): string {
  let best: Block = GENESIS;
  for (const digest of digests) {
    const block = blocks[digest];
    if (block !== undefined && (block.height > best.height || (block.height === best.height && block.digest < best.digest))) best = block;
  }
  return best.digest;
}

/** The finalized blocks (sorted): GENESIS, and each justified b with a supermajority link to a direct child. */
export function finalizedBlocks(input: FfgInput, justified: readonly string[]): string[] {
  const total = totalStake(input.stakes);
  const finalized = new Set<string>([GENESIS.digest]);
  const isJustified = new Set(justified);
  for (const vote of input.votes) {
    const child = input.blocks[vote.target];
    if (child === undefined || child.parent !== vote.source || !isJustified.has(vote.source) || finalized.has(vote.source)) continue;
    if (isSupermajority(linkStake(input, vote.source, vote.target), total)) finalized.add(vote.source);
  }
  return [...finalized].sort();
}

/** γ = 0: the block `confirmations` deep on the head's chain, if it is above `finalized` (which only moves forward). */
export function confirmedBlock(blocks: Readonly<Record<string, Block>>, head: string, finalized: string, confirmations: number): string {
  const chain = ancestry(blocks, head);
  const deep = chain[confirmations];
  const current = blocks[finalized];
  if (deep === undefined || current === undefined || deep.height <= current.height || !descendsFrom(blocks, deep.digest, finalized)) return finalized;
  return deep.digest;
}
