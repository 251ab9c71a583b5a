export * from "./block.ts";
export * from "./chain.ts";
export * from "./weights.ts";
