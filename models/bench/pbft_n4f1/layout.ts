/**
 * The 39 components of a global state (SPEC.md §3), one byte each in a Uint8Array.
 * Replica ids are the spec's: 0 is the Byzantine primary (no local state), 1–3 are correct.
 */
export type PbftState = Uint8Array;

export const COMPONENTS = 39;

/** `V ∪ {⊥}` */
export const NONE = 0;
export const A = 1;
export const B = 2;
export const VALUE_NAMES = ["⊥", "A", "B"] as const;

export const IDLE = 0;
export const PREPREPARED = 1;
export const PREPARED = 2;
export const COMMITTED = 3;
export const PHASE_NAMES = ["IDLE", "PREPREPARED", "PREPARED", "COMMITTED"] as const;

/** Correct replicas C = {1, 2, 3}. */
export const CORRECT = [1, 2, 3] as const;
/** `others(r)` = C ∖ {r}. */
export const OTHERS: readonly (readonly number[])[] = [[], [2, 3], [1, 3], [1, 2]];
/** R ∖ {r}: the senders of COMMITs to `r`, the primary included. */
export const COMMIT_SENDERS: readonly (readonly number[])[] = [[], [0, 2, 3], [0, 1, 3], [0, 1, 2]];

const NO_COMPONENT = -1;

function pairTable(first: number, senders: (receiver: number) => readonly number[]): Int8Array {
  const table = new Int8Array(16).fill(NO_COMPONENT);
  let next = first;
  for (const receiver of CORRECT) for (const sender of senders(receiver)) table[sender * 4 + receiver] = next++;
  return table;
}

const PREP = pairTable(6, (k) => OTHERS[k]);
const COM = pairTable(12, (k) => COMMIT_SENDERS[k]);
const NET_PREPARE = pairTable(24, (k) => OTHERS[k]);
const NET_COMMIT = pairTable(30, (k) => COMMIT_SENDERS[k]);

export const phaseAt = (r: number): number => r - 1;
export const valAt = (r: number): number => r + 2;
/** `prep[k][s]`: the PREPARE replica k received from s. */
export const prepAt = (k: number, s: number): number => PREP[s * 4 + k];
/** `com[k][s]`: the COMMIT replica k received from s (s = 0 included). */
export const comAt = (k: number, s: number): number => COM[s * 4 + k];
export const netPrePrepareAt = (r: number): number => r + 20;
export const netPrepareAt = (i: number, k: number): number => NET_PREPARE[i * 4 + k];
export const netCommitAt = (i: number, k: number): number => NET_COMMIT[i * 4 + k];

/** SPEC.md §3: every phase IDLE, every other component ⊥ (network empty). */
export function initialState(): PbftState {
  return new Uint8Array(COMPONENTS);
}
