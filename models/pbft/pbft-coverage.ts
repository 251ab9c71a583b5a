import { certificateSizes } from "../../impl/cluster/certificates.ts";
import { MAX_COPIES } from "../../impl/cluster/cluster-steps.ts";
import type { Coverage } from "../../spec/common/coverage.ts";
import { primaryOf } from "../../spec/common/ids.ts";
import type { PbftConfig } from "../../spec/common/pbft-config.ts";
import { quorumSize } from "../../spec/common/quorum.ts";

/**
 * What a check of a PBFT model covers, worded from its config and from what the cluster
 * (impl/cluster) reads of it: the certificate sizes it computes, the copies its network keeps.
 * The normal case only: the cluster has one view and no timers.
 */
export function pbftCoverage(config: PbftConfig): Coverage {
  return { bounds: bounds(config), faults: faults(config), budgets: budgets(config), time: time(config) };
}

const plural = (n: number, noun: string): string => `${n} ${noun}${n === 1 ? "" : "s"}`;

function bounds(config: PbftConfig): string[] {
  const sizes = certificateSizes(config);
  const overridden = (field: "prepare" | "commit") => (config.quorumOverrides[field] === undefined ? "" : " (overridden)");
  const clients = config.clients === 1 ? "1 client" : `each of ${config.clients} clients`;
  return [
    `${plural(config.n, "replica")}, f = ${config.f}; quorum Q = ${config.quorumRule} = ${quorumSize(config.n, config.f, config.quorumRule)}`,
    `prepared on the PRE-PREPARE and ${plural(sizes.prepareQuorum, "PREPARE")}${overridden("prepare")}, committed on ${plural(sizes.commitQuorum, "COMMIT")}${overridden("commit")}, ` +
      `a checkpoint stable on ${plural(sizes.checkpointQuorum, "CHECKPOINT")}, a result accepted on ${plural(sizes.replyQuorum, "matching REPLY")}`,
    `${plural(config.requests, "request")} from ${clients}`,
    `window L = ${config.window}, checkpoints every K = ${config.checkpointInterval}`,
  ];
}

/** Whether some Byzantine replica sends anything: every behaviour but silent forges messages. */
function forging(config: PbftConfig): boolean {
  return config.byzantine.some((entry) => entry.behaviours.some((behaviour) => behaviour !== "silent"));
}

function faults(config: PbftConfig): string[] {
  const primary = primaryOf(0, config.n);
  const byzantine = config.byzantine.map(
    ({ replica, behaviours }) => `replica ${replica}${replica === primary ? " (the primary)" : ""} Byzantine: ${behaviours.join(", ")}`,
  );
  const network: string[] = [];
  if (config.network.drop) network.push("the network loses messages: any message in flight may be dropped");
  if (config.network.duplicate) network.push("the network duplicates messages: any message in flight may be copied");
  return [
    ...(byzantine.length === 0 ? ["no Byzantine replica"] : byzantine),
    "no crashes: every other replica and every client follows the protocol",
    ...(network.length === 0 ? ["the network neither loses nor duplicates messages"] : network),
  ];
}

function budgets(config: PbftConfig): string[] {
  const lines: string[] = [];
  if (!forging(config)) lines.push("forgeries: none (no Byzantine replica sends anything)");
  else {
    lines.push(config.forgeryBudget === undefined ? "forgeries: any number per run" : `forgeries: at most ${config.forgeryBudget} per run`);
    const slots = config.adversarySlots === 1 ? "sequence number 1" : `sequence numbers 1 to ${config.adversarySlots}`;
    lines.push(`adversary slots: forged PRE-PREPAREs, votes and CHECKPOINTs name ${slots}`);
  }
  if (config.network.drop) lines.push("losses: any number per run");
  if (config.network.duplicate) lines.push(`duplicates: at most ${MAX_COPIES} copies of a message in flight at once`);
  return lines;
}

function time(config: PbftConfig): string[] {
  return [
    "asynchronous: any message in flight may be delivered next",
    "one view, no timers: no view change, so a faulty primary is never replaced",
    config.checkTermination ? "termination checked in the states where nothing is enabled (every run ends)" : "termination not checked",
  ];
}
