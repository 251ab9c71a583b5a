/**
 * What one machine step asks of the runtime, read off the actions XState's pure `transition`
 * returns: the machine `emit`s `send`, `setTimer` and `cancelTimer` events (protocol.ts) and
 * the runtime carries them out. Anything else it emits is a mistake in the machine.
 */
export type MachineOutput =
  | { type: "send"; to: string[]; message: { type: string } }
  | { type: "setTimer"; timer: string }
  | { type: "cancelTimer"; timer: string };

export function machineOutputs(actions: readonly unknown[], actor: string): MachineOutput[] {
  const outputs: MachineOutput[] = [];
  for (const action of actions as readonly { type: string; params?: { event?: unknown } }[]) {
    if (action.type !== "xstate.emit") continue;
    const event = action.params?.event as { type?: unknown; to?: unknown; message?: unknown; timer?: unknown } | undefined;
    if (event?.type === "send") {
      const to = Array.isArray(event.to) ? event.to : [event.to];
      if (!to.every((name): name is string => typeof name === "string")) throw new Error(`${actor} emitted a send whose "to" is not an actor name or a list of them`);
      if (typeof event.message !== "object" || event.message === null || typeof (event.message as { type?: unknown }).type !== "string") {
        throw new Error(`${actor} emitted a send without a message that has a string "type"`);
      }
      outputs.push({ type: "send", to, message: event.message as { type: string } });
    } else if ((event?.type === "setTimer" || event?.type === "cancelTimer") && typeof event.timer === "string") {
      outputs.push({ type: event.type, timer: event.timer });
    } else {
      throw new Error(`${actor} emitted ${JSON.stringify(event)}; a machine emits only send, setTimer and cancelTimer`);
    }
  }
  return outputs;
}
