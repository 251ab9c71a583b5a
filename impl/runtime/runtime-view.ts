import type { StateValue } from "xstate";

/**
 * What properties see of a global state, whatever the protocol: each actor's role, whether it
 * has crashed, and its machine's state value and context; and the messages in flight. Views
 * are built on demand from the interned snapshots; nothing is copied.
 */
export interface ActorView {
  name: string;
  role: string;
  index: number;
  crashed: boolean;
  /** A Byzantine actor (FaultModel.byzantine): never correct, whatever its machine's state. */
  byzantine: boolean;
  /** Neither crashed nor Byzantine nor omission-faulty: the actors safety and liveness speak of. */
  correct: boolean;
  value: StateValue;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  context: any;
}

export interface InFlightView {
  from: string;
  to: string;
  message: { type: string };
  /** Copies in flight (1 under a persistent network: it stays deliverable). */
  copies: number;
  /** Under partial synchrony, steps since it was sent after GST, capped at Δ + 1 (README: the Δ rule); absent otherwise. */
  age?: number;
}

export interface RuntimeView {
  readonly actors: readonly ActorView[];
  actor(name: string): ActorView;
  /** Actors of one role, in declaration order. */
  role(role: string): readonly ActorView[];
  /** Messages in flight to actors that can still take them (none to a crashed or finished actor). */
  inFlight(): readonly InFlightView[];
  /** The protocol's ghost history (protocol.ts `history`); undefined when it declares none. */
  readonly history?: unknown;
  /** Under partial synchrony, whether GST has passed (for properties about progress after it); undefined under "async". */
  readonly afterGst?: boolean;
  /**
   * The sides of the partition in force, as declared (NetworkModel.partitions); undefined while
   * the network is healed or where it never splits. For properties about what a split allows.
   */
  readonly split?: readonly (readonly string[])[];
}
