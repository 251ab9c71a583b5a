import { spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterAll, describe, expect, it } from "vitest";

/**
 * docs/api/ is the API reference TypeDoc generates from api/index.ts's types and doc comments
 * (typedoc.json; `npm run docs:api`), never written by hand: generated again into a temporary
 * folder, it must be what is committed. About 5 s (typedoc.json skips TypeDoc's own type check:
 * `npm run typecheck` does that).
 */
const ROOT = resolve(import.meta.dirname, "../..");
const DOCS = join(ROOT, "docs/api");
const out = mkdtempSync(join(tmpdir(), "consensus-check-api-doc-"));
afterAll(() => rmSync(out, { recursive: true, force: true }));

const files = (folder: string): string[] => readdirSync(folder, { recursive: true, withFileTypes: true }).filter((entry) => entry.isFile()).map((entry) => join(entry.parentPath, entry.name).slice(folder.length + 1)).sort();

describe("docs/api", () => {
  it("is what TypeDoc makes of the public API now", () => {
    let typedoc: string;
    try {
      typedoc = join(createRequire(join(ROOT, "package.json")).resolve("typedoc/package.json"), "../bin/typedoc");
    } catch {
      throw new Error("typedoc is not installed: it and typedoc-plugin-markdown are devDependencies (npm ci)");
    }
    const ran = spawnSync(process.execPath, [typedoc, "--out", out], { cwd: ROOT, encoding: "utf8" });
    expect(ran.status, `typedoc failed:\n${ran.stdout}${ran.stderr}`).toBe(0);
    expect(files(DOCS), "docs/api is stale: run npm run docs:api").toEqual(files(out));
    for (const file of files(out)) expect(readFileSync(join(DOCS, file), "utf8"), `docs/api/${file} is stale: run npm run docs:api`).toBe(readFileSync(join(out, file), "utf8"));
  });
});
