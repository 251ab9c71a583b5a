import { signatureOf } from "../block.ts";

/**
 * A finality vote, which is also an attestation (Casper FFG's vote, Buterin & Griffith 2017 §2,
 * is Gasper's attestation, Buterin et al. 2020 §4): validator v votes for the link from a source
 * checkpoint to a target checkpoint; every block is a checkpoint (epoch = height). Signed by the
 * validator over the four fields, so that a pair of them is evidence against it (slashing.ts).
 */
export interface Vote {
  validator: string;
  source: string;
  sourceHeight: number;
  target: string;
  targetHeight: number;
  signature: string;
}

export type UnsignedVote = Omit<Vote, "signature">;

/** The text a validator signs: the link and nothing else. */
export function voteText(vote: UnsignedVote): string {
  return `vote ${vote.source}@${vote.sourceHeight}->${vote.target}@${vote.targetHeight}`;
}

export function signVote(vote: UnsignedVote): Vote {
  return { ...vote, signature: signatureOf(vote.validator, voteText(vote)) };
}

/** Whether the vote's signature is its validator's (a Byzantine node signs only as itself). */
export function verifyVote(vote: Vote): boolean {
  return vote.signature === signatureOf(vote.validator, voteText(vote));
}

/** A vote's identity and sort key: validator, target height, source height, digests. */
export function voteKey(vote: UnsignedVote): string {
  return `${vote.validator} ${String(vote.targetHeight).padStart(4, "0")} ${String(vote.sourceHeight).padStart(4, "0")} ${vote.source}->${vote.target}`;
}

/** A short readable form for traces: "V0 h0·genesis→h1·3fa2c1". */
export function voteLabel(vote: UnsignedVote): string {
  return `${vote.validator} ${vote.sourceHeight}:${vote.source.slice(0, 6)}→${vote.targetHeight}:${vote.target.slice(0, 6)}`;
}

/** `votes` plus `vote`, sorted by key, each once (a set, as a canonical JSON array). */
export function withVote(votes: readonly Vote[], vote: Vote): Vote[] {
  const key = voteKey(vote);
  if (votes.some((known) => voteKey(known) === key)) return [...votes];
  return [...votes, vote].sort((a, b) => (voteKey(a) < voteKey(b) ? -1 : voteKey(a) > voteKey(b) ? 1 : 0));
}
