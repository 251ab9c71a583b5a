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
  /** Safety properties, checked in every reachable state. */
  invariants(config: Config): readonly RuntimeInvariant[];
  /**
   * What must be reachable (Stateright's `Property::sometimes`): each must hold in some
   * reachable state, or an exhaustive pass may be vacuous (e.g. "a value chosen": safety holds
   * trivially where nothing is ever chosen). Same form as invariants, over the same view.
   */
  sometimes?(config: Config): readonly RuntimeInvariant[];
  /** A one-phrase summary of an actor for the sequence diagrams' notes (default: its state value). */
  summarise?(actor: ActorView): string;
  /** A ghost history the properties read as `view.history` (none when absent). */
  history?: HistoryDeclaration<unknown>;
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
}

/**
 * "async": any set timer may expire at any point (no bound on message delay or clock drift).
 * "partial-sync" (Dwork, Lynch and Stockmeyer's partial synchrony): as "async" until a `gst`
 * step (global stabilisation time, taken once, while the network is healed); from then on no
 * message from a correct sender is lost, the network does not split, and a correct actor's
 * timer does not expire while a message to it from a correct sender has been in flight for
 * more than `delta` steps (impl/runtime/README.md: the rule and why).
 */
export type TimeModel = { kind: "async" } | { kind: "partial-sync"; delta: number };

/** A predicate over the runtime's view: an invariant, or a `sometimes` property. */
export interface RuntimeInvariant {
  name: string;
  holds(view: RuntimeView): boolean;
}
