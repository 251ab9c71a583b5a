/**
 * Exit codes of the CLI contract, the same for every command (docs/cli.md lists which
 * outcome of which command gives which). A CI job can gate on them.
 */
export const EXIT = {
  /** Everything as expected: verdicts match the manifest, proofs are valid, the counterexample reproduces. */
  ok: 0,
  /** A result differs from what was expected: an unexpected verdict, an invalid proof, a counterexample that no longer reproduces. */
  unexpected: 1,
  /** Bad input or usage: one line on stderr naming the field and the fix. */
  badInput: 2,
  /** Incomplete: a limit, an error in a model, SIGINT or SIGTERM cut a run short (its partial report is written). */
  incomplete: 3,
  /** An output could not be written (disk full, permissions changed during the run); what reports/ held stays whole. */
  outputFailed: 4,
  /** A bug in consensus-check: one line on stderr; CONSENSUS_CHECK_DEBUG=1 prints the stack. */
  internalError: 5,
} as const;
