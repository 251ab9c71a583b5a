import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it, vi } from "vitest";
import { main } from "../../cli/main.ts";
import { loadRfc6962Vectors } from "../fixtures/merkle/rfc6962-vectors.ts";

const vectors = loadRfc6962Vectors();
const hex = (bytes: Uint8Array): string => `0x${Buffer.from(bytes).toString("hex")}`;
const dir = mkdtempSync(join(tmpdir(), "merkle-cli-"));
let fileCount = 0;

/** Runs the CLI in-process on a case file holding `input` (a string is written verbatim). */
async function runMerkle(command: string, input: unknown, ...flags: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const file = join(dir, `case-${fileCount++}.json`);
  writeFileSync(file, typeof input === "string" ? input : JSON.stringify(input));
  let stdout = "";
  let stderr = "";
  vi.spyOn(process.stdout, "write").mockImplementation((chunk) => ((stdout += String(chunk)), true));
  vi.spyOn(process.stderr, "write").mockImplementation((chunk) => ((stderr += String(chunk)), true));
  const code = await main(["merkle", command, file, ...flags]);
  vi.restoreAllMocks();
  return { code, stdout, stderr };
}

afterEach(() => vi.restoreAllMocks());

const leafInputs = vectors.leafInputs.map(hex);
const inclusion = vectors.inclusionProofs[1]; // leaf 5 of 8
const inclusionInput = { leafIndex: inclusion.leafIndex, treeSize: inclusion.treeSize, leaf: leafInputs[inclusion.leafIndex], proof: inclusion.proof.map(hex), root: hex(vectors.rootHashes[8]) };
const consistency = vectors.consistencyProofs[2]; // 6 → 8
const consistencyInput = { size1: consistency.size1, size2: consistency.size2, root1: hex(vectors.rootHashes[6]), root2: hex(vectors.rootHashes[8]), proof: consistency.proof.map(hex) };

describe("consensus-check merkle root", () => {
  it("prints the RFC 6962 root of one case", async () => {
    const { code, stdout } = await runMerkle("root", { leaves: leafInputs });
    expect(code).toBe(0);
    expect(stdout).toBe(`root ${hex(vectors.rootHashes[8])}\n`);
  });

  it("answers an array of cases with --json in the same order, Bitcoin included", async () => {
    const { code, stdout } = await runMerkle("root", [{ leaves: [] }, { leaves: leafInputs.slice(0, 3) }, { leaves: [`0x${"00".repeat(32)}`], hash: "bitcoin" }], "--json");
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toEqual([{ root: hex(vectors.rootHashes[0]) }, { root: hex(vectors.rootHashes[3]) }, { root: `0x${"00".repeat(32)}` }]);
  });
});

describe("consensus-check merkle verify-inclusion", () => {
  it("accepts the reference proof given the leaf data or its leaf hash: exit 0", async () => {
    const leafHash = hex(vectors.nodeHashes[0][inclusion.leafIndex]);
    const { leaf: _leaf, ...withoutLeaf } = inclusionInput;
    const { code, stdout } = await runMerkle("verify-inclusion", [inclusionInput, { ...withoutLeaf, leafHash }], "--json");
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toEqual([{ valid: true }, { valid: true }]);
  });

  it("exits 1 when one proof is invalid, after checking and printing every case", async () => {
    const { code, stdout } = await runMerkle("verify-inclusion", [{ ...inclusionInput, leafIndex: 4 }, inclusionInput], "--json");
    expect(code).toBe(1);
    expect(JSON.parse(stdout)).toEqual([{ valid: false, error: "the proof leads to a different root" }, { valid: true }]);
  });

  it("prints one line per verdict without --json", async () => {
    const { code, stdout } = await runMerkle("verify-inclusion", [inclusionInput, { ...inclusionInput, leafIndex: 8 }]);
    expect(code).toBe(1);
    expect(stdout).toBe("case 0: valid\ncase 1: invalid: leaf index 8 is not below tree size 8\n");
  });

  it("rejects a proof for a tree of 2^53 − 1 leaves at once: the walk is one step per hash given", async () => {
    const started = performance.now();
    const { code, stdout } = await runMerkle("verify-inclusion", { ...inclusionInput, leafIndex: 2 ** 53 - 2, treeSize: 2 ** 53 - 1 });
    expect(code).toBe(1);
    expect(stdout).toBe("invalid: proof has 3 hashes, fewer than a tree of size 9007199254740991 needs at index 9007199254740990\n");
    expect(performance.now() - started).toBeLessThan(500);
  });
});

describe("consensus-check merkle verify-consistency", () => {
  it("accepts the reference proof: exit 0", async () => {
    const { code, stdout } = await runMerkle("verify-consistency", consistencyInput, "--json");
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toEqual({ valid: true });
  });

  it("rejects swapped roots: exit 1, every case printed", async () => {
    const { code, stdout } = await runMerkle("verify-consistency", [consistencyInput, { ...consistencyInput, root1: consistencyInput.root2, root2: consistencyInput.root1 }], "--json");
    expect(code).toBe(1);
    expect(JSON.parse(stdout)).toEqual([{ valid: true }, { valid: false, error: "the proof does not lead to root1" }]);
  });

  it("rejects sizes of 2^53 − 1 with a short proof at once", async () => {
    const started = performance.now();
    const { code, stdout } = await runMerkle("verify-consistency", { ...consistencyInput, size1: 2 ** 53 - 3, size2: 2 ** 53 - 1 });
    expect(code).toBe(1);
    expect(stdout).toMatch(/^invalid: the proof is (shorter than the sizes need|longer than the sizes allow)\n$/);
    expect(performance.now() - started).toBeLessThan(500);
  });
});

describe("merkle --help states the exit status", () => {
  it.each([
    ["root", /Exit status: 0 every case is computed 2 bad input or usage \(a file that cannot be read, or a malformed case/],
    ["verify-inclusion", /Exit status: 0 every case's proof is valid 1 at least one proof is invalid \(every case is still checked and printed\) 2 bad input/],
    ["verify-consistency", /Exit status: 0 every case's proof is valid 1 at least one proof is invalid/],
  ])("merkle %s --help", async (command, text) => {
    let stdout = "";
    vi.spyOn(process.stdout, "write").mockImplementation((chunk) => ((stdout += String(chunk)), true));
    const code = await main(["merkle", command, "--help"]);
    vi.restoreAllMocks();
    expect(code).toBe(0);
    expect(stdout.replace(/\s+/g, " ")).toMatch(text);
  });
});

describe("merkle commands on malformed input exit 2 with one line naming the case and field", () => {
  const cases: [string, unknown, RegExp][] = [
    ["root", "{not json", /is not valid JSON/],
    ["root", [{ leaves: ["0x00"] }, { leaves: ["0xabc"] }], /^consensus-check: cases\[1\]\.leaves\[0\]: expected 0x-prefixed hex with an even number of digits/],
    ["root", { leaves: ["0x00"], hash: "bitcoin" }, /^consensus-check: case\.leaves\[0\]: bitcoin leaves are txids: expected 32 bytes/],
    ["root", { leaves: [], hash: "sha3" }, /^consensus-check: case\.hash: expected "rfc6962"/],
    ["root", { leafs: [] }, /^consensus-check: case\.leaves: /],
    ["verify-inclusion", { ...inclusionInput, leafIndex: -1 }, /^consensus-check: case\.leafIndex: expected a whole number ≥ 0, not a negative one/],
    ["verify-inclusion", { ...inclusionInput, leafHash: inclusionInput.root }, /^consensus-check: case\.leafHash: give exactly one of "leafHash"/],
    ["verify-inclusion", { ...inclusionInput, proof: ["0x00"] }, /^consensus-check: case\.proof\[0\]: expected a 32-byte hash/],
    ["verify-consistency", [consistencyInput, { ...consistencyInput, size2: undefined }], /^consensus-check: cases\[1\]\.size2: missing: expected a whole number from 0 to 2\^53 − 1/],
    ["verify-consistency", { ...consistencyInput, root1: "0x1" }, /^consensus-check: case\.root1: expected a 32-byte hash/],
    ["verify-consistency", { ...consistencyInput, root1: 5 }, /^consensus-check: case\.root1: expected a 32-byte hash/],
    ["verify-inclusion", { ...inclusionInput, proof: Array(65).fill(inclusionInput.root) }, /^consensus-check: case\.proof: a proof has at most 64 hashes \(a tree of up to 2\^53 − 1 leaves needs at most 54\)\n/],
    ["verify-consistency", { ...consistencyInput, proof: Array(65).fill(consistencyInput.root1) }, /^consensus-check: case\.proof: a proof has at most 64 hashes/],
    ["verify-inclusion", { ...inclusionInput, treeSize: 2 ** 53 }, /^consensus-check: case\.treeSize: expected a whole number from 0 to 2\^53 − 1 \(9007199254740991\)\n/],
    ["verify-inclusion", { ...inclusionInput, leafIndex: 1.5 }, /^consensus-check: case\.leafIndex: expected a whole number from 0 to 2\^53 − 1/],
    ["verify-inclusion", { ...inclusionInput, leaf: "0xg0" }, /^consensus-check: case\.leaf: expected 0x-prefixed hex with an even number of digits/],
    ["root", { leaves: Array(2 ** 20 + 1).fill("0x") }, /^consensus-check: case\.leaves: at most 1048576 leaves \(2\^20\) per input/],
  ];
  it.each(cases)("merkle %s, malformed case %#", async (command, input, message) => {
    const { code, stdout, stderr } = await runMerkle(command, input);
    expect(code).toBe(2);
    expect(stdout).toBe("");
    expect(stderr).toMatch(message);
    expect(stderr.trimEnd().split("\n")).toHaveLength(1);
  });

  it("bounds the leaves of all cases of one input together, not only case by case", async () => {
    const half = Array(2 ** 19 + 1).fill("0x");
    const { code, stdout, stderr } = await runMerkle("root", [{ leaves: half }, { leaves: half }]);
    expect(code).toBe(2);
    expect(stdout).toBe("");
    expect(stderr).toBe("consensus-check: cases[1]: the cases up to here hold 1048578 leaves, more than the 1048576 one input may hold (2^20, about what 64 MiB holds of 32-byte leaves); split them over several files\n");
  });

  it("bounds the number of cases in one input", async () => {
    const { code, stderr } = await runMerkle("root", Array(100_001).fill({ leaves: [] }));
    expect(code).toBe(2);
    expect(stderr).toBe("consensus-check: cases: 100001 cases, more than the 100000 one input may hold; split them over several files\n");
  });

  it("reads standard input through the real binary and prints no stack trace", () => {
    const run = spawnSync(process.execPath, ["bin/consensus-check.mjs", "merkle", "verify-inclusion", "-"], { input: JSON.stringify({ ...inclusionInput, leafIndex: -3 }), encoding: "utf8" });
    expect(run.status).toBe(2);
    expect(run.stderr).toBe("consensus-check: case.leafIndex: expected a whole number ≥ 0, not a negative one\n");
    const ok = spawnSync(process.execPath, ["bin/consensus-check.mjs", "merkle", "root", "-", "--json"], { input: JSON.stringify({ leaves: leafInputs }), encoding: "utf8" });
    expect(ok.status).toBe(0);
    expect(JSON.parse(ok.stdout)).toEqual({ root: hex(vectors.rootHashes[8]) });
  });
});
