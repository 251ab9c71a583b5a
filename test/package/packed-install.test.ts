import { spawnSync } from "node:child_process";
import { copyFileSync, mkdtempSync, readFileSync, realpathSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join, relative, resolve } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

/**
 * The package as a user gets it (issue [06]): `npm pack` (whose `prepare` builds dist/), then a
 * fresh project outside the repository that depends on the tarball alone and installs it from
 * the registry (the local cache first). There, plain node (no tsx, no --import, no tsconfig of
 * ours) runs a protocol written in plain JavaScript through the public API, the bin runs from
 * dist/, TypeScript checks a consumer against the shipped .d.ts, and the exports map refuses
 * deep imports. Measured on 2 shared cores: about 25 s, most of it npm.
 */
const ROOT = resolve(import.meta.dirname, "../..");
const scratch = realpathSync(mkdtempSync(join(tmpdir(), "consensus-check-pack-")));
const project = join(scratch, "consumer");
const example = join(scratch, "two-phase-commit");
let packed: string[] = [];

/** The children get no npm_* variables of an outer `npm test`, and no NODE_OPTIONS (an --import of tsx would hide what we test). */
const env = Object.fromEntries(Object.entries(process.env).filter(([name]) => !/^npm_/i.test(name) && !["NODE_OPTIONS", "NODE_V8_COVERAGE"].includes(name)));

function run(command: string, args: readonly string[], cwd: string): { status: number | null; stdout: string; stderr: string } {
  const ran = spawnSync(command, args, { cwd, env, encoding: "utf8", timeout: 180_000, maxBuffer: 64 * 1024 * 1024 });
  if (ran.error) throw ran.error;
  return { status: ran.status, stdout: ran.stdout, stderr: ran.stderr };
}

function ok(command: string, args: readonly string[], cwd: string = project): string {
  const ran = run(command, args, cwd);
  if (ran.status !== 0) throw new Error(`${command} ${args.join(" ")} exited ${ran.status}:\n${ran.stderr}\n${ran.stdout}`);
  return ran.stdout;
}

beforeAll(() => {
  // Lifecycle scripts' output goes to stderr under --json; stdout is the JSON alone.
  const [pack] = JSON.parse(ok("npm", ["pack", "--json", "--pack-destination", scratch], ROOT)) as [{ filename: string; files: { path: string }[] }];
  packed = pack.files.map((file) => file.path);
  ok("mkdir", [project], scratch);
  writeFileSync(join(project, "package.json"), JSON.stringify({ name: "consumer", private: true, type: "module", dependencies: { "consensus-check": `file:${join(scratch, pack.filename)}` } }, null, 2));
  ok("npm", ["install", "--prefer-offline", "--no-audit", "--no-fund"]);
  // examples/two-phase-commit as a user has it: its own files and package.json, the tarball for
  // consensus-check, and vitest at the versions this repository tests with (in the npm cache).
  ok("mkdir", [example], scratch);
  for (const file of ["two-phase.ts", "two-phase.test.ts", "consensus-check.config.json"]) copyFileSync(join(ROOT, "examples/two-phase-commit", file), join(example, file));
  const manifest = JSON.parse(readFileSync(join(ROOT, "examples/two-phase-commit/package.json"), "utf8")) as { dependencies: Record<string, string>; devDependencies: Record<string, string> };
  const installed = (name: string): string => (JSON.parse(readFileSync(join(ROOT, "node_modules", name, "package.json"), "utf8")) as { version: string }).version;
  manifest.dependencies["consensus-check"] = `file:${join(scratch, pack.filename)}`;
  manifest.devDependencies = { vitest: installed("vitest"), "@fast-check/vitest": installed("@fast-check/vitest") };
  writeFileSync(join(example, "package.json"), JSON.stringify(manifest, null, 2));
  ok("npm", ["install", "--prefer-offline", "--no-audit", "--no-fund"], example);
}, 300_000);

afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe("the packed package, installed in a fresh project", () => {
  it("is outside the repository, and the tarball holds the built code and no sources or tests", () => {
    expect(relative(ROOT, project).startsWith("..")).toBe(true);
    expect(packed).toEqual(expect.arrayContaining(["package.json", "README.md", "bin/consensus-check.mjs", "dist/api/index.js", "dist/api/index.d.ts", "dist/cli/main.js"]));
    expect(packed.filter((path) => !/^(dist|bin|docs)\/|^(package\.json|README\.md)$/.test(path))).toEqual([]);
    expect(packed.filter((path) => /\.(ts|mts|cts)$/.test(path) && !path.endsWith(".d.ts"))).toEqual([]);
    expect(packed.filter((path) => path.includes("tsbuildinfo"))).toEqual([]);
  });

  it("checks and replays a plain-JavaScript protocol through the API under plain node", () => {
    copyFileSync(join(import.meta.dirname, "consumer/ping-pong.mjs"), join(project, "ping-pong.mjs"));
    const outcome = JSON.parse(ok(process.execPath, ["ping-pong.mjs"]));
    expect(outcome).toEqual({
      pass: { asExpected: true, judgement: { outcome: "as-expected", reasons: [] }, result: "pass", distinctStates: 3, maxDepth: 2, transitions: 2 },
      violation: {
        asExpected: true,
        result: "violation",
        property: "done only after a ping was answered",
        distinctStates: 3,
        maxDepth: 2,
        replayed: { steps: ["deliver PING A->B", "deliver PONG B->A"], violation: { property: "done only after a ping was answered", step: 2 } },
      },
    });
  });

  it("refuses deep imports: only the exports map's entries are public", () => {
    for (const deep of ["consensus-check/explorer/explore.js", "consensus-check/dist/api/index.js", "consensus-check/dist/explorer/explore.js"]) {
      const ran = run(process.execPath, ["--input-type=module", "-e", `await import(${JSON.stringify(deep)})`], project);
      expect(ran.status, deep).not.toBe(0);
      expect(ran.stderr, deep).toContain("ERR_PACKAGE_PATH_NOT_EXPORTED");
    }
    expect(ok(process.execPath, ["--input-type=module", "-e", 'const { default: manifest } = await import("consensus-check/package.json", { with: { type: "json" } }); console.log(manifest.name)'])).toBe("consensus-check\n");
  });

  it("runs the bin from dist/ through npx: --help, list and a check", () => {
    expect(ok("npx", ["consensus-check", "--help"])).toContain("Usage: consensus-check [options] [command]");
    expect(ok("npx", ["consensus-check", "list"])).toMatch(/^links\/retransmit\s/m);
    const result: unknown = JSON.parse(ok("npx", ["consensus-check", "check", "links/retransmit", "--json", "--quiet", "--reports", join(scratch, "reports")]));
    expect(result).toMatchObject({ model: "links/retransmit", result: "pass" });
  });

  it("type-checks a TypeScript consumer against the shipped declarations", () => {
    writeFileSync(
      join(project, "tsconfig.json"),
      JSON.stringify({ compilerOptions: { target: "ES2022", module: "NodeNext", moduleResolution: "NodeNext", strict: true, noEmit: true, skipLibCheck: false, types: [] }, files: ["typed.ts"] }),
    );
    writeFileSync(
      join(project, "typed.ts"),
      [
        'import { check, defineModel, defineProtocol, replay, InputError, type ProtocolDefinition, type Result, type RunOutcome, type Schedule } from "consensus-check";',
        "declare const protocol: ProtocolDefinition<{ n: number }, { type: \"X\" }>;",
        'const model = defineModel({ name: "x/y", description: "x", protocol: defineProtocol(protocol), config: { n: 1 }, expected: { result: "pass", distinctStates: 1, maxDepth: 0 } });',
        "export const outcome: Promise<RunOutcome> = check(model, { maxStates: 10 });",
        "export const steps: string[] = replay(model, {} as Schedule).steps;",
        "export const result = (r: Result): string => r.result;",
        "export const refused = new InputError(\"x\") instanceof Error;",
        "// @ts-expect-error: a model's expectation is pinned",
        'defineModel({ name: "x/y", description: "x", protocol, config: {} });',
      ].join("\n"),
    );
    const tsc = join(createRequire(import.meta.url).resolve("typescript/package.json"), "../bin/tsc");
    expect(ok(process.execPath, [tsc, "-p", "."])).toBe("");
  });
});

describe("examples/two-phase-commit as a user project on the packed package", () => {
  it("its vitest tests pass: the API's check and replay, and consensus-check/vitest's matchers", () => {
    // vitest colours its report whatever the terminal: its escapes are dropped before matching.
    const out = ok("npx", ["vitest", "run", "--reporter=verbose"], example).replace(/\u001b\[[0-9;]*m/g, "");
    expect(out).toContain("two-phase/rm3 passes with TLC's figures for TwoPhase.tla");
    expect(out).toContain("as matchers");
    expect(out).toMatch(/Tests\s+3 passed/);
  });

  it("the CLI checks it through the discovered config: TLC's 288 distinct states and depth 11 (ours 10)", () => {
    const result = JSON.parse(ok("npx", ["consensus-check", "check", "two-phase/rm3", "--json", "--quiet", "--reports", join(scratch, "reports-2pc")], example)) as Record<string, unknown>;
    expect(result).toMatchObject({ model: "two-phase/rm3", result: "pass", distinctStates: 288, maxDepth: 10, expectation: { outcome: "as-expected" } });
    expect(ok("npx", ["consensus-check", "list"], example)).toMatch(/^two-phase\/rm3\s/m);
  });

  it("audit --base catches the user's mutant — a TM that commits without every Prepared — as a verdict change, exit 1", () => {
    const git = (...args: string[]) => ok("git", args, example);
    git("init", "--quiet", "--initial-branch=main");
    git("config", "user.email", "user@example.com");
    git("config", "user.name", "user");
    writeFileSync(join(example, ".gitignore"), "node_modules\n");
    git("add", ".");
    git("commit", "--quiet", "-m", "two-phase commit");
    const source = readFileSync(join(example, "two-phase.ts"), "utf8");
    const mutated = source.replace("context.prepared.length === context.rms.length ||", "context.prepared.length > 0 ||");
    expect(mutated).not.toBe(source);
    writeFileSync(join(example, "two-phase.ts"), mutated);
    git("commit", "--quiet", "-am", "commit as soon as one RM is prepared");
    const audit = run("npx", ["consensus-check", "audit", "two-phase/rm3", "--base", "HEAD~1", "--markdown", "audit.md"], example);
    expect(audit.status, audit.stderr).toBe(1);
    expect(audit.stdout).toMatch(/two-phase\/rm3\s+pass -> violation \(TCConsistent\)/);
    expect(readFileSync(join(example, "audit.md"), "utf8")).toContain("**1 of 1 model changed behaviour");
  });
});
