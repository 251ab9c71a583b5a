import { keccak256 } from "./keccak-256.ts";
import { hexPrefixLength, writeHexPrefix } from "./nibbles.ts";
import { rlpHeaderLength, rlpStringLength, writeRlpListHeader, writeRlpString } from "./rlp.ts";
import { BRANCH, EXTENSION, HASHED, LEAF } from "./node.ts";
import type { BranchNode, ExtensionNode, LeafNode, ResolvedNode, TrieNode } from "./node.ts";

/**
 * Node encoding of Yellow Paper App. D: leaf = RLP[HP(path, 1), value], extension =
 * RLP[HP(path, 0), c(child)], branch = RLP[c(child0) … c(child15), value], where c(n) is n's
 * RLP itself when it is shorter than 32 bytes (embedded) and keccak-256(RLP(n)) otherwise.
 * Each encoder sizes its output exactly and writes it in one pass.
 */

/** keccak-256(RLP("")): the root of the empty trie. */
export const EMPTY_ROOT = keccak256(Uint8Array.of(0x80));

/** A child reference inside its parent: a 32-byte hash is an RLP string, an embedded node is raw RLP. */
function refLength(ref: Uint8Array): number {
  return ref.length === 32 ? 33 : ref.length;
}

function writeRef(ref: Uint8Array, out: Uint8Array, offset: number): number {
  if (ref.length === 32) {
    out[offset] = 0xa0;
    out.set(ref, offset + 1);
    return offset + 33;
  }
  out.set(ref, offset);
  return offset + ref.length;
}

/** The path item: HP output of one byte is below 0x40, so it is its own RLP (App. B). */
function pathItemLength(path: Uint8Array): number {
  const hp = hexPrefixLength(path.length);
  return hp === 1 ? 1 : hp + 1;
}

function writePathItem(path: Uint8Array, isLeaf: boolean, out: Uint8Array, offset: number): number {
  const hp = hexPrefixLength(path.length);
  if (hp === 1) return writeHexPrefix(path, isLeaf, out, offset);
  out[offset] = 0x80 + hp;
  return writeHexPrefix(path, isLeaf, out, offset + 1);
}

function leafPayload(node: LeafNode): number {
  return pathItemLength(node.path) + rlpStringLength(node.value);
}

function extensionPayload(node: ExtensionNode): number {
  return pathItemLength(node.path) + refLength(nodeRef(node.child));
}

function branchPayload(node: BranchNode): number {
  const children = node.children;
  let payload = node.value === null ? 1 : rlpStringLength(node.value);
  for (let i = 0; i < 16; i++) {
    const child = children[i];
    payload += child === null ? 1 : refLength(nodeRef(child));
  }
  return payload;
}

function payloadOf(node: ResolvedNode): number {
  switch (node.kind) {
    case LEAF:
      return leafPayload(node);
    case EXTENSION:
      return extensionPayload(node);
    case BRANCH:
      return branchPayload(node);
  }
}

/** Bytes of the node's RLP (computing and caching its children's references on the way). */
export function encodedLength(node: ResolvedNode): number {
  const payload = payloadOf(node);
  return rlpHeaderLength(payload) + payload;
}

/**
 * Writes the node's RLP at `offset` (children's references must be cached: call encodedLength
 * first); `payload` may be passed when the caller has just computed it.
 */
export function writeNode(node: ResolvedNode, out: Uint8Array, offset: number, payload: number = payloadOf(node)): number {
  let o = writeRlpListHeader(payload, out, offset);
  switch (node.kind) {
    case LEAF:
      o = writePathItem(node.path, true, out, o);
      return writeRlpString(node.value, out, o);
    case EXTENSION:
      o = writePathItem(node.path, false, out, o);
      return writeRef(node.child.ref as Uint8Array, out, o);
    case BRANCH: {
      const children = node.children;
      for (let i = 0; i < 16; i++) {
        const child = children[i];
        if (child === null) out[o++] = 0x80;
        else o = writeRef(child.ref as Uint8Array, out, o);
      }
      if (node.value === null) {
        out[o] = 0x80;
        return o + 1;
      }
      return writeRlpString(node.value, out, o);
    }
  }
}

/** RLP of a resolved node in a fresh array. */
export function encodeNode(node: ResolvedNode): Uint8Array {
  const out = new Uint8Array(encodedLength(node));
  writeNode(node, out, 0);
  return out;
}

/**
 * Hashed nodes are encoded into this reused buffer and never kept: a fresh typed array per node
 * costs more than the hashing saves (proofs and commits encode again, which is cheap).
 * Safe to share because children's references are all computed before a node is written.
 */
let scratch = new Uint8Array(1024);

/** c(node) of App. D, cached on the node until it changes. */
export function nodeRef(node: TrieNode): Uint8Array {
  if (node.ref !== null) return node.ref;
  if (node.kind === HASHED) throw new Error("unreachable: a hashed node always has its ref");
  const payload = payloadOf(node);
  const length = rlpHeaderLength(payload) + payload;
  let ref: Uint8Array;
  if (length < 32) {
    ref = new Uint8Array(length);
    writeNode(node, ref, 0, payload);
  } else {
    if (scratch.length < length) scratch = new Uint8Array(Math.max(length, 2 * scratch.length));
    writeNode(node, scratch, 0, payload);
    ref = keccak256(scratch, length);
  }
  node.ref = ref;
  return ref;
}

/** The root hash: the root node is hashed even when its RLP is shorter than 32 bytes. */
export function rootHashOf(root: TrieNode | null): Uint8Array {
  if (root === null) return EMPTY_ROOT;
  const ref = nodeRef(root);
  return ref.length === 32 ? ref : keccak256(ref);
}
