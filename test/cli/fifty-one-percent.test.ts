import { existsSync, mkdtempSync, writeFileSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { FIFTY_ONE_PERCENT_RUNS, writeFiftyOnePercent } from "../../cli/fifty-one-percent.ts";

/** The 51 % report's writer (check --all writes it; test/models/manifest.test.ts checks that run's files). */
describe("writeFiftyOnePercent", () => {
  it("a stopped run writes none of the three files: the folder keeps the last complete set", async () => {
    const folder = mkdtempSync(join(tmpdir(), "consensus-check-51-"));
    writeFileSync(join(folder, "fifty-one-percent.md"), "the previous report\n");
    const stopped = new AbortController();
    stopped.abort();
    expect(await writeFiftyOnePercent(folder, "quick", stopped.signal)).toBeUndefined();
    expect(readFileSync(join(folder, "fifty-one-percent.md"), "utf8")).toBe("the previous report\n");
    expect(existsSync(join(folder, "fifty-one-percent.json"))).toBe(false);
    expect(existsSync(join(folder, "fifty-one-percent.svg"))).toBe(false);
  });

  it("the full profile (npm start) runs more per cell than the quick one (every check --all)", () => {
    expect(FIFTY_ONE_PERCENT_RUNS.full.cell).toBeGreaterThan(FIFTY_ONE_PERCENT_RUNS.quick.cell);
    expect(FIFTY_ONE_PERCENT_RUNS.full.runtime).toBeGreaterThan(FIFTY_ONE_PERCENT_RUNS.quick.runtime);
  });
});
