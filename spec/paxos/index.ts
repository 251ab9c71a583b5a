export { acceptorMachine, highestVote, type AcceptorContext } from "./acceptor-machine.ts";
export { proposerMachine, type ProposerInput, type ProposerContext } from "./proposer-machine.ts";
export { paxosMessageSchema, describePaxosMessage, type PaxosMessage, type Vote } from "./messages.ts";
