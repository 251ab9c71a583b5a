import type { RuntimeInvariant } from "../../impl/runtime/index.ts";
import type { Vote } from "../../spec/paxos/messages.ts";
import { chosenBallot, chosenValues, decidedValues } from "./chosen.ts";

/**
 * The catalogue's Paxos properties (seed catalogue B7), over the runtime's view:
 * PX1 at most one value chosen; PX2 stability, checked as Lamport's P2b ("if v is chosen in
 * ballot b, every vote in a higher ballot is for v"), which makes every later choice v too;
 * PX3 a proposer that returned true returned a chosen value (chosen stays chosen: votes are
 * history); PX4 two proposers that returned true agree; PX5 non-triviality.
 */
export const oneValueChosen: RuntimeInvariant = {
  name: "PX1 one value chosen",
  holds: (view) => chosenValues(view).size <= 1,
};

export const choiceIsStable: RuntimeInvariant = {
  name: "PX2 stability",
  holds(view) {
    for (const value of chosenValues(view)) {
      const ballot = chosenBallot(view, value)!;
      for (const acceptor of view.role("acceptor")) for (const vote of acceptor.context.votes as Vote[]) if (vote.ballot > ballot && vote.value !== value) return false;
    }
    return true;
  },
};

export const returnedValueIsChosen: RuntimeInvariant = {
  name: "PX3 returned value chosen",
  holds(view) {
    const chosen = chosenValues(view);
    return decidedValues(view).every((value) => chosen.has(value));
  },
};

export const returnedValuesAgree: RuntimeInvariant = {
  name: "PX4 returned values agree",
  holds: (view) => new Set(decidedValues(view)).size <= 1,
};

export const chosenValueWasProposed: RuntimeInvariant = {
  name: "PX5 non-triviality",
  holds(view) {
    const proposed = new Set(view.role("proposer").map((proposer) => proposer.context.value as string));
    return [...chosenValues(view)].every((value) => proposed.has(value));
  },
};

export const paxosInvariants: readonly RuntimeInvariant[] = [oneValueChosen, choiceIsStable, returnedValueIsChosen, returnedValuesAgree, chosenValueWasProposed];
