import type { RuntimeView } from "../../impl/runtime/index.ts";
import type { Vote } from "../../spec/paxos/messages.ts";
import type { ChosenReading } from "./reading.ts";

/**
 * Chosen (Paxos Made Simple §2.1): a value is chosen when a majority of acceptors accepted it
 * in one ballot. Read off the acceptors' vote histories, so once chosen, always chosen.
 */
export function chosenValues(view: RuntimeView): Set<string> {
  const acceptors = view.role("acceptor");
  const majority = Math.floor(acceptors.length / 2) + 1;
  // Distinct acceptors per (ballot, value): an acceptor counts once however often it voted.
  const voters = new Map<string, Set<string>>();
  for (const acceptor of acceptors) {
    for (const vote of acceptor.context.votes as Vote[]) {
      const key = `${vote.ballot}\u0000${vote.value}`;
      voters.set(key, (voters.get(key) ?? new Set()).add(acceptor.name));
    }
  }
  const chosen = new Set<string>();
  for (const [key, names] of voters) if (names.size >= majority) chosen.add(key.split("\u0000")[1]!);
  return chosen;
}

/** The lowest ballot in which `value` was chosen, or undefined. */
export function chosenBallot(view: RuntimeView, value: string): number | undefined {
  const acceptors = view.role("acceptor");
  const majority = Math.floor(acceptors.length / 2) + 1;
  const voters = new Map<number, Set<string>>();
  for (const acceptor of acceptors) for (const vote of acceptor.context.votes as Vote[]) if (vote.value === value) voters.set(vote.ballot, (voters.get(vote.ballot) ?? new Set()).add(acceptor.name));
  const ballots = [...voters].filter(([, names]) => names.size >= majority).map(([ballot]) => ballot);
  return ballots.length === 0 ? undefined : Math.min(...ballots);
}

/** The values proposers returned true for (their `decided`). */
export function decidedValues(view: RuntimeView): string[] {
  return view
    .role("proposer")
    .map((proposer) => proposer.context.decided as string | null)
    .filter((value): value is string => value !== null);
}

/**
 * The reference's reading: chosen is a fact about vote histories, so chosen at some moment
 * and chosen now coincide; the votes after a choice are those in higher ballots than the
 * lowest one in which the value was chosen.
 */
export const referenceReading: ChosenReading = {
  everChosen: chosenValues,
  chosenNow: chosenValues,
  votesAfterChoice(view, value) {
    const ballot = chosenBallot(view, value)!;
    return view.role("acceptor").flatMap((acceptor) => (acceptor.context.votes as Vote[]).filter((vote) => vote.ballot > ballot).map((vote) => vote.value));
  },
};
