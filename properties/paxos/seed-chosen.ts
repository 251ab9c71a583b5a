import type { HistoryDeclaration, RuntimeView } from "../../impl/runtime/index.ts";
import type { ChosenReading } from "./reading.ts";

/**
 * "Chosen" for the ballot-less seed variant (catalogue B7: "a majority of acceptors hold the
 * same accepted value"). Acceptors overwrite the value they hold, so whether a value was ever
 * chosen is a fact about moments no actor sees: a ghost history (impl/runtime `history`),
 * advanced after every step, records each value the first time a majority holds it, with the
 * length of every acceptor's vote history at that moment.
 */
export interface SeedChoice {
  value: string;
  /** Acceptor → how many votes it had cast when `value` became chosen (its later votes follow). */
  votesAt: Record<string, number>;
}

export interface SeedChoiceHistory {
  /** Values in the order they were first chosen. */
  chosen: SeedChoice[];
}

/** Values held by a majority of acceptors in this state. */
export function heldByMajority(view: RuntimeView): Set<string> {
  const acceptors = view.role("acceptor");
  const holders = new Map<string, number>();
  for (const acceptor of acceptors) {
    const value = acceptor.context.value as string | null;
    if (value !== null) holders.set(value, (holders.get(value) ?? 0) + 1);
  }
  return new Set([...holders].filter(([, count]) => count > acceptors.length / 2).map(([value]) => value));
}

export const seedChoiceHistory: HistoryDeclaration<SeedChoiceHistory> = {
  initial: { chosen: [] },
  next(history, view) {
    const fresh = [...heldByMajority(view)].filter((value) => !history.chosen.some((choice) => choice.value === value));
    if (fresh.length === 0) return history;
    const votesAt = Object.fromEntries(view.role("acceptor").map((acceptor) => [acceptor.name, (acceptor.context.votes as string[]).length]));
    return { chosen: [...history.chosen, ...fresh.sort().map((value) => ({ value, votesAt }))] };
  },
};

const historyOf = (view: RuntimeView): SeedChoiceHistory => view.history as SeedChoiceHistory;

/**
 * The seed's reading: chosen now is held by a majority now; chosen at some moment is in the
 * ghost history; the votes after a choice are each acceptor's votes cast after that moment.
 */
export const seedReading: ChosenReading = {
  everChosen: (view) => new Set(historyOf(view).chosen.map((choice) => choice.value)),
  chosenNow: heldByMajority,
  votesAfterChoice(view, value) {
    const choice = historyOf(view).chosen.find((candidate) => candidate.value === value)!;
    return view.role("acceptor").flatMap((acceptor) => (acceptor.context.votes as string[]).slice(choice.votesAt[acceptor.name]));
  },
};
