export { chosenValues, chosenBallot, decidedValues } from "./chosen.ts";
export { oneValueChosen, choiceIsStable, returnedValueIsChosen, returnedValuesAgree, chosenValueWasProposed, paxosInvariants } from "./invariants.ts";
export { valueChosen, proposerReturned, crashedMidMulticast, paxosSometimes } from "./reachable.ts";
