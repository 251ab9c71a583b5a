export * from "./envelope.ts";
export * from "./message-id.ts";
export * from "./network.ts";
export * from "./random-step.ts";
