export { senderMachine } from "./sender-machine.ts";
export { receiverMachine } from "./receiver-machine.ts";
export { linkMessageSchema, type LinkMessage } from "./messages.ts";
