import type { FaultModel, ProtocolDefinition } from "../../impl/runtime/index.ts";
import { forgeriesDelivered, pbftSafetyInvariants, requestExecutedEverywhere, termination } from "../../properties/pbft/index.ts";
import { byzantineReplicaMachine, type ByzantineContext } from "../../spec/pbft/byzantine-replica-machine.ts";
import { clientMachine, type ClientContext } from "../../spec/pbft/client-machine.ts";
import { pbftConfigSchema, type PbftConfig } from "../../spec/pbft/config.ts";
import { clientName, primaryOf, replicaName } from "../../spec/pbft/ids.ts";
import { BYZANTINE_REPLICA_ROLE, CRASHABLE_REPLICA_ROLE } from "../../properties/pbft/reading.ts";
import { describePbftMessage, pbftMessageSchema, type PbftMessage } from "../../spec/pbft/messages.ts";
import { checkpointQuorum, commitQuorum, prepareQuorum, quorumSize, replyQuorum } from "../../spec/pbft/quorum.ts";
import type { ReplicaContext, ViewChangeSettings } from "../../spec/pbft/replica-context.ts";
import { replicaMachine } from "../../spec/pbft/replica-machine.ts";
import { pbftSteps } from "./pbft-steps.ts";

export { pbftConfigSchema, type PbftConfig };

/**
 * The certificate sizes the replicas run with: the quorum rule's, unless a mutant overrides the
 * PREPARE or COMMIT count. One function, so the replicas and the reports' bounds cannot disagree.
 */
export function certificateSizes(config: PbftConfig): { prepareQuorum: number; commitQuorum: number; checkpointQuorum: number; replyQuorum: number } {
  return {
    prepareQuorum: config.quorumOverrides.prepare ?? prepareQuorum(config.n, config.f, config.quorumRule),
    commitQuorum: config.quorumOverrides.commit ?? commitQuorum(config.n, config.f, config.quorumRule),
    checkpointQuorum: checkpointQuorum(config.n, config.f, config.quorumRule),
    replyQuorum: replyQuorum(config.f),
  };
}

/**
 * What the replicas run the view change with (§4.4), or null without it: the cut-off, the
 * VIEW-CHANGE quorum (2f+1, or f+1 for the weak-quorum mutant) and the mutant's bug.
 */
export function viewChangeSettings(config: PbftConfig): ViewChangeSettings | null {
  const viewChange = config.viewChange;
  if (viewChange === undefined) return null;
  const viewChangeQuorum = viewChange.bug === "weak-view-change-quorum" ? config.f + 1 : quorumSize(config.n, config.f, config.quorumRule);
  return { maxView: viewChange.maxView, viewChangeQuorum, bug: viewChange.bug ?? null };
}

/**
 * The role of the correct replicas a config names `viewChange.crashable`: the same machine, a
 * role of its own because the runtime's crash model picks crashable actors by role.
 */
export { CRASHABLE_REPLICA_ROLE };

/** A group of replicas cut off from the rest of the cluster, the clients staying with the rest: the runtime's two sides. */
function partitionSides(config: PbftConfig, group: readonly number[]): string[][] {
  const isolated = new Set(group);
  const replicas = Array.from({ length: config.n }, (_, replica) => replica);
  const clients = Array.from({ length: config.clients }, (_, client) => clientName(client));
  return [replicas.filter((replica) => isolated.has(replica)).map(replicaName), [...replicas.filter((replica) => !isolated.has(replica)).map(replicaName), ...clients]];
}

/** Duplicate steps in one run where the config's network duplicates (the runtime's duplication budget). */
export const DUPLICATES_PER_RUN = 2;

/** Replays a Byzantine replica may make when its config names `replay`: the forgery budget, 2 when it is unbounded. */
const UNBOUNDED_REPLAYS = 2;

function faults(config: PbftConfig): FaultModel {
  const byzantine = config.byzantine.map((entry) => replicaName(entry.replica));
  const replays = config.byzantine.some((entry) => entry.behaviours.includes("replay"));
  return {
    crashes: config.viewChange?.crashes ?? 0,
    // Crash-stop correct replicas (a Byzantine one may already stop at will); the runtime picks crashable actors by role.
    crashable: config.viewChange?.crashable === undefined ? ["replica"] : [CRASHABLE_REPLICA_ROLE],
    // §4.2: with the view change's `midMulticast` a crashing replica may stop part-way through a multicast (a prefix of its sends leaves).
    midMulticast: config.viewChange?.midMulticast ?? false,
    byzantine,
    // Castro & Liskov §2: at most f faulty replicas; a model that breaks it on purpose says so.
    budget: config.exceedFaultBudget ? Math.max(config.f, byzantine.length) : config.f,
    ...(replays ? { replay: { budget: config.forgeryBudget ?? UNBOUNDED_REPLAYS } } : {}),
  };
}

/**
 * The view change's bound: the cut-off view, and what doubling a timeout means on a runtime
 * whose time is counted in steps.
 */
function viewChangeBound(config: PbftConfig): string {
  const viewChange = config.viewChange;
  if (viewChange === undefined) return "one view, no timers: no view change, so a faulty primary is never replaced";
  return (
    `views 0 … ${viewChange.maxView}: a replica in view ${viewChange.maxView} starts no further view change, and its timer's expiry there is the cut-off; ` +
    "a timeout is a number of timer expiries, doubled by each consecutive view change; a client retransmits its request to all replicas once"
  );
}

const plural = (n: number, noun: string, nouns = `${noun}s`): string => `${n} ${n === 1 ? noun : nouns}`;

function bounds(config: PbftConfig): string[] {
  const sizes = certificateSizes(config);
  const overridden = (field: "prepare" | "commit") => (config.quorumOverrides[field] === undefined ? "" : " (overridden)");
  return [
    `f = ${config.f}; quorum Q = ${config.quorumRule} = ${quorumSize(config.n, config.f, config.quorumRule)}`,
    `prepared on the PRE-PREPARE and ${plural(sizes.prepareQuorum, "PREPARE")}${overridden("prepare")}, committed on ${plural(sizes.commitQuorum, "COMMIT")}${overridden("commit")}, ` +
      `a checkpoint stable on ${plural(sizes.checkpointQuorum, "CHECKPOINT")}, a result accepted on ${plural(sizes.replyQuorum, "matching REPLY")}`,
    `${plural(config.requests, "request")} from ${config.clients === 1 ? "1 client" : `each of ${config.clients} clients`}`,
    `window L = ${config.window}, checkpoints every K = ${config.checkpointInterval}`,
    viewChangeBound(config),
    config.checkTermination ? "termination checked in the states where nothing is enabled (every run ends)" : "termination not checked",
  ];
}

/**
 * What the Byzantine replicas' config adds to the runtime's wording of `faults` (which names
 * every behaviour of their role): the behaviours each one's machine is given, and the strategy's
 * budget, its forgeries and the sequence numbers they name.
 */
function faultNotes(config: PbftConfig): { faults: string[]; budgets: string[] } {
  const forging = config.byzantine.some((entry) => entry.behaviours.some((behaviour) => behaviour !== "silent"));
  const slots = config.adversarySlots === 1 ? "sequence number 1" : `sequence numbers 1 to ${config.adversarySlots}`;
  return {
    faults: config.byzantine.map(({ replica, behaviours }) => `${replicaName(replica)}${replica === primaryOf(0, config.n) ? " (the first primary)" : ""} Byzantine: ${behaviours.join(", ")} (its config's behaviours)`),
    budgets: forging
      ? [config.forgeryBudget === undefined ? "forgeries: any number per run" : `forgeries: at most ${config.forgeryBudget} per Byzantine replica and run`, `forgeries name ${slots}`]
      : [],
  };
}

/**
 * PBFT on the runtime (Castro & Liskov OSDI'99 §4.1–4.4): replicas R0 … R{n−1} (the Byzantine
 * ones run the adversary's machine), clients C0 …, the ten messages, the client's request and
 * the Byzantine behaviours as step kinds, an asynchronous network that may lose or duplicate
 * messages (partially synchronous with the view change, unless its config asks for async), one
 * fault budget f shared with crashes, the safety suite, bounded termination where the config
 * checks it, and what must be reachable. The view change's models use `pbftViewChangeProtocol`
 * (pbft-view-change.ts), which adds a ghost history and its properties.
 */
export const pbftProtocol: ProtocolDefinition<PbftConfig, PbftMessage> = {
  name: "pbft",
  roles: { replica: replicaMachine, [CRASHABLE_REPLICA_ROLE]: replicaMachine, [BYZANTINE_REPLICA_ROLE]: byzantineReplicaMachine, client: clientMachine },
  messageSchema: pbftMessageSchema,
  describeMessage: describePbftMessage,
  actors(config) {
    const sizes = certificateSizes(config);
    const byzantine = new Map(config.byzantine.map((entry) => [entry.replica, entry.behaviours]));
    const replicas = Array.from({ length: config.n }, (_, id) => {
      const behaviours = byzantine.get(id);
      if (behaviours !== undefined) {
        const forgesNewViews = behaviours.includes("forge-new-view") || behaviours.includes("equivocate-new-view") ? { viewChangeQuorum: quorumSize(config.n, config.f, config.quorumRule) } : {};
        const forgesViewChanges = behaviours.includes("forge-view-change") && config.viewChange !== undefined ? { maxView: config.viewChange.maxView, prepareQuorum: sizes.prepareQuorum } : {};
        const input = {
          id,
          n: config.n,
          behaviours: behaviours.filter((behaviour) => behaviour !== "silent" && behaviour !== "replay"),
          adversarySlots: config.adversarySlots,
          forgeryBudget: config.forgeryBudget ?? null,
          ...forgesNewViews,
          ...forgesViewChanges,
        };
        return { name: replicaName(id), role: BYZANTINE_REPLICA_ROLE, input };
      }
      const { replyQuorum: _reply, ...quorums } = sizes;
      const viewChange = viewChangeSettings(config);
      const bug = config.stateTransferBug === undefined ? {} : { stateTransferBug: config.stateTransferBug };
      const input = { id, n: config.n, f: config.f, window: config.window, checkpointInterval: config.checkpointInterval, ...quorums, ...(viewChange === null ? {} : { viewChange }), ...bug };
      return { name: replicaName(id), role: config.viewChange?.crashable?.includes(id) ? CRASHABLE_REPLICA_ROLE : "replica", input };
    });
    const retransmit = config.viewChange === undefined ? {} : { retransmit: true };
    const clients = Array.from({ length: config.clients }, (_, id) => ({ name: clientName(id), role: "client", input: { id, n: config.n, replyQuorum: sizes.replyQuorum, requests: config.requests, ...retransmit } }));
    return [...replicas, ...clients];
  },
  network: (config) => ({
    duplication: config.network.duplicate ? { copies: DUPLICATES_PER_RUN } : "none",
    loss: config.network.drop,
    ...(config.network.partitions.length === 0 ? {} : { partitions: config.network.partitions.map((group) => partitionSides(config, group)) }),
  }),
  faults,
  time: (config) =>
    config.viewChange === undefined || config.viewChange.time === "async" ? { kind: "async" } : { kind: "partial-sync", delta: config.viewChange.delta, timeouts: config.viewChange.timeouts },
  bounds,
  faultNotes,
  invariants: () => pbftSafetyInvariants,
  sometimes: (config) => [requestExecutedEverywhere, ...forgeriesDelivered(config)],
  terminal: (config) => (config.checkTermination ? termination : undefined),
  steps: pbftSteps,
  summarise(actor) {
    if (actor.role === "client") {
      const context = actor.context as ClientContext;
      return `accepted ${context.accepted.length}/${context.requests}`;
    }
    if (actor.role === BYZANTINE_REPLICA_ROLE) {
      const context = actor.context as ByzantineContext;
      return `Byzantine, ${plural(context.forged.length, "forgery", "forgeries")}`;
    }
    const context = actor.context as ReplicaContext;
    const slots = Object.entries(context.slots).map(([seq, slot]) => {
      const request = slot.context.request;
      return `n${seq} ${slot.value}${request === null ? "" : ` c${request.client}t${request.timestamp}`}`;
    });
    const view = context.viewChange === null ? [] : [`v${context.view}${context.installedView < context.view ? " (changing)" : ""}`];
    return [...view, `h=${context.lowWatermark}`, ...slots].join(", ");
  },
};
