import { z } from "zod";

/** A replica is named by its index in the replica set R = {0, …, n-1} (Castro & Liskov §4.1). */
export const replicaIdSchema = z.number().int().nonnegative();
export type ReplicaId = z.infer<typeof replicaIdSchema>;

/** A client is named by its index; client ids and replica ids are separate name spaces. */
export const clientIdSchema = z.number().int().nonnegative();
export type ClientId = z.infer<typeof clientIdSchema>;

/** Castro & Liskov §4.1: "the primary of a view is replica p such that p = v mod |R|". */
export function primaryOf(view: number, n: number): ReplicaId {
  return view % n;
}

/** All replica ids of an n-replica group, in ascending order. */
export function replicaIds(n: number): ReplicaId[] {
  return Array.from({ length: n }, (_, index) => index);
}

/** Replica i is the runtime actor "Ri"; client c is "Cc" (the actors' names in every trace). */
export function replicaName(replica: ReplicaId): string {
  return `R${replica}`;
}

export function clientName(client: ClientId): string {
  return `C${client}`;
}

/** The names of every replica but `self`, in ascending order: the receivers of a multicast. */
export function otherReplicaNames(self: ReplicaId, n: number): string[] {
  return replicaIds(n)
    .filter((replica) => replica !== self)
    .map(replicaName);
}
