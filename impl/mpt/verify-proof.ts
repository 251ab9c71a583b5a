import { keccak256 } from "./keccak-256.ts";
import { bytesToNibbles, hexPrefixDecode } from "./nibbles.ts";
import { EMPTY_ROOT } from "./node-encoding.ts";
import { rlpDecode, rlpEncode } from "./rlp.ts";
import type { RlpItem } from "./rlp.ts";
import { equalBytes, occursAt } from "./equal-bytes.ts";

export type ProofVerdict = { valid: true; value: Uint8Array | null } | { valid: false; error: string };

export interface VerifyProofOptions {
  /** Secure trie: the path is keccak-256(key) (eth_getProof account and storage proofs). */
  secure?: boolean;
}

class InvalidProof extends Error {}

function hex(bytes: Uint8Array): string {
  return `0x${Buffer.from(bytes).toString("hex")}`;
}

/**
 * Verifies an eth_getProof (EIP-1186) proof: the nodes on the key's path, root first, each one
 * the node its parent commits to (keccak-256 of the node's RLP equals the parent's 32-byte
 * reference; App. D). The walk ends at the key's value (presence) or where the path leaves the
 * trie (absence: an empty branch slot, or a leaf or extension whose path diverges). Nodes that
 * are embedded in their parent may be listed too (@ethereumjs/mpt lists them, geth does not);
 * a node the walk does not use makes the proof invalid, so one proof has one meaning.
 * Only the nodes of the proof are hashed, each once.
 */
export function verifyProof(root: Uint8Array, key: Uint8Array, proof: readonly Uint8Array[], options: VerifyProofOptions = {}): ProofVerdict {
  try {
    return { valid: true, value: walkProof(root, bytesToNibbles(options.secure === true ? keccak256(key) : key), proof) };
  } catch (error) {
    if (error instanceof InvalidProof) return { valid: false, error: error.message };
    throw error;
  }
}

function walkProof(root: Uint8Array, path: Uint8Array, proof: readonly Uint8Array[]): Uint8Array | null {
  if (root.length !== 32) throw new InvalidProof(`root is ${root.length} bytes; a trie root is a 32-byte hash`);
  if (equalBytes(root, EMPTY_ROOT)) {
    // The empty trie has no node to walk: its proof is empty, or the RLP of "" alone.
    if (proof.length === 0 || (proof.length === 1 && proof[0].length === 1 && proof[0][0] === 0x80)) return null;
    throw new InvalidProof(`the empty trie's proof has no nodes, but this one has ${proof.length}`);
  }
  let next = 0;
  /** The node behind a 32-byte reference must be the next proof element. */
  const nodeByHash = (hash: Uint8Array): RlpItem => {
    if (next >= proof.length) throw new InvalidProof(`proof ends before the node ${hex(hash)} on the key's path (after ${proof.length} node(s))`);
    const encoded = proof[next];
    if (!equalBytes(keccak256(encoded), hash)) throw new InvalidProof(`proof node ${next} does not hash to ${hex(hash)}, the reference its parent commits to`);
    next++;
    return decodeProofNode(encoded, next - 1);
  };
  /** An embedded node may be repeated as the next proof element; skip it when it is. */
  const embedded = (node: RlpItem[]): RlpItem => {
    if (next < proof.length && proof[next].length < 32 && equalBytes(proof[next], rlpEncode(node))) next++;
    return node;
  };
  let node = nodeByHash(root);
  let pos = 0;
  for (;;) {
    if (!Array.isArray(node)) throw new InvalidProof("a proof node is an RLP string, not a node");
    let child: RlpItem;
    if (node.length === 17) {
      if (pos === path.length) return finish(stringItem(node[16], "branch value"), next, proof.length);
      child = node[path[pos++]];
    } else if (node.length === 2) {
      const { path: nodePath, isLeaf } = decodePath(node[0]);
      const matches = occursAt(path, pos, nodePath);
      if (isLeaf) return finish(matches && pos + nodePath.length === path.length ? stringItem(node[1], "leaf value") : null, next, proof.length);
      if (!matches) return finish(null, next, proof.length);
      pos += nodePath.length;
      child = node[1];
    } else {
      throw new InvalidProof(`a proof node is a list of ${node.length} items; nodes have 2 or 17`);
    }
    if (Array.isArray(child)) node = embedded(child);
    else if (child.length === 0) return finish(null, next, proof.length);
    else if (child.length === 32) node = nodeByHash(child);
    else throw new InvalidProof(`a child reference is ${child.length} bytes; it must be a 32-byte hash or an embedded node`);
  }
}

function finish(value: Uint8Array | null, used: number, total: number): Uint8Array | null {
  if (used !== total) throw new InvalidProof(`proof has ${total - used} node(s) beyond the end of the key's path`);
  return value;
}

function decodeProofNode(encoded: Uint8Array, index: number): RlpItem {
  try {
    return rlpDecode(encoded);
  } catch (error) {
    throw new InvalidProof(`proof node ${index} is not valid RLP: ${(error as Error).message}`);
  }
}

function stringItem(item: RlpItem, what: string): Uint8Array | null {
  if (Array.isArray(item)) throw new InvalidProof(`${what} is a list, not a byte string`);
  return item.length === 0 ? null : item;
}

function decodePath(item: RlpItem): { path: Uint8Array; isLeaf: boolean } {
  if (Array.isArray(item)) throw new InvalidProof("a node path is a list, not a hex-prefix string");
  try {
    return hexPrefixDecode(item);
  } catch (error) {
    throw new InvalidProof(`a node path is not hex-prefix encoded: ${(error as Error).message}`);
  }
}
