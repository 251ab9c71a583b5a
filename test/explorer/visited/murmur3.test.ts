import { describe, expect, it } from "vitest";
import { murmur3 } from "../../../explorer/visited/index.ts";

// Reference outputs of MurmurHash3_x86_32 (smhasher), as listed in widely used test suites.
const VECTORS: [string, number, number][] = [
  ["", 0, 0],
  ["", 1, 0x514e28b7],
  ["", 0xffffffff, 0x81f16f39],
  ["test", 0, 0xba6bd213],
  ["Hello, world!", 0x9747b28c, 0x24884cba],
  ["The quick brown fox jumps over the lazy dog", 0x9747b28c, 0x2fa826cd],
];

describe("MurmurHash3 x86_32", () => {
  it.each(VECTORS)("hashes %j with seed %i to the reference value", (text, seed, expected) => {
    const bytes = new TextEncoder().encode(text);
    expect(murmur3(bytes, 0, bytes.length, seed)).toBe(expected);
  });

  it("hashes a sub-range like the same bytes on their own (1–3 byte tails included)", () => {
    const bytes = new TextEncoder().encode("xxabcdefgyy");
    for (let end = 2; end <= 9; end++) {
      expect(murmur3(bytes, 2, end, 7)).toBe(murmur3(bytes.slice(2, end), 0, end - 2, 7));
    }
  });
});
