import type { AnyStateMachine } from "xstate";
import type { z } from "zod";
import type { RuntimeView, ActorView } from "./runtime-view.ts";

/**
 * A protocol, declared once for the runtime (Stateright's `ActorModel`): its roles and their
 * XState machines, its messages, the network, time and fault model it runs under, and its
 * properties over the runtime's protocol-neutral view. The runtime imports no protocol; a
 * protocol imports nothing of the runtime but these types.
 *
 * Machines stay pure. They receive a delivered message as the event `{ ...message, from }` and
 * a timer's expiry as `{ type: "TIMEOUT", timer }`, and act only by `emit`ting:
 * - `{ type: "send", to: "A1" | ["A0", "A1", …], message }` — one message, or a multicast (its
 *   sends leave in the order given, so a crash part-way through it keeps a prefix);
 * - `{ type: "setTimer", timer }` / `{ type: "cancelTimer", timer }`.
 * Their context must be JSON data: the runtime keys a snapshot by its whole value and context.
 *
 * A machine may declare a guard named `isObsolete` in its `setup`: true of a delivery event
 * (`{ ...message, from }`) that the machine, in this snapshot and every later one, will ignore.
 * The runtime then discards such a message as soon as it is in flight to that actor (a sound
 * reduction: delivering it could change nothing). The rule is the machine's own, so it cannot
 * drift from its guards; the contract suite checks that an obsolete delivery changes nothing.
 */
export interface ProtocolDefinition<Config, Message extends { type: string }> {
  name: string;
  /** Role name → its machine. */
  roles: Readonly<Record<string, AnyStateMachine>>;
  /** Every message a machine may send; each distinct message is checked once, when first sent. */
  messageSchema: z.ZodType<Message>;
  /** A stable, readable id (no endpoints: the runtime adds "from->to") and a short label for diagrams. */
  describeMessage(message: Message): { id: string; label: string };
  actors(config: Config): readonly ActorDeclaration[];
  network(config: Config): NetworkModel;
  faults(config: Config): FaultModel;
  time(config: Config): TimeModel;
  /**
   * What bounds a run besides its actors, in words for the reports' coverage (e.g. "1 round per
   * proposer"); the actors, network, faults and time are worded from the declarations above
   * (impl/runtime/coverage.ts).
   */
  bounds?(config: Config): readonly string[];
  /**
   * What the faults are beyond what the runtime words from `faults` (e.g. a Byzantine
   * strategy's forgery budget, which behaviours each Byzantine actor's config enables), for the
   * coverage's faults and budgets lines.
   */
  faultNotes?(config: Config): { faults?: readonly string[]; budgets?: readonly string[] };
  /** Safety properties, checked in every reachable state. */
  invariants(config: Config): readonly RuntimeInvariant[];
  /**
   * What must be reachable (Stateright's `Property::sometimes`): each must hold in some
   * reachable state, or an exhaustive pass may be vacuous (e.g. "a value chosen": safety holds
   * trivially where nothing is ever chosen). Same form as invariants, over the same view.
   */
  sometimes?(config: Config): readonly RuntimeInvariant[];
  /**
   * Bounded termination, checked in every state with no enabled action (the explorer's
   * `terminal`): e.g. "every correct replica executed every request". A dead end where it
   * fails is a counterexample; absent, dead ends are normal ends.
   */
  terminal?(config: Config): RuntimeInvariant | undefined;
  /**
   * Liveness properties under weak fairness (impl/runtime/fairness.ts says what is owed):
   * "eventually P" or "always eventually P", checked over the whole explored graph after GST
   * (from the start under `async`): a fair lasso avoiding P is a counterexample, else the bound
   * in steps is reported.
   */
  liveness?(config: Config): readonly RuntimeLiveness[];
  /**
   * Where the model's bound cuts runs short (e.g. a replica that would start a view change past
   * the last modelled view): liveness is judged up to such states, and reports count them.
   */
  livenessCutOff?(config: Config): RuntimeInvariant | undefined;
  /** A one-phrase summary of an actor for the sequence diagrams' notes (default: its state value). */
  summarise?(actor: ActorView): string;
  /** A ghost history the properties read as `view.history` (none when absent). */
  history?: HistoryDeclaration<unknown>;
  /**
   * The protocol's own step kinds, by name (a client's request, a Byzantine behaviour, later a
   * mining step): inputs from outside the protocol's message flow, each one event to one actor.
   * A Schedule writes one as `{ step: "<kind>", actor: "<name>", ...fields }`.
   */
  steps?: Readonly<Record<string, ProtocolStepKind<Config>>>;
}

/** A JSON value, as a protocol step's fields hold them. */
export type StepField = string | number | boolean | null | readonly StepField[];
export type StepFields = Readonly<Record<string, StepField>>;

/**
 * One kind of protocol step (the Schedule's vocabulary is open: the runtime's steps plus these).
 * In a state, an actor of one of `roles` that is up is offered `offers(its snapshot)`; each
 * offer is enabled iff the actor's machine takes its event there (XState's `snapshot.can`: a
 * transition whose guard passes). So the rule of when a step may happen lives in the machine,
 * as a named guard, never here. Offers are memoised per (actor, snapshot).
 */
export interface ProtocolStepKind<Config> {
  /** What the step does, in one sentence (docs and `list`). */
  description: string;
  /** The step's fields besides `step` and `actor`, checked when a Schedule is read. */
  fields: z.ZodType<StepFields>;
  /** The roles whose actors take steps of this kind. */
  roles: readonly string[];
  /**
   * A Byzantine behaviour: only the model's Byzantine actors (`faults.byzantine`) take it. The
   * role's machine is then the adversary's strategy (what it may send, under which budget).
   */
  byzantine?: boolean;
  /**
   * The offers an actor may take in its snapshot: a pure function of that actor's own snapshot
   * (what it has seen and done) and the config, so that it is computed once per snapshot.
   */
  offers(actor: OfferedActor, config: Config): readonly StepFields[];
  /** The event the actor's machine receives for an offer (never `from`: no message carries it). */
  event(fields: StepFields): { type: string };
  /** A short label for the diagrams' note over the actor (default: the kind and its fields). */
  label?(fields: StepFields): string;
}

/** What `offers` sees of an actor: its own snapshot, nothing of anyone else's. */
export interface OfferedActor {
  name: string;
  role: string;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  value: any;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  context: any;
}

/**
 * A ghost history variable (Stateright's `ActorModel` history, TLA+'s history variables): JSON
 * data that no actor reads, recomputed after every step (and once for the initial state) from
 * the previous history and the view of the new state, and part of the global state. For facts
 * about the past that no single actor keeps, such as "a majority held v at some moment".
 */
export interface HistoryDeclaration<History> {
  initial: History;
  /** The history after a step, from the one before and the new state (whose `view.history` is still the old one). */
  next(history: History, view: RuntimeView): History;
}

export interface ActorDeclaration {
  /** Unique, short, readable: a letter, then letters, digits or _ ("P0", "A2"). */
  name: string;
  role: string;
  /** The machine's input (XState `input`). */
  input?: unknown;
}

/**
 * The network's delivery semantics (Stateright's `Network`): any in-flight message may be
 * delivered next. "none": a delivery consumes the message. "persistent": a sent message stays
 * deliverable for ever, as in TLA+ specs that keep a set of sent messages (and Stateright's
 * unordered duplicating network). `{ copies: k }`: a delivery consumes the message, and a
 * `duplicate` step adds one more copy of an in-flight message, at most k times in a run (a
 * budget, so that the state space stays finite). `loss`: a message may be dropped instead.
 */
export interface NetworkModel {
  duplication: "none" | "persistent" | { copies: number };
  loss: boolean;
  /**
   * The partitions the network may split into, each a list of sides, each a list of actor names
   * (sides disjoint, every actor on one side). A `partition` step splits the healed network into
   * one of them and a `heal` step joins it again; meanwhile messages across sides stay in flight
   * undeliverable (droppable, with `loss`). Absent: the network never splits.
   */
  partitions?: readonly (readonly (readonly string[])[])[];
  /**
   * "unordered" (the default): any in-flight message may be delivered next. "fifo": per link
   * (sender, receiver), messages are delivered in the order they were sent (TCP-like channels);
   * a lost message does not hold back the ones behind it.
   */
  ordering?: "unordered" | "fifo";
}

/**
 * Crash faults under one budget: at most `crashes` crash steps in a run, of actors of the
 * `crashable` roles (all when absent), at any step, and with `midMulticast` also part-way
 * through a step's sends, so that only a prefix of a multicast leaves. Without `recover` a crash
 * is for good (crash-stop), so the budget is the number of actors that may stop; with it a
 * crashed actor may `recover`: it restarts from its initial machine state (amnesia: it keeps
 * nothing, as no machine here has stable storage) with its initial entry outputs carried out
 * again, and the budget bounds the crash–recover cycles.
 */
export interface FaultModel {
  crashes: number;
  crashable?: readonly string[];
  midMulticast: boolean;
  recover?: boolean;
  /**
   * Byzantine actors, by name. They run their role's machine, which is the adversary's strategy:
   * it takes the protocol's `byzantine` step kinds (its behaviours) and every message sent to
   * it. Properties see them as not correct (`ActorView.correct`).
   */
  byzantine?: readonly string[];
  /**
   * Omission-faulty actors, by name (send and receive omission, Perry & Toueg 1986): the network
   * may drop any message they send or are sent (a `drop` step), before GST and after it.
   */
  omissive?: readonly string[];
  /**
   * One fault budget f for the run: Byzantine actors + omission-faulty actors + crash steps
   * taken ≤ `budget`, checked on every step of every trace (a crash beyond it is not enabled,
   * and a declaration over it is refused). Absent: only `crashes` bounds the crashes.
   */
  budget?: number;
  /**
   * Replays by Byzantine actors: each may send a copy of any message it has received (with
   * `seesNetwork`, of any message that was ever in flight) to any actor, at most `budget`
   * replays in a run.
   */
  replay?: { budget: number; seesNetwork?: boolean };
}

/**
 * "async": any set timer may expire at any point (no bound on message delay or clock drift).
 * "partial-sync" (Dwork, Lynch and Stockmeyer's partial synchrony): as "async" until a `gst`
 * step (global stabilisation time, taken once, while the network is healed); from then on no
 * message from a correct sender is lost, the network does not split, and a correct actor's
 * timer does not expire while a message to it from a correct sender has been in flight for
 * more than `delta` steps (impl/runtime/README.md: the rule and why).
 */
export type TimeModel =
  | { kind: "async" }
  | {
      kind: "partial-sync";
      delta: number;
      /**
       * "delta" (the default): after GST a correct actor's timer waits only for overdue
       * messages to it (the Δ rule). "long-enough": after GST a correct actor's timer fires only
       * when no message to a correct actor is in flight at all — timeouts longer than any chain
       * of deliveries in progress, the "timers are long enough" of partial synchrony (seed
       * catalogue A2) that liveness arguments such as PBFT's doubling timeouts (OSDI 1999 §4.5)
       * rest on. Before GST both are asynchronous.
       */
      timeouts?: "delta" | "long-enough";
    };

/** A liveness property over the runtime's view: "eventually P" or "always eventually P". */
export interface RuntimeLiveness extends RuntimeInvariant {
  kind: "eventually" | "always-eventually";
}

/** A predicate over the runtime's view: an invariant, or a `sometimes` property. */
export interface RuntimeInvariant {
  name: string;
  holds(view: RuntimeView): boolean;
  /** Human lines the report prints under a violation of this property (e.g. who is to blame, by which signed messages). */
  explain?(view: RuntimeView): readonly string[];
}
