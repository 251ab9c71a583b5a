import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { MODULE_ROOT, PACKAGE_ROOT, packageRootOf } from "../../cli/package-root.ts";

const scratch = mkdtempSync(join(tmpdir(), "consensus-check-root-"));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe("the package root", () => {
  it("is the modules' folder in the repository, where package.json sits beside the sources", () => {
    expect(MODULE_ROOT).toBe(resolve(import.meta.dirname, "../.."));
    expect(PACKAGE_ROOT).toBe(MODULE_ROOT);
  });

  it("is dist/'s parent for the built modules of an installed package", () => {
    writeFileSync(join(scratch, "package.json"), "{}");
    mkdirSync(join(scratch, "dist"));
    expect(packageRootOf(join(scratch, "dist"))).toBe(scratch);
    expect(packageRootOf(scratch)).toBe(scratch);
  });
});
