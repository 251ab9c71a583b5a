/**
 * What a protocol's machines emit for the runtime (impl/runtime) to carry out: the one output
 * vocabulary every protocol shares. A machine declares it as its `emitted` type:
 * `setup({ types: { emitted: {} as ActorOutput<MyMessage> } })`.
 */
export type ActorOutput<Message extends { type: string } = { type: string }> =
  | { type: "send"; to: string | readonly string[]; message: Message }
  | { type: "setTimer"; timer: string }
  | { type: "cancelTimer"; timer: string };
