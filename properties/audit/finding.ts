/**
 * One line of reports/seed-audit.md: a property of the reference suites run against a seed
 * variant (seed-catalogue ground rule 1). A broken property carries its minimal fast-check
 * counterexample, which a test replays.
 */
export interface AuditFinding {
  /** The seed variant audited, e.g. "seed-merkle". */
  subject: string;
  /** The property id and name, e.g. "M2 position binding". */
  property: string;
  verdict: "holds" | "broken";
  /** Minimal counterexample as JSON-serialisable data (required when broken). */
  counterexample?: unknown;
  /** One or two sentences: what the counterexample shows, in the reader's terms. */
  explanation: string;
  /** The seed passage the variant follows, e.g. "A §5.1 l. 337–359". */
  source: string;
}
