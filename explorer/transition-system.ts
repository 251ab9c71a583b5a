import type { ScheduleStep } from "../spec/common/schedule.ts";

/**
 * What the explorer checks: a protocol-agnostic transition system (Stateright's `Model`,
 * TLC's Init/Next). The explorer never imports a protocol; models adapt to this.
 *
 * Contracts the explorer relies on:
 * - `actions(state)` is deterministic: the same state gives the same actions in the same order
 *   (a counterexample is stored as action indices and rebuilt by replaying them).
 * - `step` is pure: it never mutates `state`.
 * - `encode` is canonical and injective: two states are the same iff their encodings are equal
 *   byte for byte. With `symmetry`, `encode` of the states of an orbit differ, and
 *   `symmetry` returns one representative's encoding for the whole orbit.
 */
export interface TransitionSystem<S, A> {
  /** Initial states (usually one). */
  initial(): S[];
  /** Enabled actions in `state`, in a deterministic order. */
  actions(state: S): readonly A[];
  /** The successor of `state` under an enabled `action`. */
  step(state: S, action: A): S;
  /** Canonical encoding used as the visited-set key. */
  encode(state: S): Uint8Array;
  /**
   * Optional allocation-free `encode`: writes the same bytes as `encode(state)` into `target`
   * (at least `encodedLength` bytes long) and returns how many were written. The explorer
   * encodes every successor into one scratch buffer with it.
   */
  encodeInto?(state: S, target: Uint8Array): number;
  /**
   * Optional `encodeInto(step(state, action), target)` without building the successor: BFS
   * keys every successor with it and calls `step` only for states not seen before (most
   * successors are; the oracle has 6.8 M of 7.9 M). Must write exactly those bytes.
   */
  encodeSuccessor?(state: S, action: A, target: Uint8Array): number;
  /**
   * Optional inverse of `encode`: the state whose encoding starts at `source[offset]`. With it,
   * BFS keeps no state objects between levels: the frontier is a range of ids in the visited
   * set's key arena (as SPIN and TLC keep state vectors, not objects).
   */
  decode?(source: Uint8Array, offset: number): S;
  /** Upper bound on the length of `encode(state)`, for sizing the scratch buffer of `encodeInto`. */
  encodedLength?: number;
  /**
   * Optional symmetry reduction (Ip & Dill's scalarset symmetry; TLC's SYMMETRY): the encoding
   * of the canonical representative of `state`'s orbit, the same bytes for every state of the
   * orbit. The group must preserve the transition relation and every property. Used instead
   * of `encode` as the visited-set key when the explorer runs with `symmetry: true`.
   */
  symmetry?(state: S): Uint8Array;
  /**
   * Optional: what the system's encodings refer to besides the state itself (e.g. the runtime's
   * interning tables: its states are ids into them). A checkpoint carries `save()`'s bytes and a
   * resumed run hands them to `restore` on a fresh system before it reads any saved state, so a
   * run can be resumed in another process, where ids would be handed out in another order.
   */
  systemContext?: { save(): Uint8Array; restore(bytes: Uint8Array): void };
  /** Safety properties checked in every reachable state. */
  invariants: readonly Invariant<S>[];
  /**
   * Optional reachability properties (Stateright's `Property::sometimes`): each must hold in
   * SOME reachable state. A pass proves only that no reachable state breaks an invariant; if
   * the model cannot even reach the states the invariants are about (a request executed, a
   * forgery delivered), the pass is vacuous. The explorer checks each in every newly stored
   * state and reports whether it was discovered, with the path to the first state where it
   * holds (under BFS a shortest one). The symmetry group, if any, must preserve them too.
   */
  sometimes?: readonly Invariant<S>[];
  /**
   * Bounded termination: checked in every state with no enabled action. A terminal state
   * that fails it is reported as a violation of property `name` (e.g. "termination": a
   * correct replica never executed a pending request).
   */
  terminal?: Invariant<S>;
  /**
   * Liveness properties ("eventually P", "always eventually P"), checked after an exhaustive BFS
   * over the whole explored graph under weak fairness (`fairness`): a fair lasso avoiding P is
   * a counterexample, and otherwise the most steps after GST before P is reported
   * (explorer/liveness).
   */
  liveness?: readonly LivenessProperty<S>[];
  /**
   * The weak-fairness class of an action in a state (−1: none): a class continuously enabled
   * from some point on must eventually be taken (e.g. each message to a correct receiver, each
   * timer of a correct actor). Stable across states: the same delivery has the same class
   * wherever it is enabled. Without it no action is fair.
   */
  fairness?(state: S, action: A): number;
  /**
   * Whether every run may stay in this state's region for ever: partial synchrony's "after GST"
   * (a run that never reaches GST is no run of the model). Default: every state.
   */
  settled?(state: S): boolean;
  /**
   * Where the model's bound cuts a run short (e.g. a replica that would pass the last modelled
   * view): a fair run that avoids P only by reaching such a state is `undecided`, not a
   * violation, and the Result says how many there were.
   */
  livenessCutOff?: Invariant<S>;
  /**
   * True where the model has no GST: delays stay unbounded for ever (Fischer, Lynch and
   * Paterson's asynchronous model). A run that reaches the cut-off without P is then a fair
   * asynchronous run in which the adversary kept P from holding as long as the model runs — the
   * bounded form of FLP's infinite run — and the Result says "termination not guaranteed".
   */
  asynchronous?: boolean;
  /**
   * Optional: the system's own wording of a Schedule step for traces and diagrams (e.g. a
   * protocol step's label, "PRE-PREPARE(A) → R1"); undefined, or absent, for the Schedule's
   * generic wording (spec/common/schedule.ts `describeStep`).
   */
  describeStep?(step: ScheduleStep): string | undefined;
  /** Turns an action into a Schedule step (for counterexamples and replay files). */
  toStep(action: A): ScheduleStep;
  /**
   * Finds the enabled action that a Schedule step names, or undefined if the step is not
   * enabled in `state` (replay reports that as a divergence).
   */
  fromStep(state: S, step: ScheduleStep): A | undefined;
  /** Optional human-readable rendering of a state, for traces. */
  describeState?(state: S): string;
  /**
   * Optional one-phrase summary per participant (e.g. `{ R1: "committed A" }`), drawn as notes
   * in the counterexample's sequence diagram whenever a summary changes.
   */
  describeParticipants?(state: S): Record<string, string>;
}

/** "eventually P": every fair run reaches P. "always eventually P": every fair run reaches P again and again. */
export interface LivenessProperty<S> {
  name: string;
  kind: "eventually" | "always-eventually";
  holds(state: S): boolean;
}

/** A state predicate: an invariant (must hold everywhere) or a `sometimes` (must hold somewhere). */
export interface Invariant<S> {
  /** The property's name as reported, e.g. "agreement", "validity", "termination". */
  name: string;
  holds(state: S): boolean;
  /**
   * What a state that fails the property shows, in lines for the reports' "Evidence" section
   * (e.g. which validators' signed messages make a finality conflict accountable). Read only
   * off a counterexample's last state, never on the search's hot path.
   */
  explain?(state: S): readonly string[];
}
