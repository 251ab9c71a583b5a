import { initialTransition, transition, type AnyMachineSnapshot } from "xstate";
import { describe, expect, it } from "vitest";
import { machineOutputs, type MachineOutput } from "../../../impl/runtime/machine-outputs.ts";
import { byzantineReplicaMachine, type ByzantineEvent } from "../../../spec/pbft/byzantine-replica-machine.ts";
import { forgedState } from "../../../spec/pbft/forgeries.ts";
import type { Fetch, State } from "../../../spec/pbft/messages.ts";
import type { ReplicaEvent, ReplicaInput } from "../../../spec/pbft/replica-context.ts";
import { isObsoleteDelivery } from "../../../spec/pbft/replica-guards.ts";
import { replicaMachine } from "../../../spec/pbft/replica-machine.ts";
import { stateDigestOf } from "../../../spec/pbft/replica-rules.ts";
import { backup, checkpoint, commit, commitAtBackup, feed, prePrepare, prepare, request, type ReplicaState } from "../../support/pbft-fixtures.ts";
import { newViewMessage, run as vcRun, sentOf, step as vcStep, vcReplica, viewChangeMessage } from "../../support/view-change-fixtures.ts";

/**
 * State transfer (Castro & Liskov OSDI §4.3 last paragraph, TOCS §6.2): a replica behind a
 * stable checkpoint fetches its state, checks it against the checkpoint's digest and adopts it.
 */

type Event = ReplicaEvent | (Fetch & { from: string }) | (State & { from: string });

/** One pure step of a replica with every output it emits, whoever it goes to. */
function step(state: ReplicaState, events: readonly Event[]): { state: ReplicaState; outputs: MachineOutput[] } {
  let current = state;
  const outputs: MachineOutput[] = [];
  for (const event of events) {
    const [next, actions] = transition(replicaMachine, replicaMachine.resolveState(current), event as ReplicaEvent);
    current = { value: next.value, context: next.context };
    outputs.push(...machineOutputs(actions, `R${state.context.id}`));
  }
  return { state: current, outputs };
}

const fetch = (seq: number, replica: number): Fetch & { from: string } => ({ type: "FETCH", seq, replica, from: `R${replica}` });
const delivered = (message: State): State & { from: string } => ({ ...message, from: `R${message.replica}` });

const req = request();
const k1 = (overrides: Partial<ReplicaInput> = {}) => backup(1, { checkpointInterval: 1, ...overrides });
/** R2, a correct replica that executed the request at n = 1, and the digest of its state there. */
const executedR2 = feed(backup(2, { checkpointInterval: 1 }), [prePrepare(req, 1), prepare(req, 3), commit(req, 1), commit(req, 3)]).state;
const digest = stateDigestOf(executedR2.context.executed);
/** R1 heard 2f+1 = 3 matching CHECKPOINTs for n = 1 and has executed nothing. */
const lagging = () => step(k1(), [checkpoint(1, digest, 0), checkpoint(1, digest, 2), checkpoint(1, digest, 3)].map((message) => ({ ...message, from: `R${message.replica}` })));
const trueState = (): State => {
  const answer = step(executedR2, [fetch(1, 1)]).outputs[0]! as unknown as { message: State };
  return answer.message;
};

describe("state transfer: fetching (lagsBehindStableCheckpoint, fetchState)", () => {
  it("fetches the state of a checkpoint that 2f+1 CHECKPOINTs make stable above what it executed, from every other replica", () => {
    const { state, outputs } = lagging();
    expect(outputs).toEqual([{ type: "send", to: ["R0", "R2", "R3"], message: { type: "FETCH", seq: 1, replica: 1 } }]);
    expect(state.context.fetching).toEqual({ seq: 1, stateDigest: digest, replicas: [0, 2, 3] });
    expect([state.context.lowWatermark, state.context.lastExecuted]).toEqual([0, 0]);
  });

  it("does not fetch below a quorum of matching CHECKPOINTs", () => {
    const { state, outputs } = step(k1(), [checkpoint(1, digest, 0), checkpoint(1, digest, 2), checkpoint(1, "f".repeat(64), 3)].map((message) => ({ ...message, from: `R${message.replica}` })));
    expect(outputs).toEqual([]);
    expect(state.context.fetching).toBeNull();
  });

  it("does not fetch a checkpoint it reached itself: it makes it stable as before", () => {
    const executed = commitAtBackup(k1(), req, 1).state;
    const { state, outputs } = step(executed, [checkpoint(1, digest, 0), checkpoint(1, digest, 2)].map((message) => ({ ...message, from: `R${message.replica}` })));
    expect(outputs).toEqual([]);
    expect([state.context.lowWatermark, state.context.fetching, state.context.adoptedState]).toEqual([1, null, 0]);
  });

  it("fetches once per checkpoint: a further vote for it sends nothing", () => {
    const { state } = lagging();
    expect(step(state, [{ ...checkpoint(1, digest, 0), from: "R0" }]).outputs).toEqual([]);
  });
});

describe("state transfer: answering (hasExecutedFetchedSeq, sendState)", () => {
  it("a replica that executed up to n answers a FETCH with its history up to n, to the fetcher alone", () => {
    const { outputs } = step(executedR2, [fetch(1, 1)]);
    expect(outputs).toEqual([{ type: "send", to: ["R1"], message: { type: "STATE", seq: 1, executed: executedR2.context.executed, replica: 2 } }]);
  });

  it("a replica that has not executed up to n answers nothing, and keeps the FETCH (it may get there)", () => {
    const idle = backup(2, { checkpointInterval: 1 });
    expect(step(idle, [fetch(1, 1)]).outputs).toEqual([]);
    expect(isObsoleteDelivery(idle.context, fetch(1, 1))).toBe(false);
  });
});

describe("state transfer: adopting (isStateForFetchedCheckpoint, hasMatchingStateDigest, adoptState)", () => {
  it("adopts a STATE whose digest is the stable checkpoint's: executed up to n, h = n, the log at or below n discarded", () => {
    const { state, outputs } = step(lagging().state, [delivered(trueState())]);
    expect(outputs).toEqual([]);
    expect(state.context.executed).toEqual(executedR2.context.executed);
    expect(state.context.lastTimestamp).toEqual({ 0: 1 });
    expect([state.context.lastExecuted, state.context.lowWatermark, state.context.checkpointed, state.context.adoptedState]).toEqual([1, 1, 1, 1]);
    expect([state.context.fetching, state.context.checkpoints]).toEqual([null, {}]);
  });

  it("refuses a forged state whose digest is not the checkpoint's, and calls it obsolete", () => {
    const before = lagging().state;
    const forged = delivered(forgedState(3, 1));
    expect(step(before, [forged]).state).toEqual(before);
    expect(isObsoleteDelivery(before.context, forged)).toBe(true);
  });

  it("refuses a state with the checkpoint's digest whose entries are not bound to their requests", () => {
    const before = lagging().state;
    const genuine = trueState();
    const rebound = delivered({ ...genuine, executed: genuine.executed.map((entry) => ({ ...entry, op: "op0.forged" })), replica: 3 });
    expect(stateDigestOf(rebound.executed)).toBe(digest);
    expect(step(before, [rebound]).state).toEqual(before);
  });

  it("refuses a state for another seq than the checkpoint it fetches", () => {
    const before = lagging().state;
    const other = delivered({ type: "STATE", seq: 2, executed: [...trueState().executed, { ...trueState().executed[0]!, seq: 2 }], replica: 2 });
    expect(step(before, [other]).state).toEqual(before);
    // A STATE for a later checkpoint may still be the one it fetches next: not obsolete.
    expect(isObsoleteDelivery(before.context, other)).toBe(false);
  });

  it("takes no STATE while it fetches nothing, and none at or below what it executed (obsolete)", () => {
    const idle = k1();
    expect(step(idle, [delivered(trueState())]).state).toEqual(idle);
    const caughtUp = step(lagging().state, [delivered(trueState())]).state;
    expect(isObsoleteDelivery(caughtUp.context, delivered(trueState()))).toBe(true);
    expect(isObsoleteDelivery(caughtUp.context, fetch(1, 1))).toBe(true);
  });

  it("adopts a forged state under the unchecked-state-transfer mutant", () => {
    const lax = step(k1({ stateTransferBug: "unchecked-state-transfer" }), [checkpoint(1, digest, 0), checkpoint(1, digest, 2), checkpoint(1, digest, 3)].map((message) => ({ ...message, from: `R${message.replica}` }))).state;
    const { state } = step(lax, [delivered(forgedState(3, 1))]);
    expect(state.context.executed.map((entry) => entry.op)).toEqual(["null"]);
  });

  it("continues normally: a PRE-PREPARE deferred above the old H is taken once the state is adopted", () => {
    const second = request(0, 2);
    const deferred = step(k1({ window: 1 }), [{ ...prePrepare(second, 2), from: "R0" }]).state;
    expect(deferred.context.deferred).toHaveLength(1);
    const fetching = step(deferred, [checkpoint(1, digest, 0), checkpoint(1, digest, 2), checkpoint(1, digest, 3)].map((message) => ({ ...message, from: `R${message.replica}` }))).state;
    const { state, outputs } = step(fetching, [delivered(trueState())]);
    expect(state.context.slots[2]?.value).toBe("prePrepared");
    expect(outputs).toContainEqual({ type: "send", to: ["R0", "R2", "R3"], message: { type: "PREPARE", view: 0, seq: 2, digest: prePrepare(second, 2).digest, replica: 1 } });
  });

  it("stops fetching once it executes up to the checkpoint itself, and then calls the STATE obsolete", () => {
    const { state } = step(lagging().state, [prePrepare(req, 1), { type: "PREPARE", view: 0, seq: 1, digest: prePrepare(req, 1).digest, replica: 2 }, { type: "COMMIT", view: 0, seq: 1, digest: prePrepare(req, 1).digest, replica: 2 }, { type: "COMMIT", view: 0, seq: 1, digest: prePrepare(req, 1).digest, replica: 3 }].map((message) => ({ ...message, from: `R${message.replica}` }) as Event));
    expect([state.context.lastExecuted, state.context.lowWatermark, state.context.fetching, state.context.adoptedState]).toEqual([1, 1, null, 0]);
    expect(isObsoleteDelivery(state.context, delivered(trueState()))).toBe(true);
  });
});

describe("Byzantine replica: forge-state (TOCS §6.2)", () => {
  const start = (behaviours: string[]) => initialTransition(byzantineReplicaMachine, { id: 3, n: 4, behaviours: behaviours as never, adversarySlots: 1, forgeryBudget: 2 })[0];
  const run = (state: AnyMachineSnapshot, event: ByzantineEvent) => {
    const [next, actions] = transition(byzantineReplicaMachine, state, event);
    return { state: next, sent: machineOutputs(actions, "R3") };
  };
  const isObsolete = (state: AnyMachineSnapshot, event: ByzantineEvent): boolean =>
    (byzantineReplicaMachine.implementations.guards.isObsolete as (args: { context: unknown; event: ByzantineEvent }) => boolean)({ context: state.context, event });

  it("answers a FETCH with a history of null requests, once per fetcher and seq", () => {
    const first = run(start(["forge-state"]), fetch(1, 1) as ByzantineEvent);
    expect(first.sent).toEqual([{ type: "send", to: ["R1"], message: forgedState(3, 1) }]);
    expect(stateDigestOf(forgedState(3, 1).executed)).not.toBe(digest);
    expect(run(first.state, fetch(1, 1) as ByzantineEvent).sent).toEqual([]);
    expect(isObsolete(first.state, fetch(1, 1) as ByzantineEvent)).toBe(true);
  });

  it("without the behaviour a FETCH is obsolete to it", () => {
    expect(isObsolete(start(["forge-checkpoint"]), fetch(1, 1) as ByzantineEvent)).toBe(true);
    expect(run(start(["forge-checkpoint"]), fetch(1, 1) as ByzantineEvent).sent).toEqual([]);
  });
});

describe("state transfer from a NEW-VIEW (TOCS §4.4): min-s's proof C comes with V", () => {
  // V's three VIEW-CHANGEs for view 1 all claim the stable checkpoint n = 1 with its proof C.
  const proof = { seq: 1, stateDigest: digest, replicas: [0, 2, 3] };
  const viewChanges = [0, 2, 3].map((replica) => ({ ...viewChangeMessage(replica, 1), checkpoint: proof }));
  const newView = newViewMessage(1, viewChanges, []);

  it("a replica behind min-s installs the view and fetches the state at min-s, with C as the proof the answer must match", () => {
    // R3, a backup of view 1 (R1 is its primary, and sent the NEW-VIEW).
    const { state, outputs } = vcStep(vcReplica(3, 2, null, { checkpointInterval: 1 }), newView);
    expect(state.context.installedView).toBe(1);
    expect(sentOf(outputs, "FETCH")).toEqual([{ type: "FETCH", seq: 1, replica: 3 }]);
    expect(state.context.fetching).toEqual(proof);
  });

  it("a replica that executed up to min-s makes it stable instead, and fetches nothing", () => {
    const executed = vcRun(vcReplica(2, 2, null, { checkpointInterval: 1 }), [request(), prePrepare(req, 1), prepare(req, 3), commit(req, 1), commit(req, 3)]).state;
    expect(executed.context.lastExecuted).toBe(1);
    const { state, outputs } = vcStep(executed, newView);
    expect(state.context.installedView).toBe(1);
    expect(sentOf(outputs, "FETCH")).toEqual([]);
    expect(state.context.lowWatermark).toBe(1);
  });
});
