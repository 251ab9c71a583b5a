import type { ActorView, RuntimeInvariant } from "../../impl/runtime/index.ts";
import type { PaxosMessage } from "../../spec/paxos/messages.ts";
import { chosenValues, decidedValues } from "./chosen.ts";

/**
 * What a Paxos model expected to pass must be able to reach (Stateright's `Property::sometimes`;
 * Stateright's own Paxos example declares "value chosen"), so that PX1–PX5 are not checked on a
 * space where nothing is ever chosen or no crash ever lands where it hurts.
 */

export const valueChosen: RuntimeInvariant = {
  name: "a value chosen",
  holds: (view) => chosenValues(view).size > 0,
};

export const proposerReturned: RuntimeInvariant = {
  name: "a proposer returned",
  holds: (view) => decidedValues(view).length > 0,
};

/**
 * A crashed proposer has a message in flight that its frozen state had not sent: a crash
 * part-way through a multicast freezes the proposer as it was before the step (runtime-actions.ts)
 * while the prefix of its sends is on the wire. A PREPARE of a ballot above its own is phase 1a
 * of a round it never entered; an ACCEPT of its ballot while it is still preparing is phase 2a
 * of a step it never finished. A crash after the whole multicast leaves its state advanced, and
 * a plain crash sends nothing, so neither holds there.
 */
export const crashedMidMulticast: RuntimeInvariant = {
  name: "a proposer crashed part-way through a multicast",
  holds(view) {
    const inFlight = view.inFlight();
    return view.role("proposer").some((proposer) => proposer.crashed && inFlight.some(({ from, message }) => from === proposer.name && unsentBy(proposer, message)));
  },
};

function unsentBy(proposer: ActorView, sent: { type: string }): boolean {
  const message = sent as PaxosMessage;
  if (message.type === "PREPARE") return message.ballot > proposer.context.ballot;
  return message.type === "ACCEPT" && message.ballot === proposer.context.ballot && proposer.value === "preparing";
}

/** The `sometimes` of a configuration: a value chosen and returned, and, where proposers may crash, a crash mid-multicast. */
export function paxosSometimes(config: { crashes: number }): readonly RuntimeInvariant[] {
  return [valueChosen, proposerReturned, ...(config.crashes > 0 ? [crashedMidMulticast] : [])];
}
