import type { Coverage } from "../../spec/common/coverage.ts";
import type { ActorDeclaration, FaultModel, NetworkModel, ProtocolDefinition, TimeModel } from "./protocol.ts";

/**
 * What a check of a runtime protocol covers, worded from its declaration: its actors by role,
 * its own `bounds`, its network, fault and time models. Every protocol on the runtime gets it
 * for free, and it cannot drift from what the runtime explores, which reads the same
 * declarations: an actor that is not declared Byzantine and has not crashed follows its machine.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function runtimeCoverage<Config>(protocol: ProtocolDefinition<Config, any>, config: Config): Coverage {
  const roles = Object.keys(protocol.roles);
  const actors = protocol.actors(config);
  const faults = protocol.faults(config);
  const network = protocol.network(config);
  const bounds = roles.flatMap((role) => {
    const names = actors.filter((actor) => actor.role === role).map((actor) => actor.name);
    return names.length === 0 ? [] : [`${count(names.length, role)}: ${names.join(", ")}`];
  });
  const notes = protocol.faultNotes?.(config) ?? {};
  return {
    bounds: [...bounds, ...(protocol.bounds?.(config) ?? [])],
    faults: [...crashFaults(faults, roles), ...networkFaults(network), ...byzantineFaults(protocol, faults, actors), ...(notes.faults ?? [])],
    budgets: [...budgets(faults, network, roles, actors.map((actor) => actor.role)), ...(notes.budgets ?? [])],
    time: [...timeLines(protocol.time(config)), ...fairnessLines(protocol, config)],
  };
}

/** "1 proposer", "3 acceptors": roles are singular nouns. */
function count(n: number, role: string): string {
  return `${n} ${role}${n === 1 ? "" : "s"}`;
}

function crashableRoles(faults: FaultModel, roles: readonly string[]): readonly string[] {
  return faults.crashable ?? roles;
}

function crashFaults(faults: FaultModel, roles: readonly string[]): string[] {
  if (faults.crashes === 0) return ["no crashes"];
  const crashable = crashableRoles(faults, roles);
  const how = faults.midMulticast ? "at any step, also part-way through a multicast (a prefix of it leaves)" : "at any step, between two steps";
  const stay = faults.recover === true ? "and may recover from their initial state (amnesia)" : "and stay down";
  const never = roles.filter((role) => !crashable.includes(role));
  return [`${crashable.map((role) => `${role}s`).join(" and ")} may crash ${stay}, ${how}`, ...(never.length === 0 ? [] : [`${never.map((role) => `${role}s`).join(" and ")} never crash`])];
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
function byzantineFaults<Config>(protocol: ProtocolDefinition<Config, any>, faults: FaultModel, actors: readonly ActorDeclaration[]): string[] {
  const lines: string[] = [];
  const byzantine = faults.byzantine ?? [];
  if (byzantine.length === 0) lines.push("no Byzantine faults: an actor that has not crashed follows its machine");
  else {
    // Per Byzantine actor, the behaviours its role's machine may take (the step kinds offered to it).
    for (const name of byzantine) {
      const role = actors.find((actor) => actor.name === name)?.role;
      const behaviours = Object.entries(protocol.steps ?? {})
        .filter(([, kind]) => kind.byzantine === true && role !== undefined && kind.roles.includes(role))
        .map(([kind]) => kind);
      lines.push(`Byzantine: ${name}, driven by ${behaviours.length === 0 ? "its machine alone" : `the behaviours ${behaviours.join(", ")} (as its machine's guards allow)`}`);
    }
    if (faults.replay !== undefined) lines.push(`Byzantine actors replay any message ${faults.replay.seesNetwork === true ? "ever sent on the network" : "sent to them"}, to anyone`);
  }
  if ((faults.omissive ?? []).length > 0) lines.push(`omission faults: any message sent by or to ${faults.omissive!.join(", ")} may be lost, also after GST`);
  return lines;
}

function networkFaults(network: NetworkModel): string[] {
  const lines: string[] = [];
  if (network.ordering === "fifo") lines.push("FIFO links: messages between two actors are delivered in the order sent");
  if (network.loss) lines.push("the network loses messages: any message in flight may be dropped");
  if (network.duplication === "persistent") lines.push("the network duplicates messages: a sent message stays deliverable for ever");
  else if (typeof network.duplication === "object") lines.push("the network duplicates messages: a duplicate step adds a copy of a message in flight");
  if (network.partitions !== undefined) lines.push(`the network may partition (${network.partitions.length} declared partition${network.partitions.length === 1 ? "" : "s"}) and heal`);
  return lines.length === (network.ordering === "fifo" ? 1 : 0) ? [...lines, "the network neither loses nor duplicates messages"] : lines;
}

function budgets(faults: FaultModel, network: NetworkModel, roles: readonly string[], actorRoles: readonly string[]): string[] {
  const crashable = crashableRoles(faults, roles);
  const candidates = actorRoles.filter((role) => crashable.includes(role)).length;
  const among = crashable.length === 1 ? count(candidates, crashable[0]!) : `${candidates} actors (${crashable.map((role) => `${role}s`).join(" and ")})`;
  const lines = [faults.crashes === 0 ? "crashes: none" : `crashes: at most ${faults.crashes}${faults.recover === true ? " crash steps" : ""} per run, of ${among}`];
  if (network.loss) lines.push("losses: any number per run");
  if (network.duplication === "persistent") lines.push("duplicates: any number per run (a delivery never consumes a message)");
  else if (typeof network.duplication === "object") lines.push(`duplicates: at most ${network.duplication.copies} per run`);
  if (faults.budget !== undefined) lines.push(`fault budget f = ${faults.budget}: Byzantine and omission-faulty actors plus crashes, checked on every step`);
  if (faults.replay !== undefined) lines.push(`replays: at most ${faults.replay.budget} per run`);
  return lines;
}

/** What the liveness checks assume and where they stop (impl/runtime/fairness.ts). */
function fairnessLines<Config>(protocol: ProtocolDefinition<Config, any>, config: Config): string[] {
  const liveness = protocol.liveness?.(config) ?? [];
  if (liveness.length === 0) return ["liveness: not checked (the protocol declares no liveness property)"];
  const from = protocol.time(config).kind === "partial-sync" ? "after GST (a run must reach it)" : "from the start";
  const lines = [
    `liveness (${liveness.map((property) => property.name).join("; ")}) under weak fairness ${from}: every message to a correct actor is eventually delivered or lost, every timer a correct actor keeps set eventually fires, every step a correct actor may take of its own accord is eventually taken`,
  ];
  const cutOff = protocol.livenessCutOff?.(config);
  if (cutOff !== undefined) lines.push(`runs end at the model's cut-off (${cutOff.name}): one that gets there after GST without the property is undecided, one before GST is not judged`);
  return lines;
}

function timeLines(time: TimeModel): string[] {
  switch (time.kind) {
    case "async":
      return ["asynchronous: any message may be delivered next, timers fire at any time"];
    case "partial-sync":
      return [
        "partially synchronous: asynchronous until a gst step",
        time.timeouts === "long-enough"
          ? `after GST, no timer of a correct actor fires while any message to a correct actor is in flight (timeouts longer than any delivery in progress), and no message between correct actors is lost`
          : `after GST, no timer of a correct actor fires while a message from a correct actor to it is more than Δ = ${time.delta} steps old, and no message between correct actors is lost`,
      ];
  }
}
