import { describe, expect, it } from "vitest";
import { fc, test } from "@fast-check/vitest";
import { keccak256 } from "../../../impl/mpt/index.ts";

const hex = (bytes: Uint8Array): string => Buffer.from(bytes).toString("hex");

describe("keccak-256 (Ethereum's Keccak padding, rate 136)", () => {
  it("hashes the empty string to c5d246…a470 and RLP(\"\") to the empty trie root", () => {
    expect(hex(keccak256(new Uint8Array(0)))).toBe("c5d2460186f7233c927e7db2dcc703c0e500b653ca82273b7bfad8045d85a470");
    expect(hex(keccak256(Uint8Array.of(0x80)))).toBe("56e81f171bcc55a6ff8345e692c0f86e5b48e01b996cadc001622fb5e363b421");
  });

  test.prop([fc.uint8Array({ maxLength: 600 }), fc.uint8Array({ minLength: 1, maxLength: 40 })], { seed: 4204, numRuns: 300 })(
    "hashes exactly the first `length` bytes of a scratch buffer",
    (bytes, rest) => {
      const scratch = new Uint8Array(bytes.length + rest.length);
      scratch.set(bytes);
      scratch.set(rest, bytes.length);
      expect(hex(keccak256(scratch, bytes.length))).toBe(hex(keccak256(bytes.slice())));
    },
  );
});
