export { chosenValues, chosenBallot, decidedValues, referenceReading } from "./chosen.ts";
export { oneValueChosen, choiceIsStable, returnedValueIsChosen, returnedValuesAgree, chosenValueWasProposed, paxosInvariants, paxosInvariantsOver } from "./invariants.ts";
export { valueChosen, proposerReturned, crashedMidMulticast, paxosSometimes } from "./reachable.ts";
export type { ChosenReading } from "./reading.ts";
export { heldByMajority, seedChoiceHistory, seedReading, type SeedChoice, type SeedChoiceHistory } from "./seed-chosen.ts";
