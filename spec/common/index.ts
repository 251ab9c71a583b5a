export * from "./canonical-json.ts";
export * from "./schedule.ts";
export * from "./input-error.ts";
