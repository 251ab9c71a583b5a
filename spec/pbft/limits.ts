/**
 * Upper bounds of a PBFT model configuration. A config is read from files (a model, a
 * Schedule given to `replay`, a saved Result), so each number is bounded before anything
 * is allocated from it: n = 10^9 would allocate 10^9 replica machines, clients × requests =
 * 10^15 would send 10^15 requests.
 *
 * What a run costs: every state holds n replica snapshots and one snapshot per client; a request makes about 3·n² messages (PRE-PREPARE to n−1 backups, n−1 PREPAREs and n
 * COMMITs from each replica, replies and checkpoints), so a run is about 3·n²·clients·requests
 * steps long, each step copies the in-flight messages (up to n² per concurrent client), and
 * `replay` keeps every state. Measured on a random run of the cluster that preceded the runtime (Node 20, one core):
 * n = 64 with 1 request: 6,246 steps, replayed in 5 s and 0.5 GiB; n = 32 with 4 clients: 4.4 s;
 * n = 64 with 4 clients: 28,061 steps, 165 s and 3.9 GiB. Hence the `runMessages` bound
 * n²·clients·requests ≤ 4,096 (the first two, not the third), besides a bound per field.
 *
 * Every model of the repository is far below them (n ≤ 4, at most 2 requests); a config
 * that model checking could still finish (n ≤ 13 with a few requests) stays inside.
 */
export const PBFT_LIMITS = {
  /** Replicas: 31 leaves room for a client among the runtime's 32 actors (impl/runtime/state-layout.ts). */
  n: 31,
  /** Faults tolerated: counts replicas, so bounded like n (f ≥ n models are legal but pointless). */
  f: 31,
  /** Replicas and clients together: the runtime's actors (impl/runtime/state-layout.ts MAX_ACTORS). */
  actors: 32,
  /** Clients: each one is a concurrent sender, multiplying the messages in flight at once. */
  clients: 16,
  /** Requests per client. */
  requests: 256,
  /** n² × clients × requests: about a third of the steps of the longest run (see above). */
  runMessages: 4_096,
  /**
   * K and L: sequence numbers never exceed the requests of a run (at most 4,096 here) plus
   * the adversary's slots, so a larger checkpoint interval or window behaves like this one.
   */
  checkpointInterval: 4_096,
  window: 4_096,
  /** Sequence numbers the adversary attacks; every forgery is enumerated for each of them. */
  adversarySlots: 64,
  /**
   * Forgeries the Byzantine replicas can choose among in one state (see `forgeryChoices`):
   * enabledSteps enumerates and tries each one at every step of a run. The repository's
   * models have fewer than 100; a state with more than 1,000 successors cannot be explored.
   */
  forgeryChoices: 1_000,
  /**
   * The view-change cut-off: views 1 … maxView. Each view change multicasts n VIEW-CHANGEs and
   * a NEW-VIEW carrying them, and n = 4 replicas with one crash already take ~10^5 states for
   * one view change; a fourth would name a primary a second time (views 4 … are R0 again).
   */
  maxView: 3,
  /**
   * Δ under partial synchrony, in steps (impl/runtime/README.md): ages are capped at Δ + 1 and
   * each age is a distinct in-flight entry, so the space grows with Δ; a bound beyond a few
   * rounds of messages (about 3·n steps for n = 4) holds no timer back that a smaller one would.
   */
  delta: 16,
  /**
   * Groups the network may cut off: each is one more `partition` step in every healed state
   * before GST, and a heal step in every split one; a handful already covers every minority
   * that matters at n ≤ 7.
   */
  partitions: 8,
} as const;

/** The config fields `forgeryChoices` reads (a parsed config has them all). */
export interface ForgeryShape {
  n: number;
  clients: number;
  requests: number;
  adversarySlots: number;
  byzantine: readonly { behaviours: readonly string[] }[];
}

/**
 * An upper bound of the forgeries the Byzantine steps offer in one state (models/pbft/pbft-steps.ts),
 * once every request is known (R = clients × requests): per Byzantine replica and behaviour,
 * equivocate S·C·R, conflicting-votes 2·S·C·R, bad-digest S·C·R·(R−1), forge-checkpoint S·C,
 * forge-reply R, forge-new-view maxView·C, equivocate-new-view maxView·C·(n−1) (the VIEW-CHANGE left out of V),
 * forge-view-change maxView·C·(1 + 2·S·R), where S = adversarySlots and C = the correct replicas
 * (forge-state only answers the FETCHes it receives: no choice). `replay` forwards the
 * messages it observed, which grow with the run rather than with the config: not counted.
 */
export function forgeryChoices(config: ForgeryShape): number {
  const slots = config.adversarySlots;
  const correct = Math.max(0, config.n - config.byzantine.length);
  const known = config.clients * config.requests;
  const perBehaviour: Record<string, number> = {
    equivocate: slots * correct * known,
    "conflicting-votes": 2 * slots * correct * known,
    "bad-digest": slots * correct * known * Math.max(0, known - 1),
    "forge-checkpoint": slots * correct,
    "forge-reply": known,
    "forge-new-view": PBFT_LIMITS.maxView * correct,
    "equivocate-new-view": PBFT_LIMITS.maxView * correct * Math.max(0, config.n - 1),
    "forge-view-change": PBFT_LIMITS.maxView * correct * (1 + 2 * slots * known),
  };
  let total = 0;
  for (const entry of config.byzantine) for (const behaviour of entry.behaviours) total += perBehaviour[behaviour] ?? 0;
  return total;
}
