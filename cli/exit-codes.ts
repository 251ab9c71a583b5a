/** Exit codes of the CLI contract (docs/ARCHITECTURE.md). */
export const EXIT = {
  /** Everything as expected. */
  ok: 0,
  /** A property result differs from its expectation (unexpected violation, or expected violation not found). */
  unexpected: 1,
  /** Bad input or usage. */
  badInput: 2,
  /** A limit was hit where completion was required. */
  incomplete: 3,
} as const;
