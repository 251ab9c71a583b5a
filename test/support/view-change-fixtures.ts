import { initialTransition, transition } from "xstate";
import { machineOutputs, type MachineOutput } from "../../impl/runtime/machine-outputs.ts";
import { prepareSignature } from "../../spec/pbft/signatures.ts";
import { requestDigest } from "../../spec/pbft/digest.ts";
import type { NewView, PbftMessage, PreparedCertificate, Request, ViewChange } from "../../spec/pbft/messages.ts";
import type { ReplicaInput, ViewChangeBug } from "../../spec/pbft/replica-context.ts";
import { stateDigestOf } from "../../spec/pbft/replica-rules.ts";
import { replicaMachine } from "../../spec/pbft/replica-machine.ts";
import { replicaInput, senderOf, type ReplicaState } from "./pbft-fixtures.ts";

/** Fixtures for the view change (Castro & Liskov §4.4): n = 4, f = 1, 2f+1 quorums, cut-off at view 2 unless overridden. */
export function vcInput(id: number, maxView = 2, bug: ViewChangeBug | null = null, overrides: Partial<ReplicaInput> = {}): ReplicaInput {
  return replicaInput(id, { viewChange: { maxView, viewChangeQuorum: 3, bug }, ...overrides });
}

export function vcReplica(id: number, maxView = 2, bug: ViewChangeBug | null = null, overrides: Partial<ReplicaInput> = {}): ReplicaState {
  const [snapshot] = initialTransition(replicaMachine, vcInput(id, maxView, bug, overrides));
  return { value: snapshot.value, context: snapshot.context };
}

export type VcEvent = PbftMessage | { type: "TIMEOUT"; timer: string };

/** One pure step with everything it emits (sends and timer operations), as the runtime reads them. */
export function step(state: ReplicaState, event: VcEvent, from?: string): { state: ReplicaState; outputs: MachineOutput[] } {
  const delivered = event.type === "TIMEOUT" ? event : { ...event, from: from ?? senderOf(event as never) };
  const [next, actions] = transition(replicaMachine, replicaMachine.resolveState(state), delivered as never);
  return { state: { value: next.value, context: next.context }, outputs: machineOutputs(actions, `R${state.context.id}`) };
}

export function run(state: ReplicaState, events: readonly VcEvent[]): { state: ReplicaState; outputs: MachineOutput[] } {
  let current = state;
  const outputs: MachineOutput[] = [];
  for (const event of events) {
    const stepped = step(current, event);
    current = stepped.state;
    outputs.push(...stepped.outputs);
  }
  return { state: current, outputs };
}

export const TIMEOUT = { type: "TIMEOUT", timer: "view-change" } as const;

export const sentOf = (outputs: readonly MachineOutput[], type: string) =>
  outputs.flatMap((output) => (output.type === "send" && output.message.type === type ? [output.message as PbftMessage] : []));

export function preparedCertificate(req: Request, seq = 1, view = 0): PreparedCertificate {
  const prepares = [1, 2, 3].filter((id) => id !== view % 4).slice(0, 2);
  return { view, seq, digest: requestDigest(req), request: req, primary: view % 4, prepares, signatures: prepares.map((signer) => prepareSignature(signer, view, seq, requestDigest(req))) };
}

export function viewChangeMessage(replica: number, view: number, prepared: PreparedCertificate[] = []): ViewChange {
  return { type: "VIEW-CHANGE", view, checkpoint: { seq: 0, stateDigest: stateDigestOf([]), replicas: [] }, prepared, replica };
}

export function newViewMessage(view: number, viewChanges: ViewChange[], prePrepares: NewView["prePrepares"]): NewView {
  return { type: "NEW-VIEW", view, viewChanges, prePrepares, replica: view % 4 };
}
