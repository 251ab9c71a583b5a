import { createMPT, verifyMerkleProof } from "@ethereumjs/mpt";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { bitcoinMerkleRoot, buildMerkleTree, consistencyProof, inclusionProof, treeRoot } from "../../impl/merkle/index.ts";
import { loadRfc6962Vectors } from "../fixtures/merkle/rfc6962-vectors.ts";
import { runCli } from "./run-cli.ts";

/**
 * The sample case files under examples/ and the README's merkle and mpt command lines that
 * use them. The files are computed here from public vectors (RFC 6962's, Bitcoin block 100000,
 * ethereum/tests' trie) and the project's own code; `UPDATE_EXAMPLES=1` rewrites them, and
 * otherwise a file that differs from what the code computes fails. The README's lines are read
 * out of README.md and run, so that neither the files nor the README can drift.
 */

const root = fileURLToPath(new URL("../../", import.meta.url));
const examplePath = (name: string): string => join(root, "examples", name);
const scratch = mkdtempSync(join(tmpdir(), "examples-"));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const vectors = loadRfc6962Vectors();
const hex = (bytes: Uint8Array): string => `0x${Buffer.from(bytes).toString("hex")}`;
const ascii = (text: string): string => hex(Buffer.from(text));
/** Block explorers print txids and roots byte-reversed; the files hold internal byte order. */
const fromDisplay = (display: string): Uint8Array => Uint8Array.from(Buffer.from(display, "hex").reverse());

// Bitcoin mainnet block 100000 (000000000003ba27aa200b1cecaad478d2b00432346c3f1f3986da1afd33e506).
const BLOCK_100000_TXIDS = [
  "8c14f0db3df150123e6f3dbbf30f8b955a8249b62ac1d1ff16284aefa3d06d87",
  "fff2525b8931402dd09222c50775608f75787bd2b87e56995a7bdd30f79702c4",
  "6359f0868171b1d194cbee1af2f16ea598ae8fad666d9b012c8ed2b79a236ec4",
  "e9a66845e05d5abc0ad04ec80f774a7e585c6e8db975962d069a522137b80c1d",
].map(fromDisplay);
const BLOCK_100000_ROOT = hex(fromDisplay("f3e94742aca4b5ef85488dc37c06c3282295ffec960994b2c0d5ac2a25a95766"));

// ethereum/tests trietest.json: do, dog, doge, horse; its root (test/cli/mpt.test.ts pins it too).
const PUPPY = [["do", "verb"], ["dog", "puppy"], ["doge", "coin"], ["horse", "stallion"]] as const;
const PUPPY_OPS = PUPPY.map(([key, value]) => [ascii(key), ascii(value)]);
const PUPPY_ROOT = "0x5991bb8c6514148a29db676a14ac506cd2cd5775ace63c30a4fe457715e9ac84";

const leaves = vectors.leafInputs.map(hex);
const inclusion = vectors.inclusionProofs[1]!; // leaf 5 of the 8-leaf tree
const consistency = vectors.consistencyProofs[2]!; // 6 → 8
const inclusionCase = {
  leafIndex: inclusion.leafIndex,
  treeSize: inclusion.treeSize,
  leaf: leaves[inclusion.leafIndex],
  proof: inclusion.proof.map(hex),
  root: hex(vectors.rootHashes[inclusion.treeSize]!),
};
const { leaf: _leaf, ...byLeafHash } = inclusionCase;

/** The example files as the code computes them, the proofs file from `mpt prove --json` itself. */
async function computedExamples(): Promise<Record<string, unknown>> {
  const files: Record<string, unknown> = {
    "merkle/root.json": [{ leaves }, { hash: "bitcoin", leaves: BLOCK_100000_TXIDS.map(hex) }],
    "merkle/inclusion.json": [inclusionCase, { ...byLeafHash, leafHash: hex(vectors.nodeHashes[0]![inclusion.leafIndex]!) }],
    "merkle/inclusion-invalid.json": [inclusionCase, { ...inclusionCase, leafIndex: inclusionCase.leafIndex - 1 }],
    "merkle/consistency.json": {
      size1: consistency.size1,
      size2: consistency.size2,
      root1: hex(vectors.rootHashes[consistency.size1]!),
      root2: hex(vectors.rootHashes[consistency.size2]!),
      proof: consistency.proof.map(hex),
    },
    "mpt/root.json": { ops: PUPPY_OPS },
    "mpt/prove.json": [
      { ops: PUPPY_OPS, key: ascii("dog") },
      { ops: PUPPY_OPS, key: ascii("cat") },
      { secure: true, ops: PUPPY_OPS, key: ascii("doge") },
    ],
  };
  const proveFile = join(scratch, "prove.json");
  writeFileSync(proveFile, JSON.stringify(files["mpt/prove.json"]));
  const proved = await runCli("mpt", "prove", proveFile, "--json");
  expect(proved.code).toBe(0);
  files["mpt/proof.json"] = JSON.parse(proved.stdout);
  return files;
}

/** JSON as a person writes it: 2-space indents, with short arrays of plain values (an op) on one line. */
function formatJson(value: unknown, indent = ""): string {
  const inner = `${indent}  `;
  if (Array.isArray(value)) {
    const flat = `[${value.map((item) => JSON.stringify(item)).join(", ")}]`;
    if (value.every((item) => item === null || typeof item !== "object") && flat.length <= 80) return flat;
    return `[\n${value.map((item) => inner + formatJson(item, inner)).join(",\n")}\n${indent}]`;
  }
  if (value !== null && typeof value === "object") {
    const entries = Object.entries(value).map(([key, item]) => `${inner}${JSON.stringify(key)}: ${formatJson(item, inner)}`);
    return `{\n${entries.join(",\n")}\n${indent}}`;
  }
  return JSON.stringify(value);
}

const readExample = (name: string): unknown => JSON.parse(readFileSync(examplePath(name), "utf8"));

describe("examples/: sample case files computed by the project's code and checked against public vectors", () => {
  it("each file is what the code computes (UPDATE_EXAMPLES=1 rewrites them)", async () => {
    const computed = await computedExamples();
    for (const [name, content] of Object.entries(computed)) {
      const text = `${formatJson(content)}\n`;
      expect(JSON.parse(text)).toEqual(content);
      if (process.env.UPDATE_EXAMPLES === "1") writeFileSync(examplePath(name), text);
      expect(readFileSync(examplePath(name), "utf8"), name).toBe(text);
    }
  });

  it("the Merkle examples agree with RFC 6962's vectors and Bitcoin block 100000", () => {
    const tree = buildMerkleTree(vectors.leafInputs);
    expect(hex(treeRoot(tree))).toBe(hex(vectors.rootHashes[8]!));
    expect(inclusionProof(tree, inclusion.leafIndex).map(hex)).toEqual(inclusionCase.proof);
    expect(consistencyProof(tree, consistency.size1).map(hex)).toEqual((readExample("merkle/consistency.json") as { proof: string[] }).proof);
    expect(hex(bitcoinMerkleRoot(BLOCK_100000_TXIDS))).toBe(BLOCK_100000_ROOT);
  });

  it("the MPT examples agree with ethereum/tests and @ethereumjs/mpt", async () => {
    const proofs = readExample("mpt/proof.json") as { root: string; key: string; proof: string[]; value: string | null; secure?: boolean }[];
    for (const secure of [false, true]) {
      const theirs = await createMPT({ useKeyHashing: secure });
      for (const [key, value] of PUPPY) await theirs.put(Buffer.from(key), Buffer.from(value));
      if (!secure) expect(hex(theirs.root())).toBe(PUPPY_ROOT);
      for (const proof of proofs.filter((p) => (p.secure ?? false) === secure)) {
        expect(proof.root).toBe(hex(theirs.root()));
        const bytes = (h: string): Uint8Array => Uint8Array.from(Buffer.from(h.slice(2), "hex"));
        const value = await verifyMerkleProof(bytes(proof.key), proof.proof.map(bytes), { root: theirs.root(), useKeyHashing: secure });
        expect(value === null ? null : hex(value)).toBe(proof.value);
      }
    }
    expect(proofs.map((p) => p.value)).toEqual([ascii("puppy"), null, ascii("coin")]);
  });
});

/** The README's sh block under "## Commands": its merkle and mpt lines, without comments. */
function readmeCommands(): { line: string; comment: string }[] {
  const readme = readFileSync(join(root, "README.md"), "utf8");
  const section = readme.slice(readme.indexOf("## Commands"));
  const block = /```sh\n([\s\S]*?)```/.exec(section)?.[1] ?? "";
  return block
    .split("\n")
    .map((raw) => {
      const at = raw.indexOf("#");
      return { line: (at < 0 ? raw : raw.slice(0, at)).trim(), comment: at < 0 ? "" : raw.slice(at + 1).trim() };
    })
    .filter(({ line }) => /^npx consensus-check (merkle|mpt) /.test(line));
}

/** Runs one README line in-process: `a | b` feeds a's output to b as the file it reads for `-`. */
async function runLine(line: string): Promise<{ code: number; stdout: string; stderr: string }> {
  expect(line, "quotes and redirections are not supported here").not.toMatch(/["'<>;&$`]/);
  let piped: string | undefined;
  let run = { code: 0, stdout: "", stderr: "" };
  for (const [index, segment] of line.split("|").entries()) {
    const words = segment.trim().split(/\s+/);
    expect(words.slice(0, 2)).toEqual(["npx", "consensus-check"]);
    const argv = words.slice(2).map((word) => (word === "-" && piped !== undefined ? piped : word.startsWith("examples/") ? join(root, word) : word));
    run = await runCli(...argv);
    piped = join(scratch, `pipe-${index}.json`);
    writeFileSync(piped, run.stdout);
  }
  return run;
}

const lines = (...text: string[]): string => text.map((line) => `${line}\n`).join("");

const EXPECTED: Record<string, { code: number; stdout: (stdout: string) => void }> = {
  "npx consensus-check merkle root examples/merkle/root.json --json": {
    code: 0,
    stdout: (out) => expect(JSON.parse(out)).toEqual([{ root: hex(vectors.rootHashes[8]!) }, { root: BLOCK_100000_ROOT }]),
  },
  "npx consensus-check merkle verify-inclusion examples/merkle/inclusion.json": { code: 0, stdout: (out) => expect(out).toBe(lines("case 0: valid", "case 1: valid")) },
  "npx consensus-check merkle verify-inclusion examples/merkle/inclusion-invalid.json": {
    code: 1,
    stdout: (out) => expect(out).toBe(lines("case 0: valid", "case 1: invalid: the proof leads to a different root")),
  },
  "npx consensus-check merkle verify-consistency examples/merkle/consistency.json": { code: 0, stdout: (out) => expect(out).toBe(lines("valid")) },
  "npx consensus-check mpt root examples/mpt/root.json": { code: 0, stdout: (out) => expect(out).toBe(lines(`root ${PUPPY_ROOT}`)) },
  "npx consensus-check mpt prove examples/mpt/prove.json --json | npx consensus-check mpt verify-proof -": {
    code: 0,
    stdout: (out) => expect(out).toBe(lines(`case 0: valid, value ${ascii("puppy")}`, "case 1: valid, key absent", `case 2: valid, value ${ascii("coin")}`)),
  },
  "npx consensus-check mpt verify-proof examples/mpt/proof.json --json": {
    code: 0,
    stdout: (out) => expect(JSON.parse(out)).toEqual([{ valid: true, value: ascii("puppy") }, { valid: true, value: null }, { valid: true, value: ascii("coin") }]),
  },
};

describe("README: every merkle and mpt command line runs on the examples as it says", () => {
  const commands = readmeCommands();

  it("lists the lines this test knows, and only those", () => {
    expect(commands.map(({ line }) => line).sort()).toEqual(Object.keys(EXPECTED).sort());
  });

  it.each(commands)("$line", async ({ line, comment }) => {
    const expected = EXPECTED[line]!;
    const run = await runLine(line);
    expect(run.stderr).toBe("");
    expect(run.code).toBe(expected.code);
    expected.stdout(run.stdout);
    // A comment that names an exit status names the real one.
    const said = /exit (\d)/.exec(comment)?.[1];
    if (said !== undefined) expect(Number(said)).toBe(run.code);
  });

  it("shows an invalid proof's exit status 1, so that a reader sees the CI contract", () => {
    expect(commands.some(({ line }) => EXPECTED[line]?.code === 1)).toBe(true);
  });
});
