import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { availableParallelism } from "node:os";
import { defineConfig } from "vitest/config";

// Coverage is the gate (DEVELOPERS.md): V8 provider inside vitest, never c8 around it.
export default defineConfig({
  // examples/ are user projects that import the package by name: here it is the source.
  resolve: { alias: packageAliases() },
  test: {
    include: ["test/**/*.test.ts"],
    testTimeout: 120_000,
    hookTimeout: 120_000,
    pool: "forks",
    // One test file per core, said outright: on the 2-core machines npm test is budgeted for
    // (10 minutes), vitest 4.1 left to its default ran one file at a time (593 s, never two files
    // at once in its JSON report); with this, 320 s.
    maxWorkers: availableParallelism(),
    // .ci/run reads the totals from this file to print "N passed, N failed".
    reporters: ["default", ["json", { outputFile: "reports/test-results.json" }]],
    coverage: {
      provider: "v8",
      include: ["api/**/*.ts", "spec/**/*.ts", "impl/**/*.ts", "explorer/**/*.ts", "properties/**/*.ts", "models/**/*.ts", "reporting/**/*.ts", "cli/**/*.ts"],
      exclude: ["**/*.d.ts", "test/**"],
      reporter: ["text-summary", "json-summary"],
      reportsDirectory: "coverage",
      // Raised as the code matured (issue 01 started at 85% lines; raised again in issue 03); never lowered.
      thresholds: {
        lines: 98.9,
        statements: 97.4,
        branches: 92.3,
        functions: 99.0,
        "spec/**": { lines: 97, branches: 88 },
        "impl/**": { lines: 99, branches: 94 },
        "explorer/**": { lines: 99, branches: 92 },
        "reporting/**": { lines: 99, branches: 91 },
        "cli/**": { lines: 96, branches: 86 },
      },
    },
  },
});

/** "consensus-check" → api/index.ts, and "consensus-check/vitest" → api/vitest.ts where it exists (exact names only). */
function packageAliases(): { find: RegExp; replacement: string }[] {
  const source = (path: string) => fileURLToPath(new URL(path, import.meta.url));
  const aliases = [{ find: /^consensus-check$/, replacement: source("./api/index.ts") }];
  if (existsSync(source("./api/vitest.ts"))) aliases.push({ find: /^consensus-check\/vitest$/, replacement: source("./api/vitest.ts") });
  return aliases;
}
