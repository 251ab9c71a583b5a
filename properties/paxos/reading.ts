import type { RuntimeView } from "../../impl/runtime/index.ts";

/**
 * What "chosen" means for one Paxos variant: the properties PX1–PX5 (invariants.ts) are written
 * once over it. The reference reads it off ballot-numbered votes (chosen.ts); the ballot-less
 * seed variant off the values acceptors hold and a ghost history (seed-chosen.ts).
 */
export interface ChosenReading {
  /** Values chosen at some moment up to this state. */
  everChosen(view: RuntimeView): ReadonlySet<string>;
  /** Values chosen in this state. */
  chosenNow(view: RuntimeView): ReadonlySet<string>;
  /**
   * The values of the votes cast after `value` was chosen (P2b's "votes in higher ballots";
   * for a ballot-less variant, later in time), over all acceptors.
   */
  votesAfterChoice(view: RuntimeView, value: string): readonly string[];
}
