import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { keccak_256 } from "@noble/hashes/sha3.js";
import { keccak256 } from "../../../impl/mpt/index.ts";

const hex = (bytes: Uint8Array): string => Buffer.from(bytes).toString("hex");

describe("keccak-256 (Ethereum's Keccak padding, rate 136)", () => {
  it("hashes the empty string to c5d246…a470 and RLP(\"\") to the empty trie root", () => {
    expect(hex(keccak256(new Uint8Array(0)))).toBe("c5d2460186f7233c927e7db2dcc703c0e500b653ca82273b7bfad8045d85a470");
    expect(hex(keccak256(Uint8Array.of(0x80)))).toBe("56e81f171bcc55a6ff8345e692c0f86e5b48e01b996cadc001622fb5e363b421");
  });

  it("equals @noble/hashes keccak_256 on every length from 0 to 700 bytes (all padding cases, 1–6 blocks)", () => {
    for (let length = 0; length <= 700; length++) {
      const input = Uint8Array.from({ length }, (_, i) => (i * 131 + length * 7) & 0xff);
      expect(hex(keccak256(input)), `length ${length}`).toBe(hex(keccak_256(input)));
    }
  });

  it("equals @noble/hashes keccak_256 on random inputs, including views into larger buffers", () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 600 }), fc.nat({ max: 16 }), (bytes, skip) => {
        const view = bytes.subarray(Math.min(skip, bytes.length));
        expect(hex(keccak256(view))).toBe(hex(keccak_256(view)));
      }),
      { seed: 4204, numRuns: 300 },
    );
  });
});
