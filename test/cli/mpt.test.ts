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

  it("prove then verify-proof: presence and absence round-trip, and a forged value is invalid", async () => {
    const proved = await run("mpt", "prove", caseFile([{ ops: PUPPY_OPS, key: hexOf("dog") }, { ops: PUPPY_OPS, key: hexOf("cat") }]), "--json");
    const [present, absent] = JSON.parse(proved.stdout) as { root: string; proof: string[]; value: string | null }[];
    expect(present).toMatchObject({ root: PUPPY_ROOT, value: hexOf("puppy") });
    expect(absent.value).toBeNull();
    const forged = present.proof.map((node) => node.replace(Buffer.from("puppy").toString("hex"), Buffer.from("kitty").toString("hex")));
    const verified = await run(
      "mpt",
      "verify-proof",
      caseFile([
        { root: present.root, key: hexOf("dog"), proof: present.proof },
        { root: absent.root, key: hexOf("cat"), proof: absent.proof },
        { root: present.root, key: hexOf("dog"), proof: forged },
      ]),
      "--json",
    );
    expect(verified.code).toBe(0);
    const results = JSON.parse(verified.stdout) as { valid: boolean; value: string | null; error?: string }[];
    expect(results.slice(0, 2)).toEqual([{ valid: true, value: hexOf("puppy") }, { valid: true, value: null }]);
    expect(results[2]).toMatchObject({ valid: false, value: null, error: expect.stringMatching(/does not hash/) });
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
  ])("mpt %s on malformed input %j exits 2 with one line naming the case and field", async (command, content, message) => {
    const { code, stdout, stderr } = await run("mpt", command, caseFile(content));
    expect(code).toBe(2);
    expect(stdout).toBe("");
    expect(stderr).toMatch(message);
    expect(stderr.trimEnd().split("\n")).toHaveLength(1);
  });

  it("exits 2 on a file that does not exist", async () => {
    const { code, stderr } = await run("mpt", "root", join(directory, "missing.json"));
    expect(code).toBe(2);
    expect(stderr).toMatch(/cannot read .*missing\.json: ENOENT/);
  });
});
