import { signBlock, type Block } from "../block.ts";
import { verifyVote, voteKey, type Vote } from "./votes.ts";

/**
 * The slashing conditions, stated once (Casper FFG, Buterin & Griffith 2017, §2.1: "no validator
 * makes two distinct votes (s1, t1) and (s2, t2) such that h(t1) = h(t2)" — a double vote — "or
 * h(s1) < h(s2) < h(t2) < h(t1)" — a surround vote), and the double proposal of a PoS proposer
 * that signs two blocks at one height (Gasper's proposer slashing). Honest nodes record evidence
 * with this rule; the accountable-safety property asks it, never restates it.
 */
export type Offence = "double vote" | "surround vote" | "double proposal";

/** Options a mutant may turn off (the rule itself is unchanged). */
export interface SlashingRule {
  /** Mutant m4: surround votes go unnoticed. */
  missSurround?: boolean;
}

/** The offence two votes prove against their validator, or null: distinct, validly signed, same validator, double or surround (either way round). */
export function slashableVotes(a: Vote, b: Vote, rule: SlashingRule = {}): "double vote" | "surround vote" | null {
  if (a.validator !== b.validator || voteKey(a) === voteKey(b)) return null;
  if (!verifyVote(a) || !verifyVote(b)) return null;
  if (a.targetHeight === b.targetHeight) return "double vote";
  if (rule.missSurround) return null;
  const surrounds = (outer: Vote, inner: Vote) => outer.sourceHeight < inner.sourceHeight && inner.targetHeight < outer.targetHeight;
  return surrounds(a, b) || surrounds(b, a) ? "surround vote" : null;
}

/** Two distinct blocks one proposer signed at one height (a PoS double proposal), by their BLOCK signatures. */
export function slashableProposals(a: { block: Block; signature: string }, b: { block: Block; signature: string }): boolean {
  return (
    a.block.proposer === b.block.proposer &&
    a.block.height === b.block.height &&
    a.block.digest !== b.block.digest &&
    a.signature === signBlock(a.block.proposer, a.block.digest) &&
    b.signature === signBlock(b.block.proposer, b.block.digest)
  );
}

/** Evidence against a validator: the offence and the two signed messages that prove it. */
export interface SlashingEvidence {
  validator: string;
  offence: Offence;
  /** The two votes (double/surround vote), or the two blocks' "digest:signature" (double proposal), sorted. */
  proof: [string, string];
}

export function voteEvidence(a: Vote, b: Vote, rule: SlashingRule = {}): SlashingEvidence | null {
  const offence = slashableVotes(a, b, rule);
  if (offence === null) return null;
  const [first, second] = [voteKey(a), voteKey(b)].sort() as [string, string];
  return { validator: a.validator, offence, proof: [first, second] };
}

/** Every validator the votes prove slashable, with the first pair (in key order) that proves it. */
export function slashableValidators(votes: readonly Vote[], rule: SlashingRule = {}): Map<string, { offence: Offence; votes: [Vote, Vote] }> {
  const found = new Map<string, { offence: Offence; votes: [Vote, Vote] }>();
  const sorted = [...votes].sort((a, b) => (voteKey(a) < voteKey(b) ? -1 : voteKey(a) > voteKey(b) ? 1 : 0));
  for (let i = 0; i < sorted.length; i++)
    for (let j = i + 1; j < sorted.length; j++) {
      const a = sorted[i]!;
      const b = sorted[j]!;
      if (found.has(a.validator)) continue;
      const offence = slashableVotes(a, b, rule);
      if (offence !== null) found.set(a.validator, { offence, votes: [a, b] });
    }
  return found;
}
