import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it, vi } from "vitest";
import { main } from "../../cli/main.ts";

const directory = mkdtempSync(join(tmpdir(), "mpt-cli-"));
afterAll(() => rmSync(directory, { recursive: true, force: true }));

let fileCount = 0;
function caseFile(content: unknown): string {
  const file = join(directory, `case-${fileCount++}.json`);
  writeFileSync(file, typeof content === "string" ? content : JSON.stringify(content));
  return file;
}

/** Runs the CLI in-process and captures what it prints. */
async function run(...argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = "";
  let stderr = "";
  const out = vi.spyOn(process.stdout, "write").mockImplementation((chunk) => ((stdout += String(chunk)), true));
  const err = vi.spyOn(process.stderr, "write").mockImplementation((chunk) => ((stderr += String(chunk)), true));
  try {
    return { code: await main(argv), stdout, stderr };
  } finally {
    out.mockRestore();
    err.mockRestore();
  }
}

const hexOf = (text: string): string => `0x${Buffer.from(text).toString("hex")}`;
const PUPPY_OPS = [["do", "verb"], ["dog", "puppy"], ["doge", "coin"], ["horse", "stallion"]].map(([k, v]) => [hexOf(k), hexOf(v)]);
// ethereum/tests trietest.json "emptyValues" ends with this map (do, horse, doge, dog): its root.
const PUPPY_ROOT = "0x5991bb8c6514148a29db676a14ac506cd2cd5775ace63c30a4fe457715e9ac84";

describe("consensus-check mpt", () => {
  it("root: prints one result per case, in order, as JSON", async () => {
    const file = caseFile([{ ops: PUPPY_OPS }, { ops: [] }, { secure: true, ops: [[hexOf("A"), hexOf("a".repeat(50))]] }, { ops: [...PUPPY_OPS, [hexOf("dog"), null]] }]);
    const { code, stdout } = await run("mpt", "root", file, "--json");
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toEqual([
      { root: PUPPY_ROOT },
      { root: "0x56e81f171bcc55a6ff8345e692c0f86e5b48e01b996cadc001622fb5e363b421" },
      { root: "0xe9e2935138352776cad724d31c9fa5266a5c593bb97726dd2a908fe6d53284df" },
      expect.objectContaining({ root: expect.not.stringMatching(PUPPY_ROOT) }),
    ]);
  });

  it("prove --json output is verify-proof input as it is: presence and absence, one case or an array, exit 0", async () => {
    const proved = await run("mpt", "prove", caseFile([{ ops: PUPPY_OPS, key: hexOf("dog") }, { ops: PUPPY_OPS, key: hexOf("cat") }]), "--json");
    expect(proved.code).toBe(0);
    const [present, absent] = JSON.parse(proved.stdout) as { root: string; key: string; proof: string[]; value: string | null }[];
    expect(present).toEqual({ root: PUPPY_ROOT, key: hexOf("dog"), proof: expect.any(Array), value: hexOf("puppy") });
    expect(absent).toEqual({ root: PUPPY_ROOT, key: hexOf("cat"), proof: expect.any(Array), value: null });
    const verified = await run("mpt", "verify-proof", caseFile(proved.stdout), "--json");
    expect(verified.code).toBe(0);
    expect(JSON.parse(verified.stdout)).toEqual([{ valid: true, value: hexOf("puppy") }, { valid: true, value: null }]);

    const single = await run("mpt", "prove", caseFile({ ops: PUPPY_OPS, key: hexOf("doge") }), "--json");
    const again = await run("mpt", "verify-proof", caseFile(single.stdout));
    expect(again).toMatchObject({ code: 0, stdout: `valid, value ${hexOf("coin")}\n` });
  });

  it("carries secure through the round trip, and only when the case set it", async () => {
    const proved = await run("mpt", "prove", caseFile([{ secure: true, ops: PUPPY_OPS, key: hexOf("dog") }, { secure: false, ops: PUPPY_OPS, key: hexOf("dog") }]), "--json");
    const [secure, plain] = JSON.parse(proved.stdout) as { secure?: boolean; root: string }[];
    expect(secure).toMatchObject({ secure: true });
    expect(plain).toMatchObject({ secure: false, root: PUPPY_ROOT });
    expect(secure.root).not.toBe(PUPPY_ROOT);
    const verified = await run("mpt", "verify-proof", caseFile(proved.stdout), "--json");
    expect(verified.code).toBe(0);
    // Without `secure`, the secure proof is read as a plain one and fails.
    const { secure: _dropped, ...withoutSecure } = secure;
    expect((await run("mpt", "verify-proof", caseFile(withoutSecure))).code).toBe(1);
  });

  it("a tampered value is an invalid proof: exit 1, every case still printed", async () => {
    const proved = JSON.parse((await run("mpt", "prove", caseFile([{ ops: PUPPY_OPS, key: hexOf("dog") }, { ops: PUPPY_OPS, key: hexOf("cat") }]), "--json")).stdout) as {
      value: string | null;
    }[];
    const [present, absent] = proved;
    const cases = [{ ...present, value: hexOf("kitty") }, { ...present, value: null }, { ...absent, value: hexOf("meow") }, present];
    const verified = await run("mpt", "verify-proof", caseFile(cases), "--json");
    expect(verified.code).toBe(1);
    expect(JSON.parse(verified.stdout)).toEqual([
      { valid: false, value: null, error: `the proof shows value ${hexOf("puppy")}, but the case expects value ${hexOf("kitty")}` },
      { valid: false, value: null, error: `the proof shows value ${hexOf("puppy")}, but the case expects the key absent` },
      { valid: false, value: null, error: `the proof shows the key absent, but the case expects value ${hexOf("meow")}` },
      { valid: true, value: hexOf("puppy") },
    ]);
    const lines = await run("mpt", "verify-proof", caseFile(cases.slice(2)));
    expect(lines).toMatchObject({ code: 1, stdout: `case 0: invalid: the proof shows the key absent, but the case expects value ${hexOf("meow")}\ncase 1: valid, value ${hexOf("puppy")}\n` });
  });

  it("a forged proof node is invalid: exit 1", async () => {
    const [present] = JSON.parse((await run("mpt", "prove", caseFile([{ ops: PUPPY_OPS, key: hexOf("dog") }]), "--json")).stdout) as { root: string; key: string; proof: string[] }[];
    const forged = present.proof.map((node) => node.replace(Buffer.from("puppy").toString("hex"), Buffer.from("kitty").toString("hex")));
    const verified = await run("mpt", "verify-proof", caseFile({ root: present.root, key: present.key, proof: forged }), "--json");
    expect(verified.code).toBe(1);
    expect(JSON.parse(verified.stdout)).toMatchObject({ valid: false, value: null, error: expect.stringMatching(/does not hash/) });
  });

  it("root and prove exit 0 whatever they compute", async () => {
    expect((await run("mpt", "root", caseFile({ ops: [] }))).code).toBe(0);
    expect((await run("mpt", "prove", caseFile({ ops: [], key: "0x" }))).code).toBe(0);
  });

  it("handles the deepest trie the key bound allows (keys 1 to 256 bytes, each a prefix of the next)", async () => {
    const chain = Array.from({ length: 256 }, (_, i) => [`0x${"00".repeat(i + 1)}`, "0x01"]);
    const proved = await run("mpt", "prove", caseFile({ ops: chain, key: `0x${"00".repeat(256)}` }), "--json");
    expect(proved.code).toBe(0);
    const proof = JSON.parse(proved.stdout) as { proof: string[]; value: string };
    expect(proof.value).toBe("0x01");
    expect(proof.proof.length).toBeLessThanOrEqual(513);
    expect((await run("mpt", "verify-proof", caseFile(proved.stdout))).code).toBe(0);
  });

  it.each([
    ["root", /Exit status: 0 every case is computed 2 bad input or usage \(a file that cannot be read, or a malformed case/],
    ["prove", /Exit status: 0 every case is computed 2 bad input or usage \(a file that cannot be read, or a malformed case/],
    ["verify-proof", /Exit status: 0 every case's proof is valid 1 at least one proof is invalid \(every case is still checked and printed\) 2 bad input/],
  ])("mpt %s --help states the exit status", async (command, text) => {
    const { code, stdout } = await run("mpt", command, "--help");
    expect(code).toBe(0);
    expect(stdout.replace(/\s+/g, " ")).toMatch(text);
  });

  it("bounds the ops of all cases of one input together", async () => {
    const half = Array(2 ** 17 + 1).fill(["0x01", null]);
    const { code, stderr } = await run("mpt", "root", caseFile([{ ops: half }, { ops: half }]));
    expect(code).toBe(2);
    expect(stderr).toBe("consensus-check: cases[1]: the cases up to here hold 262146 ops, more than the 262144 one input may hold (2^18: each update costs about 20 µs and 2 KiB); split them over several files\n");
  });

  it("prints one line per case without --json", async () => {
    const { code, stdout } = await run("mpt", "root", caseFile({ ops: PUPPY_OPS }));
    expect(code).toBe(0);
    expect(stdout).toBe(`root ${PUPPY_ROOT}\n`);
  });

  it.each([
    ["root", "{not json", /is not valid JSON/],
    ["root", { secure: true }, /^consensus-check: case\.ops: /],
    ["root", [{ ops: [] }, { ops: [["0xabc", "0x01"]] }], /^consensus-check: cases\[1\]\.ops\[0\]\[0\]: expected 0x-prefixed hex with an even number/],
    ["root", { ops: [["0x01", -1]] }, /^consensus-check: case\.ops\[0\]\[1\]: /],
    ["prove", { ops: [] }, /^consensus-check: case\.key: /],
    ["prove", { ops: [], key: -3 }, /^consensus-check: case\.key: /],
    ["verify-proof", { root: "0x00", key: "0x01", proof: [] }, /^consensus-check: case\.root: expected a 32-byte hash/],
    ["verify-proof", { root: `0x${"00".repeat(32)}`, key: "0x01" }, /^consensus-check: case\.proof: /],
    ["verify-proof", { root: `0x${"00".repeat(32)}`, key: "0x01", proof: [], rooot: 1 }, /^consensus-check: case: .*rooot/],
    ["verify-proof", { root: `0x${"00".repeat(32)}`, key: "0x01", proof: [], value: "0x" }, /^consensus-check: case\.value: a trie holds no empty value \(an empty value deletes the key\): use null for "expected absent"/],
    ["verify-proof", { root: `0x${"00".repeat(32)}`, key: "0x01", proof: [], value: 7 }, /^consensus-check: case\.value: expected 0x-prefixed hex/],
    ["verify-proof", { root: `0x${"00".repeat(32)}`, key: "0x01", proof: Array(514).fill("0x80") }, /^consensus-check: case\.proof: a proof has at most 513 nodes \(one per nibble of a key of at most 256 bytes, and its end\)/],
    ["verify-proof", { root: `0x${"00".repeat(32)}`, key: `0x${"00".repeat(257)}`, proof: [] }, /^consensus-check: case\.key: a key must be at most 256 bytes \(0x \+ 512 hex digits\)/],
    ["root", { ops: [[`0x${"00".repeat(257)}`, "0x01"]] }, /^consensus-check: case\.ops\[0\]\[0\]: a key must be at most 256 bytes/],
    ["prove", { ops: [], key: `0x${"00".repeat(257)}` }, /^consensus-check: case\.key: a key must be at most 256 bytes/],
    ["root", { ops: Array(2 ** 18 + 1).fill(["0x01", null]) }, /^consensus-check: case\.ops: at most 262144 ops \(2\^18\) per input/],
  ])("mpt %s on malformed input, case %#, exits 2 with one line naming the case and field", async (command, content, message) => {
    const { code, stdout, stderr } = await run("mpt", command, caseFile(content));
    expect(code).toBe(2);
    expect(stdout).toBe("");
    expect(stderr).toMatch(message);
    expect(stderr.trimEnd().split("\n")).toHaveLength(1);
  });

  it("exits 2 on a file that does not exist", async () => {
    const { code, stderr } = await run("mpt", "root", join(directory, "missing.json"));
    expect(code).toBe(2);
    expect(stderr).toMatch(/cannot read .*missing\.json: ENOENT \(no such file\)\n$/);
  });
});
