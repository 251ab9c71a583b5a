import type { ActorOutput } from "../common/actor-outputs.ts";
import type { ClientId, ReplicaId } from "./ids.ts";
import type { Checkpoint, Commit, Delivered, PbftMessage, PrePrepare, Prepare, Request } from "./messages.ts";
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
}

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
}

/** What a replica receives: a request from a client, or a protocol message from a replica. */
export type ReplicaEvent = Delivered<Request | PrePrepare | Prepare | Commit | Checkpoint>;

/** What a replica emits for the runtime: sends to replicas (multicasts) and to clients (replies). */
export type ReplicaOutput = ActorOutput<PbftMessage>;
