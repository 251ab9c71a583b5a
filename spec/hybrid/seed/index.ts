export * from "./engines.ts";
export * from "./messages.ts";
export * from "./node-machine.ts";
export * from "./byzantine-machine.ts";
