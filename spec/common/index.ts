export * from "./ids.ts";
export * from "./quorum.ts";
export * from "./canonical-json.ts";
export * from "./messages.ts";
export * from "./digest.ts";
export * from "./pbft-config.ts";
export * from "./schedule.ts";
export * from "./input-error.ts";
