import { initialTransition, transition, type AnyMachineSnapshot } from "xstate";
import { describe, expect, it } from "vitest";
import { machineOutputs } from "../../../impl/runtime/machine-outputs.ts";
import { byzantineReplicaMachine, type ByzantineEvent } from "../../../spec/pbft/byzantine-replica-machine.ts";
import type { NewView } from "../../../spec/pbft/messages.ts";
import { newViewOrder } from "../../../spec/pbft/new-view-order.ts";
import { viewChangeMessage } from "../../support/view-change-fixtures.ts";

function run(events: ByzantineEvent[], viewChangeQuorum?: number): { state: AnyMachineSnapshot; sent: ReturnType<typeof machineOutputs> } {
  let [state] = initialTransition(byzantineReplicaMachine, { id: 1, n: 4, behaviours: ["forge-new-view"], adversarySlots: 1, forgeryBudget: 1, ...(viewChangeQuorum === undefined ? {} : { viewChangeQuorum }) });
  const sent: ReturnType<typeof machineOutputs> = [];
  for (const event of events) {
    const [next, actions] = transition(byzantineReplicaMachine, state, event);
    state = next;
    sent.push(...machineOutputs(actions, "R1"));
  }
  return { state, sent };
}

const isObsolete = (state: AnyMachineSnapshot, event: ByzantineEvent): boolean =>
  (byzantineReplicaMachine.implementations.guards.isObsolete as (args: { context: unknown; event: ByzantineEvent }) => boolean)({ context: state.context, event });

describe("Byzantine new primary: forge-new-view (§4.4)", () => {
  const received = [
    { ...viewChangeMessage(2, 1), from: "R2" },
    { ...viewChangeMessage(3, 1), from: "R3" },
  ] as ByzantineEvent[];

  it("collects VIEW-CHANGEs for its own view, then sends a NEW-VIEW with a genuine V and an O that V does not give", () => {
    const { sent } = run([...received, { type: "FORGE_NEW_VIEW", view: 1, to: "R2" }], 3);
    const message = (sent[0] as unknown as { message: NewView }).message;
    expect(message.viewChanges.map((entry) => entry.replica)).toEqual([1, 2, 3]);
    expect(message.prePrepares).toHaveLength(newViewOrder(message.viewChanges).prePrepares.length + 1);
  });

  it("cannot forge before 2f+1 VIEW-CHANGEs, and ignores VIEW-CHANGEs for views it does not lead or has logged", () => {
    const early = run([received[0]!, { type: "FORGE_NEW_VIEW", view: 1, to: "R2" }], 3);
    expect(early.sent).toEqual([]);
    expect(isObsolete(early.state, received[0]!)).toBe(true);
    expect(isObsolete(early.state, { ...viewChangeMessage(2, 2), from: "R2" } as ByzantineEvent)).toBe(true);
    expect(isObsolete(early.state, received[1]!)).toBe(false);
    expect(run([...received, { type: "FORGE_NEW_VIEW", view: 1, to: "R2" }]).sent).toEqual([]);
  });
});
