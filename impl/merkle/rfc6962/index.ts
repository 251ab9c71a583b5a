export { LEAF_PREFIX, NODE_PREFIX, emptyTreeRoot, hashChildren, hashLeaf } from "./hashing.ts";
export { buildMerkleTree, buildFromLeafHashes, treeRoot, nodeAt, levelWidth, subtreeHash, type MerkleTree } from "./tree.ts";
export { inclusionProof, rootFromInclusionProof, verifyInclusion } from "./inclusion.ts";
export { consistencyProof, verifyConsistency } from "./consistency.ts";
export { EMPTY_FRONTIER, appendLeaf, appendLeafHash, frontierRoot, type Frontier } from "./frontier.ts";
export { rfc6962Scheme } from "./scheme.ts";
