import { z } from "zod";

/**
 * How a replica computes its quorum Q from (n, f). Castro & Liskov size every certificate at
 * 2f+1 (with n = 3f+1); many implementations compute n-f instead. The two agree at n = 3f+1
 * and fail differently below it (seed catalogue A11.3): n-f gives up safety, 2f+1 liveness.
 */
export const quorumRuleSchema = z.enum(["2f+1", "n-f"]);
export type QuorumRule = z.infer<typeof quorumRuleSchema>;

/** The certificate size Q: how many distinct replicas must vouch for one (v, n, d). */
export function quorumSize(n: number, f: number, rule: QuorumRule): number {
  return rule === "2f+1" ? 2 * f + 1 : n - f;
}

/**
 * PBFT §4.2: prepared(m, v, n, i) needs the pre-prepare plus 2f matching PREPAREs from
 * distinct backups; the primary's pre-prepare stands for its own vote, so the PREPARE count
 * is Q - 1.
 */
export function prepareQuorum(n: number, f: number, rule: QuorumRule): number {
  return quorumSize(n, f, rule) - 1;
}

/** PBFT §4.2: committed-local(m, v, n, i) needs prepared plus 2f+1 matching COMMITs (Q). */
export function commitQuorum(n: number, f: number, rule: QuorumRule): number {
  return quorumSize(n, f, rule);
}

/** PBFT §4.4 (checkpoints): a checkpoint is stable with 2f+1 matching CHECKPOINTs (Q). */
export function checkpointQuorum(n: number, f: number, rule: QuorumRule): number {
  return quorumSize(n, f, rule);
}

/** PBFT §4.1: the client waits for f+1 replies with the same result; one is from a correct replica. */
export function replyQuorum(f: number): number {
  return f + 1;
}

/** Seed catalogue A11 / Castro & Liskov §3: tolerating f Byzantine replicas needs n ≥ 3f+1. */
export function isByzantineBoundMet(n: number, f: number): boolean {
  return n >= 3 * f + 1;
}
