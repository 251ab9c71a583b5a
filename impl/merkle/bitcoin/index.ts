export { bitcoinLevels, bitcoinMerkleRoot, bitcoinBranch, bitcoinDepth, verifyBitcoinBranch } from "./tree.ts";
export { bitcoinScheme } from "./scheme.ts";
