import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";

/**
 * The last commit before issue [04] (the actor runtime): PBFT ran on its own cluster then
 * (impl/cluster, canonical-JSON keys, one object per state). pbft/n4_f1 is measured in a
 * temporary worktree of it and in this build, in the same run, interleaved.
 */
export const BEFORE_RUNTIME_COMMIT = "ead93d8";
const ROUNDS = 2;
const MODEL = "pbft/n4_f1";

/** Explores MODEL once with the registry of the tree it runs in and prints the figures as JSON. */
const PROBE = `import { explore } from "./explorer/index.ts";
import { findModel } from "./models/registry.ts";
const model = findModel(${JSON.stringify(MODEL)});
const result = await explore(model.build(model.config), { model: model.name });
process.stdout.write(JSON.stringify({ result: result.result, states: result.distinctStates, transitions: result.transitions, maxDepth: result.maxDepth, seconds: result.seconds, statesPerSecond: result.statesPerSecond, bytesPerStoredState: result.bytesPerState ?? 0 }));
`;

interface Figures {
  result: string;
  states: number;
  transitions: number;
  maxDepth: number;
  seconds: number;
  statesPerSecond: number;
  bytesPerStoredState: number;
}

/**
 * pbft/n4_f1's states/s and bytes per state before the runtime and now. The two explore
 * different spaces (before: requests appear in flight, no client actor, absorbed messages;
 * now: the client's REQUEST is a message and Byzantine forgeries are sent, then delivered), so
 * the states/s ratio measures the machinery, and both state counts are reported beside it.
 * Needs git and the commit in the clone's history; says why when it cannot measure.
 */
export async function measurePbftBeforeAfter(log: (line: string) => void): Promise<Record<string, unknown>> {
  const root = resolve(import.meta.dirname, "..");
  const git = (...args: string[]) => execFileSync("git", ["-C", root, ...args], { encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] }).trim();
  try {
    git("rev-parse", "--verify", `${BEFORE_RUNTIME_COMMIT}^{commit}`);
  } catch {
    return { unavailable: `commit ${BEFORE_RUNTIME_COMMIT} (before the runtime) is not in this clone's history, or git is missing` };
  }
  const folder = mkdtempSync(join(tmpdir(), "consensus-check-before-"));
  const worktree = join(folder, "tree");
  try {
    git("worktree", "add", "--detach", worktree, BEFORE_RUNTIME_COMMIT);
    if (existsSync(join(root, "node_modules"))) symlinkSync(join(root, "node_modules"), join(worktree, "node_modules"));
    writeFileSync(join(worktree, "probe.ts"), PROBE);
    writeFileSync(join(root, ".bench-probe.ts"), PROBE);
    let before: Figures | undefined;
    let after: Figures | undefined;
    for (let round = 1; round <= ROUNDS; round++) {
      const old = probe(worktree, "probe.ts");
      log(`round ${round}, ${MODEL} before the runtime (${BEFORE_RUNTIME_COMMIT}): ${old.states} states in ${old.seconds.toFixed(2)} s`);
      if (before === undefined || old.seconds < before.seconds) before = old;
      const now = probe(root, ".bench-probe.ts");
      log(`round ${round}, ${MODEL} now: ${now.states} states in ${now.seconds.toFixed(2)} s`);
      if (after === undefined || now.seconds < after.seconds) after = now;
    }
    return {
      model: MODEL,
      beforeCommit: BEFORE_RUNTIME_COMMIT,
      before: rounded(before!),
      after: rounded(after!),
      afterVsBeforeStatesPerSecond: Math.round((after!.statesPerSecond / before!.statesPerSecond) * 1000) / 1000,
      note: "different state spaces (see bench/pbft-before-after.ts): the ratio measures states per second",
    };
  } finally {
    rmSync(join(root, ".bench-probe.ts"), { force: true });
    try {
      git("worktree", "remove", "--force", worktree);
    } catch {
      // Removed with its folder below; `git worktree prune` forgets it.
    }
    rmSync(folder, { recursive: true, force: true });
    spawnSync("git", ["-C", root, "worktree", "prune"]);
  }
}

function probe(cwd: string, script: string): Figures {
  const run = spawnSync(process.execPath, ["--import", "tsx", script], { cwd, encoding: "utf8", maxBuffer: 1 << 20 });
  if (run.status !== 0) throw new Error(`pbft-oracle: probing ${MODEL} in ${cwd} failed: ${(run.stderr || run.stdout).trim().split("\n").at(-1)}`);
  return JSON.parse(run.stdout) as Figures;
}

function rounded(figures: Figures): Figures {
  return { ...figures, seconds: Math.round(figures.seconds * 1000) / 1000, statesPerSecond: Math.round(figures.statesPerSecond), bytesPerStoredState: Math.round(figures.bytesPerStoredState * 10) / 10 };
}
