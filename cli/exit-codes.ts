/**
 * Exit codes of the CLI contract, the same for every command. A CI job can gate on them. Which
 * outcome of which command gives which code is data next to each command
 * (`documentExitCodes`), shown in its --help and in docs/cli.md.
 */
export const EXIT = {
  ok: 0,
  unexpected: 1,
  badInput: 2,
  incomplete: 3,
  outputFailed: 4,
  internalError: 5,
} as const;
export type ExitCode = (typeof EXIT)[keyof typeof EXIT];

/** A second signal ends the process at once with 128 + the signal's number, as a shell reports it. */
export const SIGNAL_EXIT = "128+N";

/** What each code means whatever the command, in code order: the root --help and docs/cli.md list them. */
export const EXIT_CODE_MEANINGS: readonly ExitOutcome[] = [
  { code: EXIT.ok, when: "everything as expected: verdicts match the manifest, proofs are valid, the counterexample reproduces" },
  { code: EXIT.unexpected, when: "a result differs from what was expected: an unexpected verdict, an invalid proof, a counterexample that no longer reproduces" },
  { code: EXIT.badInput, when: "bad input or usage: one line on stderr naming the field and the fix" },
  { code: EXIT.incomplete, when: "incomplete: a limit, an error in a model or a signal cut a run short (its partial report is written)" },
  { code: EXIT.outputFailed, when: "an output could not be written (disk full, permissions changed during the run); what reports/ held stays whole" },
  { code: EXIT.internalError, when: "a bug in consensus-check: one line on stderr; CONSENSUS_CHECK_DEBUG=1 prints the stack" },
  { code: SIGNAL_EXIT, when: "a second SIGINT, SIGTERM or SIGHUP during a run: the process ends at once (130, 143 or 129), writing nothing more" },
];

/** One outcome of one command: its exit code and when it is given. */
export interface ExitOutcome {
  code: ExitCode | typeof SIGNAL_EXIT;
  when: string;
}

/** Bad input, named per command; parsing happens before anything runs or is written. */
export function badInputOutcome(examples: string): ExitOutcome {
  return { code: EXIT.badInput, when: `bad input or usage (${examples}): one line on stderr naming the field and the fix, before anything runs` };
}

/** An output failing after the run started (the paths themselves are checked before: exit 2). */
export function outputFailedOutcome(what: string): ExitOutcome {
  return { code: EXIT.outputFailed, when: `${what} could not be written (disk full, permissions changed during the run); what was there stays whole` };
}

export const INTERNAL_ERROR_OUTCOME: ExitOutcome = {
  code: EXIT.internalError,
  when: "a bug in consensus-check: one line on stderr (CONSENSUS_CHECK_DEBUG=1 prints the stack)",
};

/** The commands that explore (check, explore, simulate) stop on a first signal and exit 3; a second one ends them. */
export const SECOND_SIGNAL_OUTCOME: ExitOutcome = {
  code: SIGNAL_EXIT,
  when: "a second SIGINT, SIGTERM or SIGHUP while the partial report is being written: exits at once (130, 143 or 129) and writes nothing more; the files already in the reports folder stay whole",
};
