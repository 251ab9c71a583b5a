import type { ClientId, ReplicaId } from "../common/ids.ts";
import type { Checkpoint, PrePrepare, Commit, Prepare, Reply, Request } from "../common/messages.ts";
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

/** The replica's state (seed catalogue A12, decided after Castro & Liskov §4). */
export interface ReplicaContext extends ReplicaInput {
  view: number;
  /** h: sequence number of the last stable checkpoint. */
  lowWatermark: number;
  /** Primary only: the next sequence number to assign. */
  nextSeq: number;
  lastExecuted: number;
  /** The message log: one slot machine snapshot per sequence number in (h, H]. */
  slots: Record<string, SlotState>;
  /** Primary only: requests waiting for room in the window (§4.3). */
  queue: Request[];
  /** Primary only: client → timestamp of the last request it assigned a sequence number to. */
  assigned: Record<string, number>;
  /** seq → state digest → replicas whose CHECKPOINT (own included) is logged. */
  checkpoints: Record<string, Record<string, ReplicaId[]>>;
  /** The service state: the history of executed operations. */
  executed: ExecutedEntry[];
  /** client → timestamp of the last request executed for it (§4.1: at-most-once semantics). */
  lastTimestamp: Record<string, number>;
}

export type ReplicaEvent = Request | PrePrepare | Prepare | Commit | Checkpoint;

/** What a replica step produces: messages for every other replica, and replies for clients. */
export type ReplicaOutput = { type: "MULTICAST"; message: PrePrepare | Prepare | Commit | Checkpoint } | { type: "REPLY"; message: Reply };


/** The result of one replica rule: the next context and what it sends. */
export interface RuleResult {
  context: ReplicaContext;
  outputs: ReplicaOutput[];
}
