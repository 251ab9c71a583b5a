import { ENCODED_LENGTH, encodeInto } from "./encoding.ts";
import {
  A,
  B,
  COMMIT_SENDERS,
  COMPONENTS,
  CORRECT,
  OTHERS,
  comAt,
  netCommitAt,
  netPrePrepareAt,
  netPrepareAt,
  phaseAt,
  prepAt,
  valAt,
  type PbftState,
} from "./layout.ts";

/**
 * SPEC.md §7.1's symmetries: the correct replicas {1, 2, 3} are interchangeable (replica 0, the
 * Byzantine primary, stays fixed), and so are the values A and B. Both groups map reachable
 * states to reachable states, transitions to transitions, and preserve agreement and validity.
 */
export type PbftSymmetry = "replicas" | "replicas-and-values";

const PERMUTATIONS = [
  [1, 2, 3],
  [1, 3, 2],
  [2, 1, 3],
  [2, 3, 1],
  [3, 1, 2],
  [3, 2, 1],
] as const;

/** Where component c goes under replica permutation π (π(0) = 0): `image[c]`. */
function componentImage(permutation: readonly number[]): Int8Array {
  const π = (r: number): number => (r === 0 ? 0 : permutation[r - 1]);
  const image = new Int8Array(COMPONENTS);
  for (const r of CORRECT) {
    image[phaseAt(r)] = phaseAt(π(r));
    image[valAt(r)] = valAt(π(r));
    image[netPrePrepareAt(r)] = netPrePrepareAt(π(r));
    for (const s of OTHERS[r]) {
      image[prepAt(r, s)] = prepAt(π(r), π(s));
      image[netPrepareAt(s, r)] = netPrepareAt(π(s), π(r));
    }
    for (const s of COMMIT_SENDERS[r]) {
      image[comAt(r, s)] = comAt(π(r), π(s));
      image[netCommitAt(s, r)] = netCommitAt(π(s), π(r));
    }
  }
  return image;
}

/** `SOURCES[g][c]`: the component of the state that image g puts at component c. */
const SOURCES = PERMUTATIONS.map((permutation) => {
  const image = componentImage(permutation);
  const source = new Int8Array(COMPONENTS);
  for (let c = 0; c < COMPONENTS; c++) source[image[c]] = c;
  return source;
});
const GROUP_SIZE = SOURCES.length;
const PHASES = 3;
/** A value after swapping A ↔ B (⊥ stays; phases are not values and are not swapped). */
const SWAP = Uint8Array.from([0, B, A]);

/**
 * The encoding of the orbit's representative: the lexicographically smallest encoding among
 * the images of `state` under the group. Each image is packed byte by byte (as `encodeInto`
 * packs) and abandoned at its first byte above the best so far.
 */
export function canonicalEncoding(state: PbftState, symmetry: PbftSymmetry): Uint8Array {
  const best = new Uint8Array(ENCODED_LENGTH);
  encodeInto(state, best);
  const candidate = new Uint8Array(ENCODED_LENGTH);
  const images = symmetry === "replicas-and-values" ? 2 * GROUP_SIZE : GROUP_SIZE;
  for (let g = 1; g < images; g++) {
    const source = SOURCES[g % GROUP_SIZE];
    const swap = g >= GROUP_SIZE;
    let below = false;
    let byte = 0;
    for (; byte < ENCODED_LENGTH; byte++) {
      let packed = 0;
      for (let slot = 0; slot < 4; slot++) {
        const c = 4 * byte + slot;
        if (c === COMPONENTS) break;
        const value = state[source[c]];
        packed |= (swap && c >= PHASES ? SWAP[value] : value) << (2 * slot);
      }
      if (!below) {
        if (packed > best[byte]) break;
        if (packed < best[byte]) below = true;
      }
      candidate[byte] = packed;
    }
    if (below && byte === ENCODED_LENGTH) best.set(candidate);
  }
  return best;
}
