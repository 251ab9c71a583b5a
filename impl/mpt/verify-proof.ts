import { keccak256 } from "./keccak-256.ts";
import { bytesToNibbles } from "./nibbles.ts";
import { EMPTY_ROOT } from "./node-encoding.ts";
import { readRlpItem } from "./rlp.ts";
import type { RlpItemBounds } from "./rlp.ts";
import { equalBytes } from "./equal-bytes.ts";

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
 * Each proof node is hashed once and read in place, without decoding it into objects.
 */
export function verifyProof(root: Uint8Array, key: Uint8Array, proof: readonly Uint8Array[], options: VerifyProofOptions = {}): ProofVerdict {
  try {
    return { valid: true, value: walkProof(root, bytesToNibbles(options.secure === true ? keccak256(key) : key), proof) };
  } catch (error) {
    if (error instanceof InvalidProof) return { valid: false, error: error.message };
    if (error instanceof RangeError) return { valid: false, error: `a proof node is not valid RLP: ${error.message}` };
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
  const item: RlpItemBounds = { start: 0, end: 0, isList: false };
  // The node being read: bytes[start, end) (a proof node, or a node embedded in one).
  let bytes = nextNode(proof, 0, root, 0, 32);
  let start = 0;
  let end = bytes.length;
  let used = 1;
  let pos = 0;
  for (;;) {
    readRlpItem(bytes, start, end, item);
    if (!item.isList || item.end !== end) throw new InvalidProof("a proof node is not a single RLP list");
    const listEnd = item.end;
    let cursor = item.start;
    let count = 0;
    // The slot to follow: a branch's next path nibble (16 = its value), item 1 of a leaf or extension.
    let slot: number;
    let isLeaf = false;
    while (cursor < listEnd) {
      const header = cursor;
      readRlpItem(bytes, cursor, listEnd, item);
      cursor = item.end;
      count++;
      if (count > 17) throw new InvalidProof("a proof node is a list of more than 17 items; nodes have 2 or 17");
      recordItem(count - 1, header, item);
    }
    if (count === 17) {
      slot = pos === path.length ? 16 : path[pos++];
    } else if (count === 2) {
      if (itemIsList[0] === 1) throw new InvalidProof("a node path is a list, not a hex-prefix string");
      const match = matchHexPrefix(bytes, itemStart[0], itemEnd[0], path, pos);
      isLeaf = match.isLeaf;
      if (isLeaf && (itemIsList[1] === 1 || itemEnd[1] === itemStart[1])) throw new InvalidProof("leaf value must be a non-empty byte string");
      if (!match.matches || (isLeaf && pos + match.length !== path.length)) return finish(null, used, proof.length);
      pos += match.length;
      slot = 1;
    } else {
      throw new InvalidProof(`a proof node is a list of ${count} items; nodes have 2 or 17`);
    }
    const childHeader = itemHeader[slot];
    const childStart = itemStart[slot];
    const childEnd = itemEnd[slot];
    const childIsList = itemIsList[slot] === 1;
    if (slot === 16 || isLeaf) {
      if (childIsList) throw new InvalidProof(`${isLeaf ? "leaf" : "branch"} value is a list, not a byte string`);
      return finish(childEnd === childStart ? null : bytes.slice(childStart, childEnd), used, proof.length);
    }
    if (childIsList) {
      // An embedded node: read it in place; skip it in the proof if it is listed there as well.
      if (used < proof.length && sameBytes(proof[used], bytes, childHeader, childEnd)) used++;
      start = childHeader;
      end = childEnd;
    } else if (childEnd === childStart) {
      return finish(null, used, proof.length);
    } else if (childEnd - childStart === 32) {
      bytes = nextNode(proof, used, bytes, childStart, childEnd);
      used++;
      start = 0;
      end = bytes.length;
    } else {
      throw new InvalidProof(`a child reference is ${childEnd - childStart} bytes; it must be a 32-byte hash or an embedded node`);
    }
  }
}

/** Item bounds of the node being read (at most 17 items), reused across nodes. */
const itemHeader = new Int32Array(17);
const itemStart = new Int32Array(17);
const itemEnd = new Int32Array(17);
const itemIsList = new Uint8Array(17);

function recordItem(index: number, header: number, item: RlpItemBounds): void {
  itemHeader[index] = header;
  itemStart[index] = item.start;
  itemEnd[index] = item.end;
  itemIsList[index] = item.isList ? 1 : 0;
}

/** The proof node at `index`, which must hash to bytes[from, to) (its parent's reference). */
function nextNode(proof: readonly Uint8Array[], index: number, bytes: Uint8Array, from: number, to: number): Uint8Array {
  if (index >= proof.length) throw new InvalidProof(`proof ends before the node ${hex(bytes.subarray(from, to))} on the key's path (after ${proof.length} node(s))`);
  const node = proof[index];
  const hash = keccak256(node);
  for (let i = 0; i < 32; i++) {
    if (hash[i] !== bytes[from + i]) throw new InvalidProof(`proof node ${index} does not hash to ${hex(bytes.subarray(from, to))}, the reference its parent commits to`);
  }
  return node;
}

function sameBytes(a: Uint8Array, bytes: Uint8Array, from: number, to: number): boolean {
  if (a.length !== to - from) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== bytes[from + i]) return false;
  return true;
}

/**
 * Compares a hex-prefix path (Yellow Paper App. C) in bytes[from, to) with path[pos..] without
 * decoding it: the flag nibble gives leaf/extension and parity, then nibbles follow.
 */
function matchHexPrefix(bytes: Uint8Array, from: number, to: number, path: Uint8Array, pos: number): { matches: boolean; isLeaf: boolean; length: number } {
  if (to === from) throw new InvalidProof("a node path is empty (it needs at least the flag byte)");
  const flag = bytes[from] >> 4;
  if (flag > 3) throw new InvalidProof(`a node path's hex-prefix flag nibble ${flag} is not 0–3`);
  const odd = flag & 1;
  if (odd === 0 && (bytes[from] & 0x0f) !== 0) throw new InvalidProof("a node path's hex-prefix pad nibble is not zero");
  const length = 2 * (to - from - 1) + odd;
  const isLeaf = flag >= 2;
  if (!isLeaf && length === 0) throw new InvalidProof("an extension has an empty path");
  if (path.length - pos < length) return { matches: false, isLeaf, length };
  for (let k = 0; k < length; k++) {
    const index = k + 2 - odd;
    const byte = bytes[from + (index >> 1)];
    if (path[pos + k] !== ((index & 1) === 1 ? byte & 0x0f : byte >> 4)) return { matches: false, isLeaf, length };
  }
  return { matches: true, isLeaf, length };
}

function finish(value: Uint8Array | null, used: number, total: number): Uint8Array | null {
  if (used !== total) throw new InvalidProof(`proof has ${total - used} node(s) beyond the end of the key's path`);
  return value;
}
