import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, afterEach, describe, expect, it } from "vitest";
import { resolveBase } from "../../cli/base-ref.ts";
import { expectOneLineError, runCli } from "./run-cli.ts";

/**
 * `audit --base REF` in a user's repository: the user's model files at REF run on this CLI (the
 * tool is their dependency, not part of their history), in a temporary worktree, and the diff
 * shows what the commit since changed. The user's "repository" is a temporary git repository
 * whose model file imports the built public API (dist/) by absolute path, as it would from
 * node_modules (user-models.test.ts says why not the sources).
 */
const repo = new URL("../../", import.meta.url).pathname;
const project = mkdtempSync(join(tmpdir(), "consensus-check-user-repo-"));
afterAll(() => rmSync(project, { recursive: true, force: true }));
const cwd = process.cwd();
afterEach(() => process.chdir(cwd));

const git = (...args: string[]): string => execFileSync("git", ["-C", project, ...args], { encoding: "utf8" }).trim();

/** A user's model file: the retransmitting link, or with `resendOnTimeout` false the mutant whose sender never resends. */
const modelFile = (resendOnTimeout: boolean): string => `import { defineModel } from ${JSON.stringify(`${repo}dist/api/index.js`)};
import { linksConfigSchema, linksProtocol } from ${JSON.stringify(`${repo}dist/models/links/links-protocol.js`)};
export const link = defineModel({
  name: "my-link/retransmit",
  description: "My retransmitting link.",
  protocol: linksProtocol,
  configSchema: linksConfigSchema,
  config: { retransmissions: 2, resendOnTimeout: ${resendOnTimeout}, timeouts: "long-enough" },
  expected: { result: "pass", distinctStates: 38, maxDepth: 7, transitions: 70, sometimes: { "the receiver has the payload": 1, "a resend": 1 } },
});
`;

git("init", "--quiet", "--initial-branch=main");
git("config", "user.email", "test@example.com");
git("config", "user.name", "test");
writeFileSync(join(project, "models.mjs"), modelFile(true));
writeFileSync(join(project, "consensus-check.config.json"), JSON.stringify({ models: ["./models.mjs"] }));
git("add", ".");
git("commit", "--quiet", "-m", "a retransmitting link");
// The pull request: the sender re-arms its timer without resending.
writeFileSync(join(project, "models.mjs"), modelFile(false));
git("commit", "--quiet", "-am", "re-arm without resending");

describe("audit --base in a user's repository", () => {
  it("runs the user's models at REF on this CLI and reports the verdict change, exit 1; the worktree is removed", async () => {
    process.chdir(project);
    const run = await runCli("audit", "my-link/retransmit", "--base", "HEAD~1", "--quiet", "--markdown", join(project, "audit.md"));
    expect(run.code, run.stderr).toBe(1);
    expect(run.stdout).toMatch(/my-link\/retransmit\s+pass -> violation \(the sender eventually has its ACK, liveness\)/);
    expect(run.stdout).toContain("1 of 1 model changed behaviour");
    expect(git("worktree", "list").split("\n")).toHaveLength(1);
    expect(readdirSync(tmpdir()).filter((name) => name.startsWith("consensus-check-base-") && existsSync(join(tmpdir(), name, "tree", "models.mjs")))).toEqual([]);
  });

  it("the same commit gives no change (exit 0), with --models as given instead of the config", async () => {
    process.chdir(project);
    const run = await runCli("audit", "--all", "--models", "./models.mjs", "--no-config", "--base", "HEAD", "--quiet");
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain("0 of 1 model changed behaviour");
  });

  it("a ref that is empty, looks like an option or names no commit, or a folder outside git: one line each", () => {
    expect(() => resolveBase("", project, "user")).toThrow(/^--base: expected a git ref/);
    expect(() => resolveBase("-x", project, "user")).toThrow(/starts with "-", which git reads as an option/);
    expect(() => resolveBase("no-such-branch", project, "user")).toThrow(/"no-such-branch" does not name a commit of/);
    const outside = mkdtempSync(join(tmpdir(), "consensus-check-no-git-"));
    try {
      expect(() => resolveBase("HEAD", outside, "user")).toThrow(/is not inside a git repository/);
    } finally {
      rmSync(outside, { recursive: true, force: true });
    }
  });

  it("resolves the project folder where audit runs, and refuses a mixed selection in one line", async () => {
    expect(resolveBase("HEAD", project, "user")).toMatchObject({ mode: "user", projectPath: "" });
    process.chdir(project);
    expectOneLineError(await runCli("audit", "my-link/retransmit", "links/retransmit", "--base", "HEAD~1"), /^consensus-check: audit: --base compares either your models .* or the bundled ones/);
  });
});
