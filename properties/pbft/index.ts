export { agreement, agreementHolds } from "./agreement.ts";
export { validity, validityHolds } from "./validity.ts";
export { integrity, integrityHolds } from "./integrity.ts";
export { totalOrder, totalOrderHolds } from "./total-order.ts";
export { termination, terminationHolds } from "./termination.ts";
export { committedDigests } from "./committed.ts";
export { pbftSafetyInvariants } from "./safety.ts";
export { choicesArbitrary, runChoices } from "./schedule-arbitrary.ts";
export type { ChoiceRun } from "./schedule-arbitrary.ts";
