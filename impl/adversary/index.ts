export * from "./fault-budget.ts";
export * from "./adversary-state.ts";
export * from "./byzantine-actions.ts";
export * from "./forged-messages.ts";
