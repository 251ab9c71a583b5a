import { keccak_256 } from "@noble/hashes/sha3.js";
import { bytesToNibbles } from "./nibbles.ts";
import type { HashedNode, ResolvedNode } from "./node.ts";
import { hashedNode } from "./node.ts";
import { EMPTY_ROOT } from "./node-encoding.ts";
import { MalformedNodeError, decodeNode } from "./node-decoding.ts";
import { MissingNodeError } from "./node-resolver.ts";
import { lookup } from "./trie-lookup.ts";
import { equalBytes } from "./equal-bytes.ts";

export type ProofVerdict = { valid: true; value: Uint8Array | null } | { valid: false; error: string };

export interface VerifyProofOptions {
  /** Secure trie: the path is keccak-256(key) (eth_getProof account and storage proofs). */
  secure?: boolean;
}

/**
 * Verifies an eth_getProof (EIP-1186) proof as geth does: the proof is a set of node
 * encodings keyed by their keccak-256 hash; walking the key's path from `root` must reach either
 * the key's value (presence) or a point where the path leaves the trie (absence), touching only
 * nodes whose hash the parent commits to. Embedded nodes may be listed or not (geth omits them,
 * @ethereumjs/mpt lists them); unused nodes are ignored, as in geth's VerifyProof.
 */
export function verifyProof(root: Uint8Array, key: Uint8Array, proof: readonly Uint8Array[], options: VerifyProofOptions = {}): ProofVerdict {
  if (root.length !== 32) return { valid: false, error: `root is ${root.length} bytes; a trie root is a 32-byte hash` };
  const path = bytesToNibbles(options.secure === true ? keccak_256(key) : key);
  if (equalBytes(root, EMPTY_ROOT)) return { valid: true, value: null };
  const byHash = new Map<string, Uint8Array>();
  for (const node of proof) byHash.set(Buffer.from(keccak_256(node)).toString("hex"), node);
  const resolve = (node: HashedNode): ResolvedNode => {
    const encoded = byHash.get(Buffer.from(node.ref).toString("hex"));
    if (encoded === undefined) throw new MissingNodeError(node.ref);
    return decodeNode(encoded);
  };
  try {
    return { valid: true, value: lookup(hashedNode(root), path, resolve) };
  } catch (error) {
    if (error instanceof MissingNodeError) return { valid: false, error: `proof lacks the node with hash 0x${Buffer.from(error.hash).toString("hex")} on the key's path` };
    if (error instanceof MalformedNodeError) return { valid: false, error: `malformed proof node: ${error.message}` };
    throw error;
  }
}
