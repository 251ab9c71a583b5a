import type { ActorOutput } from "../common/actor-outputs.ts";
import type { ClientId, ReplicaId } from "./ids.ts";
import type { Checkpoint, CheckpointProof, Commit, Delivered, Fetch, NewView, PbftMessage, PreparedCertificate, PrePrepare, Prepare, Request, State, ViewChange } from "./messages.ts";
import type { SlotState } from "./slot-state.ts";

/** One entry of the replicated service's history: what ran at `seq` and what it returned. */
export interface ExecutedEntry {
  seq: number;
  digest: string;
  client: ClientId;
  timestamp: number;
  op: string;
  /** null: the request had already executed at this replica, so it was skipped (§4.1 at-most-once). */
  result: string | null;
}

/** What a replica is created with: its id, the group and the certificate sizes in force. */
export interface ReplicaInput {
  id: ReplicaId;
  n: number;
  f: number;
  window: number;
  checkpointInterval: number;
  prepareQuorum: number;
  commitQuorum: number;
  checkpointQuorum: number;
  /** The view change's settings (§4.4); null or absent: the normal case only, every run in view 0. */
  viewChange?: ViewChangeSettings | null;
  /** A shipped state-transfer bug the replica runs with (config.ts `stateTransferBug`); absent: none. */
  stateTransferBug?: StateTransferBug;
}

/** The state-transfer mutant's bug (config.ts describes it). */
export type StateTransferBug = "unchecked-state-transfer";

/** What a replica needs to run the view change (models/pbft/pbft-protocol.ts derives it from the config). */
export interface ViewChangeSettings {
  /** The cut-off: a replica in this view starts no further view change (bounds the space). */
  maxView: number;
  /** VIEW-CHANGEs a NEW-VIEW needs, own included: 2f+1 (§4.4), unless a mutant lowers it. */
  viewChangeQuorum: number;
  /** A shipped bug the replica runs with (config.ts `viewChange.bug`); null: none. */
  bug: ViewChangeBug | null;
}

/** The mutants' bugs (config.ts describes each). */
export type ViewChangeBug = "ignore-prepared-sets" | "unchecked-new-view" | "weak-view-change-quorum" | "drop-prepared-certificates" | "no-request-timer" | "unchecked-view-change-certificates";

/** The replica's state (seed catalogue A12, decided after Castro & Liskov §4). JSON data only. */
export interface ReplicaContext extends ReplicaInput {
  view: number;
  /** h: sequence number of the last stable checkpoint. */
  lowWatermark: number;
  /** Primary only: the next sequence number to assign. */
  nextSeq: number;
  lastExecuted: number;
  /** The sequence number of the last checkpoint this replica took (§4.3: every K executed). */
  checkpointed: number;
  /** The message log: one slot machine snapshot per sequence number in (h, H]. */
  slots: Record<string, SlotState>;
  /** Primary only: requests waiting for room in the window (§4.3). */
  queue: Request[];
  /** Primary only: client → timestamp of the last request it assigned a sequence number to. */
  assigned: Record<string, number>;
  /** seq → state digest → replicas whose CHECKPOINT (own included) is logged. */
  checkpoints: Record<string, Record<string, ReplicaId[]>>;
  /**
   * Protocol messages above the high watermark H = h + L, kept until h moves: they stand for the
   * sender's retransmission (§4.3, §5.2), which a replica would otherwise need once its window
   * slides. Sorted by canonical order so that equal sets are equal snapshots.
   */
  deferred: Delivered<PrePrepare | Prepare | Commit>[];
  /** The service state: the history of executed operations. */
  executed: ExecutedEntry[];
  /** client → timestamp of the last request executed for it (§4.1: at-most-once semantics). */
  lastTimestamp: Record<string, number>;
  /** null: no view change (the normal case alone); every field below then keeps its initial value. */
  viewChange: ViewChangeSettings | null;
  /** The last view whose NEW-VIEW this replica installed (0 at start); below `view` while it changes views. */
  installedView: number;
  /** §4.4: each consecutive view change doubles the timeout; a request executed resets it to 1. */
  timeoutMultiplier: number;
  /** Expiries counted towards the current timeout, which is `timeoutMultiplier` timer periods. */
  timerTicks: number;
  /**
   * The model's cut-off (config.ts `viewChange.maxView`, docs/adr/0004): the view-change timer
   * fired in the last modelled view, where the protocol would move to the next. Runs end here
   * for the liveness checks; the replica starts no further view change.
   */
  pastLastView: boolean;
  /** §4.4: requests received and not yet executed, sorted; the view-change timer runs while any waits. */
  waiting: Request[];
  /** §4.4: the prepared certificates of the views it left, the highest view per seq above h (P). */
  prepared: Record<string, PreparedCertificate>;
  /** view → replica → the valid VIEW-CHANGE it sent for that view (own included), for views not yet installed. */
  viewChanges: Record<string, Record<string, ViewChange>>;
  /** §4.4: C, the proof of the last stable checkpoint (seq h). */
  stableProof: CheckpointProof;
  /** The last NEW-VIEW it installed, as verified (properties read it). */
  lastNewView: NewView | null;
  /**
   * State transfer (OSDI §4.3, TOCS §6.2): the stable checkpoint above its executed prefix whose
   * state it asked for with FETCH, as its proof (the digest a STATE must match); null: none.
   */
  fetching: CheckpointProof | null;
  /** The checkpoint seq of the last state it adopted by state transfer (0: none); properties read it. */
  adoptedState: number;
}

/** What a replica receives: a request from a client, or a protocol message from a replica. */
export type ReplicaEvent = Delivered<Request | PrePrepare | Prepare | Commit | Checkpoint | ViewChange | NewView | Fetch | State> | { type: "TIMEOUT"; timer: string };

/** What a replica emits for the runtime: sends to replicas (multicasts) and to clients (replies). */
export type ReplicaOutput = ActorOutput<PbftMessage>;
