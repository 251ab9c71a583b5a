import { keccak256 } from "./keccak-256.ts";
import { bytesToNibbles } from "./nibbles.ts";
import { HASHED, hashedNode } from "./node.ts";
import { equalBytes } from "./equal-bytes.ts";
import type { HashedNode, ResolvedNode, TrieNode } from "./node.ts";
import { EMPTY_ROOT, encodedLength, nodeRef, rootHashOf, writeNode } from "./node-encoding.ts";
import { decodeNode } from "./node-decoding.ts";
import { MissingNodeError } from "./node-resolver.ts";
import type { NodeEntry, NodeStore } from "./node-store.ts";
import { MemoryNodeStore } from "./memory-node-store.ts";
import { lookup } from "./trie-lookup.ts";
import { insert } from "./trie-insert.ts";
import { UNCHANGED, remove } from "./trie-delete.ts";
import { collectUnpersisted } from "./unpersisted-nodes.ts";

export interface TrieOptions {
  /** Secure trie (Ethereum state and storage tries): the path is keccak-256(key), not the key. */
  secure?: boolean;
  /** Defaults to a fresh MemoryNodeStore. */
  store?: NodeStore;
  /** Reopen the trie committed under this root (its nodes are read from `store` on demand). */
  root?: Uint8Array;
}

/**
 * Ethereum's Merkle-Patricia trie (Yellow Paper App. D). Puts and deletes only mark the nodes
 * on their path as changed; root() hashes exactly the changed nodes, and commit() writes them
 * to the store in one batch.
 */
export class MerklePatriciaTrie {
  readonly secure: boolean;
  readonly store: NodeStore;
  private root_: TrieNode | null;
  private readonly resolveNode = (node: HashedNode): ResolvedNode => {
    const encoded = this.store.get(node.ref);
    if (encoded === undefined) throw new MissingNodeError(node.ref);
    return decodeNode(encoded);
  };

  constructor(options: TrieOptions = {}) {
    this.secure = options.secure ?? false;
    this.store = options.store ?? new MemoryNodeStore();
    const root = options.root;
    this.root_ = root === undefined || equalBytes(root, EMPTY_ROOT) ? null : hashedNode(root);
  }

  /** The nibble path of a key: its own nibbles, or those of keccak-256(key) in secure mode. */
  keyPath(key: Uint8Array): Uint8Array {
    return bytesToNibbles(this.secure ? keccak256(key) : key);
  }

  get(key: Uint8Array): Uint8Array | null {
    return lookup(this.root_, this.keyPath(key), this.resolveNode);
  }

  /** An empty value deletes the key, as in Ethereum, where an absent key reads as empty. */
  put(key: Uint8Array, value: Uint8Array): void {
    if (value.length === 0) {
      this.delete(key);
      return;
    }
    this.root_ = insert(this.root_, this.keyPath(key), 0, value, this.resolveNode);
  }

  delete(key: Uint8Array): void {
    const next = remove(this.root_, this.keyPath(key), 0, this.resolveNode);
    if (next !== UNCHANGED) this.root_ = next;
  }

  root(): Uint8Array {
    return rootHashOf(this.root_);
  }

  /** Writes every node changed since the last commit in one batch; returns the root. */
  async commit(): Promise<Uint8Array> {
    const root = this.root();
    if (this.root_ === null || this.root_.persisted) return root;
    const entries: NodeEntry[] = [];
    collectUnpersisted(this.root_, (node, encoded) => {
      if (node === this.root_) entries.push({ hash: root, encoded });
      else if (encoded.length >= 32) entries.push({ hash: node.ref as Uint8Array, encoded });
    });
    await this.store.putBatch(entries);
    return root;
  }

  /**
   * eth_getProof (EIP-1186) proof of `key`: the RLP of every node on its path that its parent
   * references by hash, root first. Nodes embedded in their parent are inside the parent's RLP
   * already, so, as geth does, they are not listed.
   */
  createProof(key: Uint8Array): { proof: Uint8Array[]; value: Uint8Array | null } {
    this.root();
    const nodes: ResolvedNode[] = [];
    const value = lookup(this.root_, this.keyPath(key), this.resolveNode, (node) => {
      const resolved = node as ResolvedNode;
      if (nodes.length === 0 || nodeRef(resolved).length === 32) nodes.push(resolved);
    });
    // All proof nodes are encoded into one allocation: a fresh typed array per node costs more
    // than the walk.
    const lengths = nodes.map(encodedLength);
    const buffer = new Uint8Array(lengths.reduce((sum, length) => sum + length, 0));
    const proof: Uint8Array[] = [];
    let offset = 0;
    for (let i = 0; i < nodes.length; i++) {
      writeNode(nodes[i], buffer, offset);
      proof.push(buffer.subarray(offset, offset + lengths[i]));
      offset += lengths[i];
    }
    return { proof, value };
  }

  /** The root node, for structure checks (properties T4) and walks; resolve hashed children with resolve(). */
  rootNode(): TrieNode | null {
    return this.root_;
  }

  resolve(node: TrieNode): ResolvedNode {
    return node.kind === HASHED ? this.resolveNode(node) : node;
  }
}

