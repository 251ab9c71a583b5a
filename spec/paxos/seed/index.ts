export { seedAcceptorMachine, type SeedAcceptorContext, type SeedAcceptorInput, type SeedReading } from "./acceptor-machine.ts";
export { seedProposerMachine, type SeedProposerContext, type SeedProposerInput } from "./proposer-machine.ts";
export { seedPaxosMessageSchema, describeSeedPaxosMessage, type SeedPaxosMessage } from "./messages.ts";
