export * from "./votes.ts";
export * from "./slashing.ts";
export * from "./fork-choice.ts";
export * from "./finality.ts";
export * from "./config.ts";
export * from "./messages.ts";
export * from "./node-machine.ts";
export * from "./byzantine-node-machine.ts";
