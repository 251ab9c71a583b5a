import { execFileSync, spawn } from "node:child_process";
import { existsSync, mkdtempSync, realpathSync, rmSync, symlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import { isAbsolute, join, relative } from "node:path";
import { InputError } from "../spec/common/input-error.ts";
import { auditedResultSchema, type AuditedResult } from "../reporting/baseline.ts";
import type { Profile } from "../models/index.ts";
import { PACKAGE_ROOT } from "./package-root.ts";

/**
 * `audit --base REF`: the baseline is what REF's own CLI finds, so that a CI job needs no
 * committed baseline and the comparison is with the code as it was, not with figures someone
 * remembered to regenerate. REF is checked out with `git worktree add --detach` into a
 * temporary folder (the user's checkout is never touched), given this project's node_modules
 * through a symlink (the dependencies of the two commits are assumed compatible: a lockfile
 * change is the one case where this would mislead), and its CLI runs `check --json` for the same
 * selection. The worktree is removed whatever happens: on return, on an error, and from a
 * process `exit` handler for the second signal that ends the process at once.
 */
export interface BaseCommit {
  /** The git top level of the working directory's repository. */
  root: string;
  ref: string;
  commit: string;
  /**
   * The folder the base's check runs in, relative to `root`. Auditing consensus-check's own
   * models: this CLI's folder, whose CLI at REF runs them. Auditing a user's models: the working
   * directory, where this CLI runs on REF's copy of the user's model files.
   */
  projectPath: string;
  /** Whose models: "tool" (REF's own CLI on its bundled models) or "user" (this CLI on REF's model files). */
  mode: "tool" | "user";
}

/** A user's models at REF: the `--models` files as given (relative to the working directory), and whether to read a config file there. */
export interface UserModelArgs {
  models: readonly string[];
  config: boolean;
}

export interface BaseSelection {
  names: readonly string[];
  all: boolean;
  profile?: Profile;
}

export type BaseRun = { status: "ok"; results: AuditedResult[] } | { status: "interrupted" } | { status: "failed"; message: string };

const TOOL_ROOT = PACKAGE_ROOT;

function git(root: string, args: readonly string[]): string {
  return execFileSync("git", ["-C", root, ...args], { encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] }).trim();
}

function firstLine(text: string): string {
  return text.trim().split("\n")[0] ?? "";
}

/** REF resolved to a commit of the repository holding the working directory, before anything runs (exit 2 otherwise). */
export function resolveBase(ref: string, cwd: string = process.cwd(), mode: "tool" | "user" = "tool"): BaseCommit {
  if (ref.trim() === "") throw new InputError("--base: expected a git ref (a branch, tag or commit, e.g. --base origin/main), got an empty string");
  // git would read a ref starting with "-" as one of its options.
  if (ref.startsWith("-")) throw new InputError(`--base: "${ref}" starts with "-", which git reads as an option; give a branch, tag or commit`);
  let root: string;
  try {
    root = git(cwd, ["rev-parse", "--show-toplevel"]);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") throw new InputError("--base: git is not installed (or not on PATH); install it, or compare with a file: --baseline FILE");
    throw new InputError(`--base: ${cwd} is not inside a git repository; run audit inside the repository, or compare with a file: --baseline FILE`);
  }
  // A user's models are found where the user runs audit; the tool's own where the tool is.
  const projectPath = relative(realpathSync(root), realpathSync(mode === "user" ? cwd : TOOL_ROOT));
  if (mode === "tool" && (projectPath.startsWith("..") || isAbsolute(projectPath))) {
    throw new InputError(`--base: the repository at ${root} does not hold this consensus-check (${TOOL_ROOT}); run audit from inside its own repository`);
  }
  let commit: string;
  try {
    commit = git(root, ["rev-parse", "--verify", "--quiet", `${ref}^{commit}`]);
  } catch {
    throw new InputError(`--base: "${ref}" does not name a commit of ${root}; give a branch, tag or commit (e.g. --base origin/main, --base HEAD~1)`);
  }
  return { root, ref, commit, projectPath, mode };
}

/** REF's Results for the selection; models REF does not bundle are left out (they are "not in the baseline"). */
export async function runAtBase(base: BaseCommit, selection: BaseSelection, signal: AbortSignal, note: (line: string) => void, user?: UserModelArgs): Promise<BaseRun> {
  const temporary = mkdtempSync(join(tmpdir(), "consensus-check-base-"));
  const tree = join(temporary, "tree");
  const cleanUp = (): void => {
    // Best effort: a worktree that cannot be removed is pruned by git once its folder is gone.
    try {
      git(base.root, ["worktree", "remove", "--force", tree]);
    } catch {
      // removed below with the folder
    }
    rmSync(temporary, { recursive: true, force: true });
    try {
      git(base.root, ["worktree", "prune"]);
    } catch {
      // nothing left to prune
    }
  };
  process.once("exit", cleanUp);
  try {
    try {
      git(base.root, ["worktree", "add", "--detach", "--quiet", tree, base.commit]);
    } catch (error) {
      return { status: "failed", message: `--base: git worktree add of ${base.ref} failed: ${firstLine(String((error as { stderr?: string }).stderr ?? error))}` };
    }
    const project = join(tree, base.projectPath);
    // The user's models at REF run on this CLI (the tool is a dependency, not part of their history).
    const cli = base.mode === "user" ? join(TOOL_ROOT, "bin", "consensus-check.mjs") : join(project, "bin", "consensus-check.mjs");
    if (base.mode === "user" && !existsSync(project)) {
      return { status: "failed", message: `--base: ${base.ref} (${base.commit.slice(0, 12)}) has no ${base.projectPath || "."}; the models of this folder did not exist there` };
    }
    if (!existsSync(cli)) throw new InputError(`--base: ${base.ref} (${base.commit.slice(0, 12)}) has no ${join(base.projectPath, "bin", "consensus-check.mjs")}; give a commit that has the CLI`);
    // REF's model files import what the working copy's do (xstate, consensus-check): its node_modules, through a symlink.
    const modules = base.mode === "user" ? join(process.cwd(), "node_modules") : join(TOOL_ROOT, "node_modules");
    if (existsSync(modules) && !existsSync(join(project, "node_modules"))) symlinkSync(realpathSync(modules), join(project, "node_modules"), "dir");
    const modelArgs = user === undefined ? [] : [...user.models.flatMap((file) => ["--models", file]), ...(user.config ? [] : ["--no-config"])];
    let names = [...selection.names];
    if (!selection.all) {
      // A model added since REF is not in its baseline: ask REF which of the names it bundles.
      const listed = await runCli(cli, project, ["list", "--json", ...modelArgs], signal);
      if (listed.status !== "ok") return listed;
      const known = new Set(parseJson(listed.stdout, base).map((row) => (row as { model?: unknown }).model));
      names = names.filter((name) => known.has(name));
      if (names.length === 0) return { status: "ok", results: [] };
    }
    const args = ["check", ...(selection.all ? ["--all", ...(selection.profile === undefined ? [] : ["--profile", selection.profile])] : names), ...modelArgs, "--json", "--quiet", "--reports", join(temporary, "reports")];
    note(`audit: running ${base.ref} (${base.commit.slice(0, 12)})'s check in a temporary worktree`);
    const checked = await runCli(cli, project, args, signal);
    if (checked.status !== "ok") return checked;
    return { status: "ok", results: parseJson(checked.stdout, base).map((value, index) => parseResult(value, index, base)) };
  } finally {
    process.off("exit", cleanUp);
    cleanUp();
  }
}

type CliOutcome = { status: "ok"; stdout: string } | { status: "interrupted" } | { status: "failed"; message: string };

/** REF's CLI as a child process; a stop asked of this process is passed on as SIGTERM. */
function runCli(cli: string, cwd: string, args: readonly string[], signal: AbortSignal): Promise<CliOutcome> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [cli, ...args], { cwd, stdio: ["ignore", "pipe", "pipe"] });
    const out: Buffer[] = [];
    let stderr = "";
    child.stdout.on("data", (chunk: Buffer) => out.push(chunk));
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    const stop = (): void => void child.kill("SIGTERM");
    signal.addEventListener("abort", stop, { once: true });
    child.on("error", reject);
    child.on("close", (code) => {
      signal.removeEventListener("abort", stop);
      if (signal.aborted) return resolve({ status: "interrupted" });
      // check: 0 as expected, 1 not as expected (REF's own pins may lag its code): both are Results.
      if (code === 0 || (code === 1 && args[0] === "check")) return resolve({ status: "ok", stdout: Buffer.concat(out).toString("utf8") });
      const line = firstLine(stderr).replace(/^consensus-check: /, "");
      if (code === 2) return reject(new InputError(`--base: the CLI of the base commit refused \`${args[0]}\`: ${line}`));
      resolve({ status: "failed", message: `--base: the CLI of the base commit did not finish \`${args[0]}\` (exit ${code ?? "by a signal"}): ${line}` });
    });
  });
}

function parseJson(stdout: string, base: BaseCommit): unknown[] {
  try {
    const value: unknown = JSON.parse(stdout);
    return Array.isArray(value) ? value : [value];
  } catch {
    throw new InputError(`--base: the CLI of ${base.ref} did not print JSON; give a commit whose CLI has \`check --json\``);
  }
}

function parseResult(value: unknown, index: number, base: BaseCommit): AuditedResult {
  const parsed = auditedResultSchema.safeParse(value);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  throw new InputError(`--base: Result ${index} printed by ${base.ref}'s CLI is not one this version can compare (${issue?.path.join(".") ?? ""}: ${issue?.message ?? "invalid"})`);
}
