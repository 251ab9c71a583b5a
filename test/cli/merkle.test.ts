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
  it("accepts the reference proof given the leaf data or its leaf hash, and rejects a wrong index with exit 0", async () => {
    const leafHash = hex(vectors.nodeHashes[0][inclusion.leafIndex]);
    const { leaf: _leaf, ...withoutLeaf } = inclusionInput;
    const { code, stdout } = await runMerkle("verify-inclusion", [inclusionInput, { ...withoutLeaf, leafHash }, { ...inclusionInput, leafIndex: 4 }], "--json");
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toEqual([{ valid: true }, { valid: true }, { valid: false, error: "the proof leads to a different root" }]);
  });

  it("prints one line per verdict without --json", async () => {
    const { stdout } = await runMerkle("verify-inclusion", [inclusionInput, { ...inclusionInput, leafIndex: 8 }]);
    expect(stdout).toBe("case 0: valid\ncase 1: invalid: leaf index 8 is not below tree size 8\n");
  });
});

describe("consensus-check merkle verify-consistency", () => {
  it("accepts the reference proof and rejects swapped roots", async () => {
    const { code, stdout } = await runMerkle("verify-consistency", [consistencyInput, { ...consistencyInput, root1: consistencyInput.root2, root2: consistencyInput.root1 }], "--json");
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toEqual([{ valid: true }, { valid: false, error: "the proof does not lead to root1" }]);
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
    ["verify-consistency", [consistencyInput, { ...consistencyInput, size2: undefined }], /^consensus-check: cases\[1\]\.size2: missing: expected a whole number ≥ 0/],
    ["verify-consistency", { ...consistencyInput, root1: "0x1" }, /^consensus-check: case\.root1: expected 0x-prefixed hex/],
  ];
  it.each(cases)("merkle %s on %j", async (command, input, message) => {
    const { code, stdout, stderr } = await runMerkle(command, input);
    expect(code).toBe(2);
    expect(stdout).toBe("");
    expect(stderr).toMatch(message);
    expect(stderr.trimEnd().split("\n")).toHaveLength(1);
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
