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
 * unordered duplicating network). `loss`: a message may be dropped instead.
 */
export interface NetworkModel {
  duplication: "none" | "persistent";
  loss: boolean;
}

/**
 * Crash faults under one budget: at most `crashes` actors (of `crashable` roles, all when
 * absent) stop for good, at any step, and with `midMulticast` also part-way through a step's
 * sends, so that only a prefix of a multicast leaves.
 */
export interface FaultModel {
  crashes: number;
  crashable?: readonly string[];
  midMulticast: boolean;
}

/** "async": any set timer may expire at any point (no bound on message delay or clock drift). */
export interface TimeModel {
  kind: "async";
}

/** A predicate over the runtime's view: an invariant, or a `sometimes` property. */
export interface RuntimeInvariant {
  name: string;
  holds(view: RuntimeView): boolean;
}
