import { initialTransition, transition, type AnyMachineSnapshot, type AnyStateMachine, type StateValue } from "xstate";
import { canonicalJson } from "../../spec/common/canonical-json.ts";
import { InputError } from "../../spec/common/input-error.ts";
import { ACTOR_NAME, ACTOR_NAME_RULE } from "../../spec/common/schedule.ts";
import { checkDeclarations } from "./declaration-checks.ts";
import { AdversaryKnowledge } from "./adversary-knowledge.ts";
import { addSent, type InFlight } from "./in-flight.ts";
import { discardObsolete, ObsoleteGuards } from "./obsolete-messages.ts";
import { StepOffers } from "./step-offers.ts";
import { Interner } from "./interner.ts";
import { machineOutputs, type MachineOutput } from "./machine-outputs.ts";
import { Partitions } from "./partitions.ts";
import { addSentFifo } from "./in-flight.ts";
import type { ActorDeclaration, FaultModel, NetworkModel, ProtocolDefinition, ProtocolStepKind, TimeModel } from "./protocol.ts";
import { MAX_ACTORS, MAX_TIMERS_PER_ROLE, StateLayout } from "./state-layout.ts";
import type { RuntimeAction } from "./runtime-actions.ts";
import type { ActorView } from "./runtime-view.ts";
import { viewOf } from "./runtime-views.ts";

/** An interned machine snapshot: the XState snapshot to step from, and its value and context. */
export interface SnapshotEntry {
  snapshot: AnyMachineSnapshot;
  /** A final state: the machine reacts to no event again (XState's status "done"). */
  done: boolean;
}

export interface MessageEntry {
  message: { type: string };
  id: string;
  label: string;
}

export interface EnvelopeEntry {
  from: number;
  to: number;
  message: number;
  /**
   * Where the envelope sorts, in the in-flight multiset and so among enabled actions: its step's
   * text ("PROMISE b1 vote none A0->P0"), then its message's canonical JSON. Not its id: ids are
   * handed out in the order the runtime first meets envelopes, which depends on what it explored
   * before, and `actions(state)` must not (a path is replayed by its action indices, also in
   * another build of the model: a resumed run, a seeded simulation run again).
   */
  order: string;
}

/** What one actor does on one event from one snapshot: memoised, so each is computed once. */
export interface Reaction {
  next: number;
  /** Envelope ids, in the order the machine sent them. */
  sends: number[];
  /** Timer operations in order: [bit, set?]. */
  timers: [number, boolean][];
  /** `sends` in the in-flight order (Runtime.sortedSends), once asked for. */
  sortedSends?: number[];
}


/** The interning tables as JSON data (Runtime.exportTables). */
export interface RuntimeTables {
  snapshots: { key: string; value: unknown; context: unknown; done: boolean }[];
  messages: { type: string }[];
  envelopes: [number, number, number][];
  events: [string, object][];
  timers: Record<string, string[]>;
  histories: unknown[];
  knowledge?: number[][];
}

/**
 * The protocol-neutral core: a protocol's actors, their machines and every value they produce,
 * interned to ids, and what each actor does on each event from each snapshot, memoised as
 * `(actor, snapshot id, event id) → (next snapshot id, sends, timer operations)`. XState's pure
 * `transition` is called once per distinct triple; everything else is integer arithmetic.
 */
export class Runtime<Config, Message extends { type: string }> {
  readonly actors: readonly ActorDeclaration[];
  readonly layout: StateLayout;
  readonly network: NetworkModel;
  readonly faults: FaultModel;
  readonly time: TimeModel;
  /** Δ under partial synchrony; undefined under "async". */
  readonly delta: number | undefined;
  /** The partitions the network may split into; undefined when it never splits. */
  readonly partitions: Partitions | undefined;
  /** The duplicate steps a run may take (network.duplication { copies }); 0 without a budget. */
  readonly duplicateBudget: number;
  readonly snapshots = new Interner<SnapshotEntry>();
  readonly messages = new Interner<MessageEntry>();
  readonly envelopes = new Interner<EnvelopeEntry>();
  /** Ghost histories (protocol.ts `history`), interned by their canonical JSON. */
  readonly histories = new Interner<unknown>();
  /** The protocol's own step kinds, by name in alphabetical order (their actions come in this order). */
  readonly stepKinds: readonly (readonly [string, ProtocolStepKind<Config>])[];
  /** What Byzantine actors have seen and may replay (faults.replay). */
  readonly adversary: AdversaryKnowledge;
  /** The machines' isObsolete guards and their memo. */
  readonly obsolete: ObsoleteGuards;
  /** The protocol steps each actor is offered, memoised per snapshot. */
  readonly offers: StepOffers<Config>;
  /** Events: deliveries, expiries and protocol steps, interned. */
  readonly events = new Interner<object>();
  readonly machines: readonly AnyStateMachine[];
  private readonly indexOf = new Map<string, number>();
  private readonly timerBits = new Map<string, Map<string, number>>();
  readonly timerNames = new Map<string, string[]>();
  /** Per envelope id, its place among all envelopes met so far in `EnvelopeEntry.order`: numbers compare faster than text (read, never written, outside). */
  readonly envelopeRanks: number[] = [];
  /** Per role, its timer bits in the order of their names (bits, too, are handed out as met). */
  private readonly timerOrders = new Map<string, number[]>();
  /** Per actor, per event id, per snapshot id: the memoised reaction (arrays: integer keys, no hashing). */
  private readonly reactions: (Reaction | undefined)[][][];
  /** Per envelope id, the id of its delivery event. */
  private readonly deliveryEvents: number[] = [];
  /** Whether any message can ever become undeliverable (a crash, or a machine with a final state): else no step looks. */
  readonly mayGoDeaf: boolean;
  private readonly crashable: boolean[];
  readonly byzantine: readonly boolean[];
  private readonly omissive: boolean[];
  /** Byzantine and omission-faulty actors: the part of the fault budget taken before any step. */
  readonly faultyActors: number;
  /** Per actor, [up, crashed] views by snapshot id (runtime-views.ts): made once, shared by states. */
  readonly actorViews: [ActorView[], ActorView[]][] = [];
  /** Scratch for one successor (runtime-actions.ts `successorParts`): reused, never kept. */
  readonly scratchHead: Uint32Array;
  readonly scratchInFlight: InFlight = { envelopes: [], copies: [], ages: undefined };
  readonly scratchActionsInFlight: InFlight = { envelopes: [], copies: [], ages: undefined };
  /** Per envelope id, its delivery action, made once. */
  private readonly deliverActions: RuntimeAction[] = [];
  /** Per actor, its start (initial snapshot and entry outputs), once met: a recovery starts it again. */
  private readonly starts: (Reaction | undefined)[];

  constructor(
    readonly protocol: ProtocolDefinition<Config, Message>,
    readonly config: Config,
  ) {
    this.actors = protocol.actors(config);
    if (this.actors.length === 0 || this.actors.length > MAX_ACTORS) throw new InputError(`${protocol.name}: a model has 1 to ${MAX_ACTORS} actors, this one ${this.actors.length}`);
    this.actors.forEach((actor, index) => {
      if (!ACTOR_NAME.test(actor.name)) throw new InputError(`${protocol.name}: actor name ${JSON.stringify(actor.name)} must be ${ACTOR_NAME_RULE}`);
      if (this.indexOf.has(actor.name)) throw new InputError(`${protocol.name}: two actors are named ${actor.name}`);
      if (protocol.roles[actor.role] === undefined) throw new InputError(`${protocol.name}: actor ${actor.name} has the role ${actor.role}, which the protocol does not declare`);
      this.indexOf.set(actor.name, index);
    });
    this.machines = this.actors.map((actor) => protocol.roles[actor.role]!);
    this.network = protocol.network(config);
    this.faults = protocol.faults(config);
    this.time = protocol.time(config);
    checkDeclarations(this.network, this.faults, this.time, protocol.name);
    this.delta = this.time.kind === "partial-sync" ? this.time.delta : undefined;
    const names = this.actors.map((actor) => actor.name);
    this.partitions = this.network.partitions === undefined ? undefined : new Partitions(this.network.partitions, names, protocol.name);
    this.duplicateBudget = typeof this.network.duplication === "object" ? this.network.duplication.copies : 0;
    this.starts = this.actors.map(() => undefined);
    this.crashable = this.actors.map((actor) => this.faults.crashable === undefined || this.faults.crashable.includes(actor.role));
    this.reactions = this.actors.map(() => []);
    for (const [field, list] of [["byzantine", this.faults.byzantine], ["omissive", this.faults.omissive]] as const) {
      for (const name of list ?? []) if (!this.indexOf.has(name)) throw new InputError(`${protocol.name}: faults.${field} names ${JSON.stringify(name)}, which is no actor of this model`);
    }
    this.byzantine = this.actors.map((actor) => this.faults.byzantine?.includes(actor.name) === true);
    this.omissive = this.actors.map((actor) => this.faults.omissive?.includes(actor.name) === true);
    this.faultyActors = this.actors.filter((_, index) => this.byzantine[index] || this.omissive[index]).length;
    if (this.faults.budget !== undefined && this.faultyActors > this.faults.budget) {
      throw new InputError(`${protocol.name}: faults.budget is ${this.faults.budget}, but ${this.faultyActors} actors are Byzantine or omission-faulty from the start; raise the budget or name fewer`);
    }
    this.adversary = new AdversaryKnowledge(this.faults, this.byzantine, protocol.name);
    this.stepKinds = Object.entries(protocol.steps ?? {}).sort(([a], [b]) => (a < b ? -1 : 1));
    this.offers = new StepOffers(this);
    this.obsolete = new ObsoleteGuards(this.machines);
    this.mayGoDeaf = this.faults.crashes > 0 || this.machines.some((machine) => hasFinalState(machine.root));
    this.layout = new StateLayout(this.actors.length, {
      history: protocol.history !== undefined,
      gst: this.delta !== undefined,
      // "long-enough" timeouts wait for every delivery whatever its age: entries need none.
      aged: this.time.kind === "partial-sync" && this.time.timeouts !== "long-enough",
      partition: this.partitions !== undefined,
      crashCount: this.faults.recover === true,
      duplicateCount: this.duplicateBudget > 0,
      replayCount: this.adversary.budget > 0,
      knowledge: this.adversary.words,
    });
    this.scratchHead = new Uint32Array(this.layout.networkAt);
  }

  /** The fault budget taken in `state`: faulty actors and crash steps (FaultModel.budget). */
  faultsTaken(state: Uint32Array): number {
    return this.faultyActors + this.crashesTaken(state);
  }

  /**
   * Whether `actor` can never take a delivery again: it crashed (crashes are for good), or its
   * machine reached a final state (XState: a "done" machine takes no event). Messages to it are
   * discarded at once instead of staying in flight for ever, which changes no behaviour of any
   * actor and keeps undeliverable copies from multiplying states.
   */
  isDeaf(head: Uint32Array, actor: number): boolean {
    return (head[0]! & (1 << actor)) !== 0 || this.snapshots.values[head[this.layout.snapshotAt(actor)]!]!.done;
  }

  isByzantine(actor: number): boolean {
    return this.byzantine[actor]!;
  }

  isOmissive(actor: number): boolean {
    return this.omissive[actor]!;
  }

  actorIndex(name: string): number | undefined {
    return this.indexOf.get(name);
  }

  /** The crash steps taken so far: counted where actors recover, else the crashed actors (crashes are for good). */
  crashesTaken(state: Uint32Array): number {
    return this.faults.recover === true ? state[this.layout.crashCountAt]! : this.layout.crashedCount(state);
  }

  /** A crash of `actor` is enabled: of a crashable role, up, not Byzantine (it is faulty already), within both budgets. */
  canCrash(state: Uint32Array, actor: number): boolean {
    if (!this.crashable[actor]! || this.byzantine[actor]! || this.layout.isCrashed(state, actor)) return false;
    const crashes = this.crashesTaken(state);
    return crashes < this.faults.crashes && (this.faults.budget === undefined || this.faultyActors + crashes < this.faults.budget);
  }

  /** The initial global state: every machine in its initial state, its entry outputs carried out. */
  initial(): Uint32Array {
    const head = new Uint32Array(this.layout.networkAt);
    const inFlight: InFlight = { envelopes: [], copies: [], ages: this.layout.aged ? [] : undefined };
    this.actors.forEach((_, index) => {
      const start = this.start(index);
      head[this.layout.snapshotAt(index)] = start.next;
      this.send(inFlight, start.sends);
      head[this.layout.timersAt(index)] = applyTimers(0, start.timers);
    });
    if (this.protocol.history !== undefined) head[this.layout.historyAt] = this.internHistory(this.protocol.history.initial);
    this.adversary.startInto(head, this.layout);
    this.actors.forEach((_, index) => this.adversary.learn(this, head, this.start(index).sends));
    discardObsolete(this, head, inFlight);
    const state = this.layout.build(head, inFlight);
    this.recordHistory(state);
    return state;
  }

  /**
   * What `actor` is when it starts: its initial snapshot (`next`) and what its initial state's
   * entry actions send and set. Computed once per actor: the initial state and every recovery
   * (an amnesiac restart) share it.
   */
  start(actor: number): Reaction {
    const known = this.starts[actor];
    if (known !== undefined) return known;
    const [snapshot, actions] = this.guarded(actor, "its initial state", () => initialTransition(this.machines[actor]!, this.actors[actor]!.input));
    const next = this.internSnapshot(actor, snapshot);
    const reaction = this.carryOut(actor, machineOutputs(actions, this.actors[actor]!.name));
    reaction.next = next;
    this.starts[actor] = reaction;
    return reaction;
  }

  /** Envelopes just sent join the in-flight multiset, in order. */
  send(inFlight: InFlight, envelopes: readonly number[]): void {
    if (this.network.ordering === "fifo") {
      for (const envelope of envelopes) addSentFifo(inFlight, envelope, this.linkOf);
      return;
    }
    const persistent = this.network.duplication === "persistent";
    for (const envelope of envelopes) addSent(inFlight, envelope, this.precedes, persistent);
  }

  /** An envelope's link (sender, receiver) as one number, in actor order: FIFO queues sort by it. */
  readonly linkOf = (envelope: number): number => {
    const { from, to } = this.envelopes.values[envelope]!;
    return from * MAX_ACTORS + to;
  };

  /** What `actor` does on a protocol step's event. */
  onInput(actor: number, snapshotId: number, event: number): Reaction {
    return this.react(actor, snapshotId, event);
  }

  /** The envelope from `from` to `to` carrying message `message`, interned (a replay sends one). */
  envelope(from: number, to: number, message: number): number {
    return this.internEnvelope(from, to, message);
  }

  /**
   * Advances the ghost history of a freshly built `state` in place: `next` of the history it
   * holds (the one before the step) and the view of `state`. Nothing when none is declared.
   */
  recordHistory(state: Uint32Array): void {
    const declared = this.protocol.history;
    if (declared === undefined) return;
    const at = this.layout.historyAt;
    state[at] = this.internHistory(declared.next(this.histories.values[state[at]!], viewOf(this, state)));
  }

  /** Whether envelope `a` sorts before envelope `b` (`EnvelopeEntry.order`; distinct envelopes never tie). */
  readonly precedes = (a: number, b: number): boolean => this.envelopeRanks[a]! < this.envelopeRanks[b]!;

  /**
   * A reaction's sends in the in-flight multiset's order, computed once per reaction (ranks may
   * be handed out again as envelopes are met, but never change the order of known ones).
   */
  sortedSends(reaction: Reaction): readonly number[] {
    return (reaction.sortedSends ??= [...reaction.sends].sort((a, b) => this.envelopeRanks[a]! - this.envelopeRanks[b]!));
  }

  /** The timer bits of `actor`'s role in the order of their names. */
  timerOrder(actor: number): readonly number[] {
    return this.timerOrders.get(this.actors[actor]!.role) ?? [];
  }

  /** What `actor`, in snapshot `snapshotId`, does on the delivery of `envelope`. */
  onDelivery(actor: number, snapshotId: number, envelope: number): Reaction {
    return this.react(actor, snapshotId, this.deliveryEvent(envelope));
  }

  /** The action delivering `envelope` (one object per envelope: actions are never changed). */
  deliverAction(envelope: number): RuntimeAction {
    return (this.deliverActions[envelope] ??= { kind: "deliver", envelope });
  }

  /**
   * Whether `actor`'s isObsolete guard, in snapshot `snapshotId`, calls the delivery of
   * `envelope` obsolete (only for an actor whose machine declares the guard: `obsolete.has`).
   */
  isObsolete(actor: number, snapshotId: number, envelope: number): boolean {
    const event = this.deliveryEvent(envelope);
    return this.obsolete.holds(actor, snapshotId, event, () => {
      const { snapshot } = this.snapshots.values[snapshotId]!;
      return this.guarded(actor, "its isObsolete guard", () => this.obsolete.guard(actor)({ context: snapshot.context, event: this.events.values[event] }, undefined)) === true;
    });
  }

  /** The event a delivery of `envelope` is: its message and its sender. */
  private deliveryEvent(envelope: number): number {
    const known = this.deliveryEvents[envelope];
    if (known !== undefined) return known;
    const { from, message } = this.envelopes.values[envelope]!;
    const event = this.events.intern(`d${from},${message}`, () => ({ ...this.messages.values[message]!.message, from: this.actors[from]!.name }));
    this.deliveryEvents[envelope] = event;
    return event;
  }

  /** What `actor` does when its timer `bit` expires. */
  onTimeout(actor: number, snapshotId: number, bit: number): Reaction {
    const timer = this.timerNames.get(this.actors[actor]!.role)![bit]!;
    const event = this.events.intern(`t${timer}`, () => ({ type: "TIMEOUT", timer }));
    return this.react(actor, snapshotId, event);
  }

  private react(actor: number, snapshotId: number, eventId: number): Reaction {
    const byEvent = this.reactions[actor]!;
    const memo = (byEvent[eventId] ??= []);
    const known = memo[snapshotId];
    if (known !== undefined) return known;
    const event = this.events.values[eventId] as { type: string };
    const [next, actions] = this.guarded(actor, `the event ${event.type}`, () => transition(this.machines[actor]!, this.snapshots.values[snapshotId]!.snapshot, event));
    const reaction = this.carryOut(actor, machineOutputs(actions, this.actors[actor]!.name));
    reaction.next = this.internSnapshot(actor, next);
    memo[snapshotId] = reaction;
    return reaction;
  }

  private carryOut(actor: number, outputs: readonly MachineOutput[]): Reaction {
    const reaction: Reaction = { next: -1, sends: [], timers: [] };
    for (const output of outputs) {
      if (output.type === "send") {
        const message = this.internMessage(output.message);
        for (const name of output.to) {
          const to = this.indexOf.get(name);
          if (to === undefined) throw new Error(`${this.actors[actor]!.name} sent ${output.message.type} to ${name}, which is no actor of this model`);
          reaction.sends.push(this.internEnvelope(actor, to, message));
        }
      } else reaction.timers.push([this.timerBit(actor, output.timer), output.type === "setTimer"]);
    }
    return reaction;
  }

  private internSnapshot(actor: number, snapshot: AnyMachineSnapshot): number {
    const machine = this.machines[actor]!;
    // The whole persisted snapshot (value, context, status, history), so that no field can be forgotten.
    const key = `${this.actors[actor]!.role}|${canonicalJson(machine.getPersistedSnapshot(snapshot))}`;
    return this.snapshots.intern(key, () => ({ snapshot, done: snapshot.status === "done" }));
  }

  private internEnvelope(from: number, to: number, message: number): number {
    const known = this.envelopes.size;
    const id = this.envelopes.intern(`${from},${to},${message}`, () => {
      const { id: text, message: content } = this.messages.values[message]!;
      return { from, to, message, order: `${text} ${this.actors[from]!.name}->${this.actors[to]!.name}\n${canonicalJson(content)}` };
    });
    if (this.envelopes.size > known) {
      // A new envelope: rank them all again. Envelopes are few and met early; the relative order
      // of those already ranked never changes, so states built before stay sorted.
      const { values } = this.envelopes;
      values
        .map((_, envelope) => envelope)
        .sort((a, b) => (values[a]!.order < values[b]!.order ? -1 : 1))
        .forEach((envelope, rank) => (this.envelopeRanks[envelope] = rank));
    }
    return id;
  }

  private internHistory(history: unknown): number {
    return this.histories.intern(canonicalJson(history), () => history);
  }

  private internMessage(message: { type: string }): number {
    return this.messages.intern(canonicalJson(message), () => {
      const parsed = this.protocol.messageSchema.safeParse(message);
      if (!parsed.success) throw new Error(`a machine sent a message its protocol's schema rejects: ${canonicalJson(message)} (${parsed.error.issues[0]?.message ?? "invalid"})`);
      const { id, label } = this.protocol.describeMessage(message as Message);
      return { message, id, label };
    });
  }

  private timerBit(actor: number, timer: string): number {
    return this.roleTimerBit(this.actors[actor]!.role, timer);
  }

  private roleTimerBit(role: string, timer: string): number {
    let bits = this.timerBits.get(role);
    if (bits === undefined) {
      bits = new Map();
      this.timerBits.set(role, bits);
      this.timerNames.set(role, []);
    }
    let bit = bits.get(timer);
    if (bit === undefined) {
      bit = bits.size;
      if (bit >= MAX_TIMERS_PER_ROLE) throw new Error(`role ${role} uses more than ${MAX_TIMERS_PER_ROLE} timers`);
      bits.set(timer, bit);
      const names = this.timerNames.get(role)!;
      names.push(timer);
      this.timerOrders.set(role, names.map((_, b) => b).sort((a, b) => (names[a]! < names[b]! ? -1 : 1)));
    }
    return bit;
  }

  /**
   * The interning tables, in id order: what the ids in this process's states mean. A checkpoint
   * carries them (TransitionSystem.systemContext), so that a run resumed in another process,
   * where ids would be handed out in another order, reads the saved states as they were.
   */
  exportTables(): RuntimeTables {
    const timers: Record<string, string[]> = {};
    for (const [role, names] of this.timerNames) timers[role] = [...names];
    return {
      snapshots: this.snapshots.values.map((entry, id) => ({ key: this.snapshots.keyOf(id)!, value: entry.snapshot.value, context: entry.snapshot.context, done: entry.done })),
      messages: this.messages.values.map((entry) => entry.message),
      envelopes: this.envelopes.values.map((entry) => [entry.from, entry.to, entry.message]),
      events: this.events.values.map((event, id) => [this.events.keyOf(id)!, event]),
      timers,
      histories: [...this.histories.values],
      knowledge: this.adversary.sets.values.map((known) => [...known]),
    };
  }

  /** Loads `exportTables()` of another process into this fresh runtime: the same ids mean the same values. */
  importTables(tables: RuntimeTables): void {
    if (this.snapshots.size + this.messages.size + this.envelopes.size + this.events.size + this.histories.size + this.adversary.sets.size > 0) throw new Error("runtime: tables can only be loaded into a fresh runtime");
    for (const { key, value, context, done } of tables.snapshots) {
      const role = key.slice(0, key.indexOf("|"));
      const machine = this.protocol.roles[role];
      if (machine === undefined) throw new InputError(`checkpoint: a snapshot of role ${role}, which this protocol does not declare`);
      this.snapshots.intern(key, () => ({ snapshot: machine.resolveState({ value: value as StateValue, context }), done }));
    }
    for (const message of tables.messages) this.internMessage(message);
    for (const [from, to, message] of tables.envelopes) this.internEnvelope(from, to, message);
    for (const [key, event] of tables.events) this.events.intern(key, () => event);
    for (const [role, names] of Object.entries(tables.timers)) for (const name of names) this.roleTimerBit(role, name);
    for (const history of tables.histories) this.internHistory(history);
    for (const known of tables.knowledge ?? []) this.adversary.sets.intern(known.join(","), () => known);
  }

  /** A machine that throws (in a guard, an assign, its context factory) fails the step, named. */
  guarded<T>(actor: number, on: string, step: () => T): T {
    try {
      return step();
    } catch (error) {
      throw new Error(`${this.actors[actor]!.name}'s machine failed on ${on}: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
}

/** Timer operations applied in order to a timer mask. */
export function applyTimers(mask: number, operations: readonly [number, boolean][]): number {
  let timers = mask;
  for (const [bit, set] of operations) timers = set ? timers | (1 << bit) : timers & ~(1 << bit);
  return timers >>> 0;
}

/** Whether a state node or any below it is final (XState: a machine there is "done"). */
function hasFinalState(node: { type: string; states: Record<string, unknown> }): boolean {
  return node.type === "final" || Object.values(node.states).some((child) => hasFinalState(child as typeof node));
}
