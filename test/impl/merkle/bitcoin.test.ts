import { describe, expect, it } from "vitest";
import { MerkleError, bitcoinBranch, bitcoinLevels, bitcoinMerkleRoot, verifyBitcoinBranch } from "../../../impl/merkle/index.ts";
import { sampleLeaves } from "../../../properties/merkle/sample-leaves.ts";

const hex = (bytes: Uint8Array): string => Buffer.from(bytes).toString("hex");
/** Block explorers print txids and roots byte-reversed (RPC display order). */
const fromDisplay = (display: string): Uint8Array => Uint8Array.from(Buffer.from(display, "hex").reverse());

describe("Bitcoin-style Merkle tree (double SHA-256, odd node paired with itself)", () => {
  it("computes the merkle root of Bitcoin mainnet block 100000 from its four txids", () => {
    // Block 000000000003ba27aa200b1cecaad478d2b00432346c3f1f3986da1afd33e506 (public chain data).
    const txids = [
      "8c14f0db3df150123e6f3dbbf30f8b955a8249b62ac1d1ff16284aefa3d06d87",
      "fff2525b8931402dd09222c50775608f75787bd2b87e56995a7bdd30f79702c4",
      "6359f0868171b1d194cbee1af2f16ea598ae8fad666d9b012c8ed2b79a236ec4",
      "e9a66845e05d5abc0ad04ec80f774a7e585c6e8db975962d069a522137b80c1d",
    ].map(fromDisplay);
    expect(hex(bitcoinMerkleRoot(txids))).toBe(hex(fromDisplay("f3e94742aca4b5ef85488dc37c06c3282295ffec960994b2c0d5ac2a25a95766")));
  });

  it("demonstrates CVE-2012-2459: [a, b, c] and [a, b, c, c] are different lists with one root", () => {
    const [a, b, c] = sampleLeaves(3);
    expect(hex(bitcoinMerkleRoot([a, b, c]))).toBe(hex(bitcoinMerkleRoot([a, b, c, c])));
    // … and the same happens one level up: duplicating the last pair of a 6-list.
    const six = sampleLeaves(6);
    expect(hex(bitcoinMerkleRoot(six))).toBe(hex(bitcoinMerkleRoot([...six, six[4], six[5]])));
  });

  it("returns the all-zero hash for no transactions, as Bitcoin Core does", () => {
    expect(hex(bitcoinMerkleRoot([]))).toBe("00".repeat(32));
  });

  it("rejects a txid that is not 32 bytes", () => {
    expect(() => bitcoinLevels([new Uint8Array(31)])).toThrow(MerkleError);
  });

  it("verifies every branch of a 7-transaction block and names why bad ones fail", () => {
    const txids = sampleLeaves(7);
    const levels = bitcoinLevels(txids);
    const root = bitcoinMerkleRoot(txids);
    for (let i = 0; i < 7; i++) expect(verifyBitcoinBranch(txids[i], i, 7, bitcoinBranch(levels, i), root)).toEqual({ valid: true });
    const branch = bitcoinBranch(levels, 6);
    expect(verifyBitcoinBranch(txids[6], 7, 7, branch, root).error).toMatch(/not below the transaction count/);
    expect(verifyBitcoinBranch(txids[6], 6, 7, branch.slice(1), root).error).toMatch(/needs 3/);
    expect(verifyBitcoinBranch(txids[5], 6, 7, branch, root).error).toMatch(/different root/);
    expect(() => bitcoinBranch(levels, 7)).toThrow(MerkleError);
  });
});
