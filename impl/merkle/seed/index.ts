export { SeedMerkleTree, SeedPanic, type SeedMerkleProof } from "./seed-merkle.ts";
export { seedScheme } from "./scheme.ts";
