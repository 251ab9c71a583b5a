import type { RuntimeInvariant, RuntimeView } from "../../impl/runtime/index.ts";
import { blockLabel, type Block } from "../../spec/hybrid/block.ts";
import { slashableProposals, slashableValidators, type Offence } from "../../spec/hybrid/reference/slashing.ts";
import { voteLabel, withVote, type Vote } from "../../spec/hybrid/reference/votes.ts";
import { conflictingFinalizedPair, correctChainNodes, finalitySafety } from "./chain-safety.ts";

/**
 * Accountable safety (Casper FFG, Buterin & Griffith 2017, Theorem 1; Gasper §5): if two
 * conflicting blocks are finalized, validators holding ≥ 1/3 of the stake are provably
 * slashable from the signed messages. "Provably slashable" is slashing.ts's rule, asked, never
 * restated here. The signed messages are every vote and every signed (PoS) BLOCK ever sent: a
 * signer keeps each in its own context for ever (a correct node its votes and its blocks'
 * signatures, a Byzantine node its `signed` votes), so they are read off the state itself, with
 * no ghost history, and a double proposal (Gasper's proposer slashing) is evidence too.
 */
export interface SignedBlock {
  block: Block;
  signature: string;
}

interface SignerContext {
  blocks?: Record<string, Block>;
  signatures?: Record<string, string>;
  votes?: Vote[];
  signed?: Vote[];
}

/** Every signed BLOCK any node holds (mined blocks carry no signature), each once, by digest. */
export function signedBlocksSeen(view: RuntimeView): SignedBlock[] {
  const found = new Map<string, SignedBlock>();
  for (const actor of view.actors) {
    const context = actor.context as SignerContext;
    for (const [digest, signature] of Object.entries(context.signatures ?? {})) {
      const block = context.blocks?.[digest];
      if (block !== undefined && signature !== "") found.set(digest, { block, signature });
    }
  }
  return [...found.keys()].sort().map((digest) => found.get(digest)!);
}

/** Every signed vote any node holds (correct nodes' received and own, Byzantine nodes' signed), each once. */
export function votesSeen(view: RuntimeView): Vote[] {
  let votes: Vote[] = [];
  for (const actor of view.actors) {
    const context = actor.context as SignerContext;
    for (const vote of [...(context.votes ?? []), ...(context.signed ?? [])]) votes = withVote(votes, vote);
  }
  return votes;
}

/** Every proposer the signed blocks prove slashable for a double proposal (slashing.ts), with the first pair (in digest order). */
function doubleProposers(proposals: readonly SignedBlock[]): Map<string, [SignedBlock, SignedBlock]> {
  const found = new Map<string, [SignedBlock, SignedBlock]>();
  for (let i = 0; i < proposals.length; i++)
    for (let j = i + 1; j < proposals.length; j++) {
      const [a, b] = [proposals[i]!, proposals[j]!];
      if (!found.has(a.block.proposer) && slashableProposals(a, b)) found.set(a.block.proposer, [a, b]);
    }
  return found;
}

export interface AccountableSafetyEvidence {
  conflicting: [Block, Block];
  /** Each slashable validator once: by two signed votes (double or surround vote), else by two signed blocks (double proposal). */
  slashable: { validator: string; stake: number; offence: Offence; votes?: [Vote, Vote]; blocks?: [SignedBlock, SignedBlock] }[];
  slashableStake: number;
  totalStake: number;
}

/** The stakes the properties weigh with: each validator's, read off a correct node's params (the config's). */
function stakesOf(view: RuntimeView): Record<string, number> {
  for (const node of correctChainNodes(view)) {
    const stakes = (node.context as { params?: { stakes?: Record<string, number> } }).params?.stakes;
    if (stakes !== undefined) return stakes;
  }
  return {};
}

/** Where correct nodes finalized conflicting blocks: the pair, the validators the signed votes and blocks prove slashable (slashing.ts), their stake and the total; null otherwise. */
export function accountableSafetyEvidence(view: RuntimeView): AccountableSafetyEvidence | null {
  const pair = conflictingFinalizedPair(view);
  if (pair === null) return null;
  const stakes = stakesOf(view);
  const byVotes = slashableValidators(votesSeen(view));
  const slashable: AccountableSafetyEvidence["slashable"] = [...byVotes.entries()]
    .filter(([validator]) => (stakes[validator] ?? 0) > 0)
    .map(([validator, proof]) => ({ validator, stake: stakes[validator]!, offence: proof.offence, votes: proof.votes }));
  for (const [validator, blocks] of doubleProposers(signedBlocksSeen(view)))
    if (!byVotes.has(validator) && (stakes[validator] ?? 0) > 0) slashable.push({ validator, stake: stakes[validator]!, offence: "double proposal", blocks });
  return {
    conflicting: [pair.a.block, pair.b.block],
    slashable,
    slashableStake: slashable.reduce((sum, entry) => sum + entry.stake, 0),
    totalStake: Object.values(stakes).reduce((sum, stake) => sum + stake, 0),
  };
}

/** ≥ 1/3 of the total stake: 3·slashable ≥ total, exact in integers. */
export const isAccountable = (evidence: AccountableSafetyEvidence): boolean => 3 * evidence.slashableStake >= evidence.totalStake;

export const accountableSafety: RuntimeInvariant = {
  name: "accountable safety",
  holds: (view) => {
    const evidence = accountableSafetyEvidence(view);
    return evidence === null || isAccountable(evidence);
  },
};

/** Human lines for a finality-safety violation: the two blocks, and who is slashable by which two signed votes. */
export function explainFinalityViolation(view: RuntimeView): string[] {
  const evidence = accountableSafetyEvidence(view);
  if (evidence === null) return [];
  const [a, b] = evidence.conflicting;
  const lines = [`conflicting finalized blocks ${blockLabel(a)} and ${blockLabel(b)}`];
  for (const entry of evidence.slashable) {
    const signed = entry.votes !== undefined ? [voteLabel(entry.votes[0]), voteLabel(entry.votes[1])] : entry.blocks!.map((signedBlock) => `BLOCK ${blockLabel(signedBlock.block)}`);
    lines.push(`${entry.validator} (stake ${entry.stake}) slashable for a ${entry.offence}: signed ${signed[0]} and ${signed[1]}`);
  }
  lines.push(
    `slashable stake ${evidence.slashableStake} of ${evidence.totalStake}: ${isAccountable(evidence) ? "≥ 1/3, as accountable safety requires" : "below 1/3: accountable safety broken"}`,
  );
  return lines;
}

/** Finality safety (chain-safety.ts), explained by its accountable-safety evidence. */
export const explainedFinalitySafety: RuntimeInvariant = { ...finalitySafety, explain: explainFinalityViolation };
