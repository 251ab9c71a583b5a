import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { mkdirSync, mkdtempSync, rmSync, truncateSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it, vi } from "vitest";
import { INPUT_LIMIT_BYTES, describeSize } from "../../cli/input-bytes.ts";
import { MAX_JSON_DEPTH, parseJsonBytes } from "../../cli/json-input.ts";
import { InputError } from "../../spec/common/input-error.ts";
import { expectOneLineError, runCli } from "./run-cli.ts";

const directory = mkdtempSync(join(tmpdir(), "input-files-"));
afterAll(() => rmSync(directory, { recursive: true, force: true }));
const MIB = 1024 * 1024;

let count = 0;
function file(content: string | Uint8Array, name = `input-${count++}.json`): string {
  const path = join(directory, name);
  writeFileSync(path, content);
  return path;
}

/** A file of `bytes` bytes that takes no disk: its size is all the limit looks at. */
function sparseFile(bytes: number): string {
  const path = file("");
  truncateSync(path, bytes);
  return path;
}

const escaped = (path: string): string => path.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

describe("every input file is read within the 64 MiB limit", () => {
  it("refuses a file over the limit by its size, before reading it, for every command that reads one", async () => {
    const big = sparseFile(80 * MIB);
    const message = new RegExp(`^consensus-check: ${escaped(big)}: 80 MiB is over the 64 MiB input limit$`);
    for (const argv of [["merkle", "root"], ["merkle", "verify-inclusion"], ["mpt", "verify-proof"], ["replay"], ["report"]]) {
      const started = performance.now();
      expectOneLineError(await runCli(...argv, big), message);
      expect(performance.now() - started).toBeLessThan(1000);
    }
  });

  it("takes a file of exactly 64 MiB and refuses one byte more", async () => {
    const json = '{"leaves": []}';
    const exact = file(json + " ".repeat(INPUT_LIMIT_BYTES - json.length));
    const run = await runCli("merkle", "root", exact);
    expect(run.code).toBe(0);
    expect(run.stdout).toBe(`root 0x${createHash("sha256").digest("hex")}\n`);
    const over = sparseFile(INPUT_LIMIT_BYTES + 1);
    expectOneLineError(await runCli("merkle", "root", over), /: 64\.00 MiB \(67108865 bytes\) is over the 64 MiB input limit$/);
  });

  it("counts standard input while reading it, and stops at the limit", () => {
    const run = spawnSync("sh", ["-c", `head -c ${INPUT_LIMIT_BYTES + 1} /dev/zero | "${process.execPath}" bin/consensus-check.mjs merkle root -`], { encoding: "utf8" });
    expect(run.status).toBe(2);
    expect(run.stderr).toBe("consensus-check: standard input: more than 64 MiB is over the 64 MiB input limit\n");
  });

  it("writes sizes as a person reads them", () => {
    expect(describeSize(80 * MIB)).toBe("80 MiB");
    expect(describeSize(MIB + MIB / 2)).toBe("1.50 MiB (1572864 bytes)");
  });
});

describe("a bad input file is one line and exit 2, never a hang or a stack trace", () => {
  const cases: [string, () => string, RegExp][] = [
    ["a missing file", () => join(directory, "missing.json"), /^consensus-check: cannot read .*missing\.json: ENOENT \(no such file\)$/],
    ["a directory", () => (mkdirSync(join(directory, "dir.json"), { recursive: true }), join(directory, "dir.json")), /^consensus-check: .*dir\.json is a directory; give a JSON file$/],
    ["a character device", () => "/dev/null", /^consensus-check: \/dev\/null is not a regular file \(a FIFO, socket or device\); give a file, or - and pipe it to standard input$/],
    ["an empty file", () => file(""), /^consensus-check: .*\.json is empty; expected a JSON object or array$/],
    ["a file of blanks", () => file(" \n\t\r\n"), /^consensus-check: .*\.json is empty; expected a JSON object or array$/],
    ["a UTF-8 byte-order mark", () => file(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('{"leaves": []}')])), /^consensus-check: .*\.json starts with a byte-order mark \(EF BB BF\); save it as UTF-8 without a BOM$/],
    ["UTF-16", () => file(Buffer.from('\ufeff{"leaves": []}', "utf16le")), /^consensus-check: .*\.json is UTF-16 text \(it starts with a UTF-16 byte-order mark\); save it as UTF-8$/],
    ["invalid UTF-8", () => file(Buffer.from([0x7b, 0x22, 0xff, 0xfe, 0x22, 0x3a, 0x31, 0x7d])), /^consensus-check: .*\.json is not UTF-8 text \(it holds byte sequences UTF-8 does not allow\); save it as UTF-8$/],
    ["Latin-1 text", () => file(Buffer.from('{"leaves": ["caf\xe9"]}', "latin1")), /^consensus-check: .*\.json is not UTF-8 text/],
    ["invalid JSON", () => file("{not json"), /^consensus-check: .*\.json is not valid JSON: /],
    ["null", () => file("null"), /^consensus-check: .*\.json: expected a JSON object or array, got null$/],
    ["a number", () => file("42"), /^consensus-check: .*\.json: expected a JSON object or array, got a number$/],
    ["a string", () => file('"0x00"'), /^consensus-check: .*\.json: expected a JSON object or array, got a string$/],
    ["a boolean", () => file("true"), /^consensus-check: .*\.json: expected a JSON object or array, got a boolean$/],
    ["100,000 nested arrays", () => file(`${"[".repeat(100_000)}${"]".repeat(100_000)}`), /^consensus-check: .*\.json: JSON nested deeper than 100 levels \(at character 100\); no input format nests that deep$/],
    ["nested objects", () => file(`${'{"a":'.repeat(101)}1${"}".repeat(101)}`), /^consensus-check: .*\.json: JSON nested deeper than 100 levels \(at character 500\)/],
  ];
  it.each(cases)("%s", async (_what, path, message) => {
    for (const argv of [["merkle", "root"], ["replay"]]) expectOneLineError(await runCli(...argv, path()), message);
  });

  it("a FIFO is refused at once, not waited on for a writer", async () => {
    const fifo = join(directory, "fifo.json");
    expect(spawnSync("mkfifo", [fifo]).status).toBe(0);
    const started = performance.now();
    expectOneLineError(await runCli("mpt", "root", fifo), /^consensus-check: .*fifo\.json is not a regular file \(a FIFO, socket or device\)/);
    expect(performance.now() - started).toBeLessThan(1000);
  });

  it("counts brackets only outside strings: brackets, quotes and escapes inside strings are text", async () => {
    const deepInString = file(JSON.stringify({ leaves: [], hash: `${"[{".repeat(200)}\\"\\\\` }));
    expectOneLineError(await runCli("merkle", "root", deepInString), /^consensus-check: case\.hash: expected "rfc6962"/);
    const nested = (depth: number): string => `${"[".repeat(depth)}${"]".repeat(depth)}`;
    expect(parseJsonBytes(Buffer.from(nested(MAX_JSON_DEPTH)), "x")).toBeInstanceOf(Array);
    expect(() => parseJsonBytes(Buffer.from(nested(MAX_JSON_DEPTH + 1)), "x")).toThrow(/nested deeper than 100 levels/);
  });

  it("turns a RangeError of the JSON parser into an input error", () => {
    const parse = vi.spyOn(JSON, "parse").mockImplementation(() => {
      throw new RangeError("Maximum call stack size exceeded");
    });
    try {
      expect(() => parseJsonBytes(Buffer.from("[]"), "deep.json")).toThrow(InputError);
      expect(() => parseJsonBytes(Buffer.from("[]"), "deep.json")).toThrow("deep.json: JSON nested too deep to parse (Maximum call stack size exceeded); no input format nests that deep");
    } finally {
      parse.mockRestore();
    }
  });
});

describe("hex strings are checked in linear time", () => {
  const leafHash = (data: Buffer): string => `0x${createHash("sha256").update(Buffer.from([0])).update(data).digest("hex")}`;

  it.each([
    ["5 MiB", 5 * MIB],
    ["50 MiB", 50 * MIB],
  ])("a %s hex leaf: its root is computed, and an odd digit count is an input error, not a stack overflow", async (_size, digits) => {
    const data = Buffer.alloc(digits / 2, 0xab);
    const valid = await runCli("merkle", "root", file(JSON.stringify({ leaves: [`0x${data.toString("hex")}`] })));
    expect(valid.code).toBe(0);
    expect(valid.stdout).toBe(`root ${leafHash(data)}\n`);
    const odd = file(JSON.stringify({ leaves: [`0x${data.toString("hex")}a`] }));
    expectOneLineError(await runCli("merkle", "root", odd), /^consensus-check: case\.leaves\[0\]: expected 0x-prefixed hex with an even number of digits, e.g\. "0x00ff"$/);
    const notHex = file(JSON.stringify({ leaves: [`0x${data.toString("hex")}zz`] }));
    expectOneLineError(await runCli("merkle", "root", notHex), /^consensus-check: case\.leaves\[0\]: expected 0x-prefixed hex with an even number of digits/);
  });
});
