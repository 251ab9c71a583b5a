import { mkdirSync, writeFileSync } from "node:fs";
import { cpus } from "node:os";
import { merkleBench } from "./merkle.ts";
import { mptBench } from "./mpt.ts";
import { pbftOracleSuite } from "./pbft-oracle.ts";
import type { BenchSuite } from "./suite.ts";

/**
 * `npm run bench`: every suite measures ours against its peers in the same run on the same
 * inputs, and reports ratios. Speed lives here, never in timed tests (DEVELOPERS.md).
 * `npm run bench -- NAME…` runs only the named suites.
 */
const suites: BenchSuite[] = [pbftOracleSuite, merkleBench, mptBench];

const only = process.argv.slice(2);
const results: Record<string, unknown> = {
  machine: { node: process.version, cpus: cpus().length, cpu: cpus()[0]?.model ?? "unknown" },
  date: new Date().toISOString(),
};
for (const suite of suites) {
  if (only.length > 0 && !only.includes(suite.name)) continue;
  const log = (line: string): void => void process.stderr.write(`[${suite.name}] ${line}\n`);
  log("running");
  results[suite.name] = await suite.run(log);
}
mkdirSync("reports", { recursive: true });
writeFileSync("reports/bench.json", `${JSON.stringify(results, null, 2)}\n`);
process.stdout.write(`${JSON.stringify(results, null, 2)}\n`);
