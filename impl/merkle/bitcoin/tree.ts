import { MerkleError, ACCEPTED, rejected, type Verdict } from "../errors.ts";
import { HASH_BYTES, bytesEqual, doubleSha256 } from "../sha256.ts";

/**
 * The Bitcoin block Merkle tree (Bitcoin Core, src/consensus/merkle.cpp ComputeMerkleRoot):
 * the leaves are transaction ids (32 bytes, internal byte order, already SHA-256d of the
 * transaction), a node is SHA-256d(left ‖ right), and a level of odd width pairs its last
 * node with itself. There is no leaf/node domain separation.
 *
 * KNOWN WEAKNESS, kept on purpose (CVE-2012-2459): duplicating the last node means the lists
 * [a, b, c] and [a, b, c, c] have the same root, so a block's transaction list can be mutated
 * without changing its header. Bitcoin Core detects it separately (the `mutated` flag on equal
 * sibling pairs); this variant exists to demonstrate that, not to be used as a log.
 */
export function bitcoinLevels(txids: readonly Uint8Array[]): Uint8Array[][] {
  txids.forEach((txid, i) => {
    if (txid.length !== HASH_BYTES) throw new MerkleError("bad-leaf-length", `txid ${i} has ${txid.length} bytes, expected ${HASH_BYTES}`);
  });
  const levels: Uint8Array[][] = [[...txids]];
  let level = levels[0];
  while (level.length > 1) {
    const next: Uint8Array[] = [];
    for (let i = 0; i < level.length; i += 2) next.push(hashPair(level[i], level[i + 1] ?? level[i]));
    levels.push(next);
    level = next;
  }
  return levels;
}

function hashPair(left: Uint8Array, right: Uint8Array): Uint8Array {
  const input = new Uint8Array(2 * HASH_BYTES);
  input.set(left, 0);
  input.set(right, HASH_BYTES);
  return doubleSha256(input);
}

/** Bitcoin Core returns the all-zero hash for an empty list (merkle.cpp: `if (hashes.size() == 0) return uint256();`). */
export function bitcoinMerkleRoot(txids: readonly Uint8Array[]): Uint8Array {
  if (txids.length === 0) return new Uint8Array(HASH_BYTES);
  const levels = bitcoinLevels(txids);
  return levels[levels.length - 1][0];
}

/** The SPV merkle branch of `index`: one sibling per level, the node itself where it has none. */
export function bitcoinBranch(levels: readonly Uint8Array[][], index: number): Uint8Array[] {
  const width = levels[0]?.length ?? 0;
  if (!Number.isSafeInteger(index) || index < 0 || index >= width) {
    throw new MerkleError("index-out-of-range", `transaction index ${index} is outside a block of ${width} transactions`);
  }
  const branch: Uint8Array[] = [];
  let i = index;
  for (const level of levels.slice(0, -1)) {
    branch.push(level[i % 2 === 0 ? i + 1 : i - 1] ?? level[i]);
    i = Math.floor(i / 2);
  }
  return branch;
}

/** Levels above the txids of a block of `count` transactions. */
export function bitcoinDepth(count: number): number {
  let depth = 0;
  while (2 ** depth < count) depth++;
  return depth;
}

/**
 * SPV check of a branch (as in BIP 37 merkleblock clients, which know the transaction count):
 * the index must be below the count, the branch one hash per level, folded by index parity.
 */
export function verifyBitcoinBranch(txid: Uint8Array, index: number, count: number, branch: readonly Uint8Array[], root: Uint8Array): Verdict {
  if (index < 0 || index >= count) return rejected(`index ${index} is not below the transaction count ${count}`);
  if (branch.length !== bitcoinDepth(count)) return rejected(`branch has ${branch.length} hashes, a block of ${count} transactions needs ${bitcoinDepth(count)}`);
  let node = txid;
  let i = index;
  for (const sibling of branch) {
    node = i % 2 === 0 ? hashPair(node, sibling) : hashPair(sibling, node);
    i = Math.floor(i / 2);
  }
  return bytesEqual(node, root) ? ACCEPTED : rejected("the branch leads to a different root");
}
