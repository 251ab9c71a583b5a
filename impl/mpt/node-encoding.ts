import { keccak256 } from "./keccak-256.ts";
import { hexPrefixLength, writeHexPrefix } from "./nibbles.ts";
import { rlpHeaderLength, rlpStringLength, writeRlpListHeader, writeRlpString } from "./rlp.ts";
import { BRANCH, EXTENSION, HASHED, LEAF } from "./node.ts";
import type { BranchNode, ExtensionNode, LeafNode, TrieNode } from "./node.ts";

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

export function encodeLeaf(node: LeafNode): Uint8Array {
  const payload = pathItemLength(node.path) + rlpStringLength(node.value);
  const out = new Uint8Array(rlpHeaderLength(payload) + payload);
  let o = writeRlpListHeader(payload, out, 0);
  o = writePathItem(node.path, true, out, o);
  writeRlpString(node.value, out, o);
  return out;
}

export function encodeExtension(node: ExtensionNode): Uint8Array {
  const childRef = nodeRef(node.child);
  const payload = pathItemLength(node.path) + refLength(childRef);
  const out = new Uint8Array(rlpHeaderLength(payload) + payload);
  let o = writeRlpListHeader(payload, out, 0);
  o = writePathItem(node.path, false, out, o);
  writeRef(childRef, out, o);
  return out;
}

export function encodeBranch(node: BranchNode): Uint8Array {
  const children = node.children;
  let payload = node.value === null ? 1 : rlpStringLength(node.value);
  for (let i = 0; i < 16; i++) {
    const child = children[i];
    payload += child === null ? 1 : refLength(nodeRef(child));
  }
  const out = new Uint8Array(rlpHeaderLength(payload) + payload);
  let o = writeRlpListHeader(payload, out, 0);
  for (let i = 0; i < 16; i++) {
    const child = children[i];
    if (child === null) out[o++] = 0x80;
    else o = writeRef(child.ref as Uint8Array, out, o);
  }
  if (node.value === null) out[o] = 0x80;
  else writeRlpString(node.value, out, o);
  return out;
}

/** RLP of a resolved node (children's references are computed and cached on the way). */
export function encodeNode(node: LeafNode | ExtensionNode | BranchNode): Uint8Array {
  switch (node.kind) {
    case LEAF:
      return encodeLeaf(node);
    case EXTENSION:
      return encodeExtension(node);
    case BRANCH:
      return encodeBranch(node);
  }
}

/** c(node) of App. D, cached on the node until it changes. */
export function nodeRef(node: TrieNode): Uint8Array {
  if (node.ref !== null) return node.ref;
  if (node.kind === HASHED) throw new Error("unreachable: a hashed node always has its ref");
  const encoded = encodeNode(node);
  const embedded = encoded.length < 32;
  const ref = embedded ? encoded : keccak256(encoded);
  node.ref = ref;
  node.encoded = embedded ? null : encoded;
  return ref;
}

/** The node's RLP, from the cache root() fills when there is one. Callers must not modify it. */
export function cachedEncoding(node: LeafNode | ExtensionNode | BranchNode): Uint8Array {
  const ref = nodeRef(node);
  return ref.length < 32 ? ref : (node.encoded ?? encodeNode(node));
}

/** The root hash: the root node is hashed even when its RLP is shorter than 32 bytes. */
export function rootHashOf(root: TrieNode | null): Uint8Array {
  if (root === null) return EMPTY_ROOT;
  const ref = nodeRef(root);
  return ref.length === 32 ? ref : keccak256(ref);
}
