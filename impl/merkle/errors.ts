/**
 * A request the Merkle code refuses by contract (an index outside the tree, a size pair that
 * cannot have a proof). Typed so callers and property M5 can tell a refusal from a crash.
 */
export class MerkleError extends Error {
  override readonly name = "MerkleError";
  constructor(
    readonly code: "index-out-of-range" | "size-out-of-range" | "bad-leaf-length",
    message: string,
  ) {
    super(message);
  }
}

/** Outcome of a proof verification: a verdict and, when rejected, the first reason. */
export interface Verdict {
  valid: boolean;
  error?: string;
}

export const ACCEPTED: Verdict = Object.freeze({ valid: true });

export function rejected(error: string): Verdict {
  return { valid: false, error };
}
