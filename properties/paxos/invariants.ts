import type { RuntimeInvariant } from "../../impl/runtime/index.ts";
import { decidedValues, referenceReading } from "./chosen.ts";
import type { ChosenReading } from "./reading.ts";

/**
 * The catalogue's Paxos properties (seed catalogue B7), once, over a variant's reading of
 * "chosen" (reading.ts):
 * PX1 at most one value ever chosen; PX2 stability, checked as Lamport's P2b ("once v is
 * chosen, every later vote is for v" — later: a higher ballot, or for a ballot-less variant
 * later in time), which makes every later choice v too; PX3 a proposer that returned true
 * returned a value chosen in every state from its return on (returning is final, so checking
 * "chosen now" in every state is "at the time of return and forever after"); PX4 two proposers
 * that returned true agree; PX5 non-triviality: every value ever chosen was proposed.
 */
export function paxosInvariantsOver(reading: ChosenReading): readonly RuntimeInvariant[] {
  return [
    { name: "PX1 one value chosen", holds: (view) => reading.everChosen(view).size <= 1 },
    {
      name: "PX2 stability",
      holds: (view) => [...reading.everChosen(view)].every((value) => reading.votesAfterChoice(view, value).every((vote) => vote === value)),
    },
    {
      name: "PX3 returned value chosen",
      holds(view) {
        const chosen = reading.chosenNow(view);
        return decidedValues(view).every((value) => chosen.has(value));
      },
    },
    { name: "PX4 returned values agree", holds: (view) => new Set(decidedValues(view)).size <= 1 },
    {
      name: "PX5 non-triviality",
      holds(view) {
        const proposed = new Set(view.role("proposer").map((proposer) => proposer.context.value as string));
        return [...reading.everChosen(view)].every((value) => proposed.has(value));
      },
    },
  ];
}

/** The reference's properties: "chosen" is a majority of votes in one ballot. */
export const paxosInvariants: readonly RuntimeInvariant[] = paxosInvariantsOver(referenceReading);
export const [oneValueChosen, choiceIsStable, returnedValueIsChosen, returnedValuesAgree, chosenValueWasProposed] = paxosInvariants as [
  RuntimeInvariant,
  RuntimeInvariant,
  RuntimeInvariant,
  RuntimeInvariant,
  RuntimeInvariant,
];
