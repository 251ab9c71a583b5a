export { sha256, doubleSha256, bytesEqual, HASH_BYTES } from "./sha256.ts";
export { MerkleError, type Verdict } from "./errors.ts";
export type { MerkleScheme, SchemeTree, SchemeProof } from "./scheme.ts";
export * from "./rfc6962/index.ts";
export * from "./bitcoin/index.ts";
export * from "./seed/index.ts";
