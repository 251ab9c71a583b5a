import { execFileSync, spawnSync } from "node:child_process";
import { copyFileSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

/** The Promela twin of this model, beside this file (SOURCE.md). */
export const PROMELA_FILE = fileURLToPath(new URL("./pbft_n4f1.pml", import.meta.url));

/** What SPIN's `pan` printed for one run. */
export interface SpinFigures {
  /** "N states, stored" */
  stored: number;
  /** "N states, matched" */
  matched: number;
  /** "N transitions (= stored+matched)": SPIN counts the initial state as one (SPEC.md §7.1). */
  transitions: number;
  /** "depth reached N" */
  depthReached: number;
  /** "errors: N" */
  errors: number;
  /** Seconds `./pan` ran (wall clock, the search alone). */
  searchSeconds: number;
  output: string;
}

function found(tool: string): boolean {
  return spawnSync(tool, ["-V"], { stdio: "ignore" }).error === undefined;
}

export const hasSpinAndGcc = (): boolean => found("spin") && found("gcc");

function figure(output: string, pattern: RegExp, what: string): number {
  const match = pattern.exec(output);
  if (match === null) throw new Error(`SPIN output has no "${what}" line:\n${output}`);
  return Number(match[1]);
}

/** Parses the statistics block of a `pan` run. */
export function parseSpinOutput(output: string): Omit<SpinFigures, "searchSeconds" | "output"> {
  return {
    stored: figure(output, /(\d+) states, stored/, "states, stored"),
    matched: figure(output, /(\d+) states, matched/, "states, matched"),
    transitions: figure(output, /(\d+) transitions \(= stored\+matched\)/, "transitions"),
    depthReached: figure(output, /depth reached (\d+)/, "depth reached"),
    errors: figure(output, /errors: (\d+)/, "errors"),
  };
}

/** A compiled `pan` verifier in a temporary directory. */
export interface CompiledSpinOracle {
  /** Seconds to generate and compile pan.c (spin -a, gcc). */
  compileSeconds: number;
  /** Runs `./pan -m1000` once; `searchSeconds` is its wall-clock time. */
  search(): SpinFigures;
  /** Removes the temporary directory. */
  dispose(): void;
}

/**
 * `spin -a pbft_n4f1.pml; gcc -O2 -DSAFETY -o pan pan.c` (SPEC.md §7.1) in a temporary
 * directory; `defines` are passed to spin (e.g. ["-DMUTANT"]).
 */
export function compileSpinOracle(defines: readonly string[] = []): CompiledSpinOracle {
  const dir = mkdtempSync(join(tmpdir(), "pbft-spin-"));
  const dispose = (): void => rmSync(dir, { recursive: true, force: true });
  try {
    copyFileSync(PROMELA_FILE, join(dir, "pbft_n4f1.pml"));
    const compileStart = performance.now();
    execFileSync("spin", [...defines, "-a", "pbft_n4f1.pml"], { cwd: dir, stdio: "pipe" });
    execFileSync("gcc", ["-O2", "-DSAFETY", "-o", "pan", "pan.c"], { cwd: dir, stdio: "pipe" });
    const compileSeconds = (performance.now() - compileStart) / 1000;
    const search = (): SpinFigures => {
      const searchStart = performance.now();
      const run = spawnSync("./pan", ["-m1000"], { cwd: dir, encoding: "utf8" });
      const searchSeconds = (performance.now() - searchStart) / 1000;
      const output = `${run.stdout}${run.stderr}`;
      return { ...parseSpinOutput(output), searchSeconds, output };
    };
    return { compileSeconds, search, dispose };
  } catch (error) {
    dispose();
    throw error;
  }
}

/** Compile, search once, clean up. */
export function runSpinOracle(defines: readonly string[] = []): SpinFigures & { compileSeconds: number } {
  const oracle = compileSpinOracle(defines);
  try {
    return { ...oracle.search(), compileSeconds: oracle.compileSeconds };
  } finally {
    oracle.dispose();
  }
}
