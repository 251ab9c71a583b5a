/**
 * The in-flight multiset of one state, unpacked for one step (state-layout.ts packs it): parallel
 * arrays of entries sorted by the envelopes' order (`Runtime.precedes`), then by age, youngest
 * first. An entry is an envelope, its copies, and under partial synchrony its age (steps since it
 * was sent, capped); entries with equal envelope and age are one entry, so the multiset has one
 * form, and a state one encoding.
 */
export interface InFlight {
  envelopes: number[];
  copies: number[];
  /** Per entry, its age; absent when the time model is not partially synchronous (all would be 0). */
  ages: number[] | undefined;
}

/**
 * The entry a step on `envelope` takes (delivered, dropped or duplicated): its oldest copy, the
 * last of its run. Which copy of equal messages is taken changes nothing the receiver sees, and
 * leaving the younger ones leaves every later step on them enabled that would be with the older
 * ones (an age only ever disables a timer), so taking the oldest loses no behaviour and makes a
 * step on an envelope one action, whatever ages its copies have.
 */
export function oldestEntry(inFlight: InFlight, envelope: number, fifo = false): number {
  // FIFO links keep their entries in the order sent, oldest first (addSentFifo).
  return fifo ? inFlight.envelopes.indexOf(envelope) : inFlight.envelopes.lastIndexOf(envelope);
}

/** One copy of entry `at` leaves the network (delivered or lost). */
export function takeCopy(inFlight: InFlight, at: number): void {
  if (inFlight.copies[at]! > 1) inFlight.copies[at]!--;
  else removeEntry(inFlight, at);
}

export function removeEntry(inFlight: InFlight, at: number): void {
  inFlight.envelopes.splice(at, 1);
  inFlight.copies.splice(at, 1);
  inFlight.ages?.splice(at, 1);
}

/**
 * A freshly sent `envelope` (age 0) joins the multiset: one more copy of an equal entry, or a new
 * entry in its place. `persistent`: an envelope in flight stays one copy (it is deliverable for
 * ever; more copies would change nothing but the state's bytes).
 */
export function addSent(inFlight: InFlight, envelope: number, precedes: (a: number, b: number) => boolean, persistent: boolean): void {
  const { envelopes, copies, ages } = inFlight;
  let at = 0;
  while (at < envelopes.length && precedes(envelopes[at]!, envelope)) at++;
  // Age 0 is the youngest, so an equal entry is the first of the envelope's run.
  if (envelopes[at] === envelope && (ages === undefined || ages[at] === 0)) {
    if (!persistent) copies[at]!++;
    return;
  }
  envelopes.splice(at, 0, envelope);
  copies.splice(at, 0, 1);
  ages?.splice(at, 0, 0);
}

/**
 * One step of time passes: every entry is a step older, up to `cap` (ages above the bound all
 * mean "overdue", so capping keeps the space finite and loses nothing). Entries of one envelope
 * that reach the cap together are merged.
 */
export function ageAll(inFlight: InFlight, cap: number): void {
  const { envelopes, copies, ages } = inFlight;
  if (ages === undefined) return;
  for (let i = 0; i < ages.length; i++) if (ages[i]! < cap) ages[i]!++;
  for (let i = envelopes.length - 1; i > 0; i--) {
    if (envelopes[i] !== envelopes[i - 1] || ages[i] !== ages[i - 1]) continue;
    copies[i - 1]! += copies[i]!;
    removeEntry(inFlight, i);
  }
}

/**
 * FIFO links (network.ordering "fifo"): entries are grouped by link (sender, receiver, in actor
 * order) and, within a link, kept in the order they were sent, so the array is the queues one
 * after another and still one canonical form. A freshly sent envelope goes to the end of its
 * link's queue, as one more copy of the last entry when that is the same envelope and as young.
 */
export function addSentFifo(inFlight: InFlight, envelope: number, linkOf: (envelope: number) => number): void {
  const { envelopes, copies, ages } = inFlight;
  const link = linkOf(envelope);
  let at = 0;
  while (at < envelopes.length && linkOf(envelopes[at]!) <= link) at++;
  const last = at - 1;
  if (last >= 0 && envelopes[last] === envelope && (ages === undefined || ages[last] === 0)) {
    copies[last]!++;
    return;
  }
  envelopes.splice(at, 0, envelope);
  copies.splice(at, 0, 1);
  ages?.splice(at, 0, 0);
}

/** The entries at the head of their link's queue (FIFO): the only ones a delivery may take. */
export function linkHeads(inFlight: InFlight, linkOf: (envelope: number) => number): number[] {
  const heads: number[] = [];
  const { envelopes } = inFlight;
  for (let i = 0; i < envelopes.length; i++) if (i === 0 || linkOf(envelopes[i - 1]!) !== linkOf(envelopes[i]!)) heads.push(envelopes[i]!);
  return heads;
}
