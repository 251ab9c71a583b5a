import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, afterEach, describe, expect, it } from "vitest";
import { selectModels } from "../../cli/commands/check.ts";
import { definitionsOf, loadUserModels } from "../../cli/user-models.ts";
import { models } from "../../models/index.ts";
import { toFindViolation } from "../../api/vitest.ts";
import { expectOneLineError, runCli } from "./run-cli.ts";

/**
 * A user's models in the CLI (--models, consensus-check.config.*): a tiny module written to a
 * temporary folder, as .mjs (a plain dynamic import) and as .ts (through tsx's ESM API), that
 * defines two models through the public API, imported by absolute path as a user's would be
 * from node_modules. Run through the real CLI (run-cli.ts).
 *
 * The user's module imports the built package (dist/, which `npm test` builds first), as a user's
 * does: a native import of the TypeScript sources would load them a second time beside vitest's
 * copy, and V8 coverage of two different compilations of one file merges into nonsense.
 */
const repo = new URL("../../", import.meta.url).pathname;
const folder = mkdtempSync(join(tmpdir(), "consensus-check-user-models-"));
afterAll(() => rmSync(folder, { recursive: true, force: true }));
const cwd = process.cwd();
afterEach(() => process.chdir(cwd));

function modelsModule(prefix: string, typed: boolean): string {
  return `import { defineModel } from ${JSON.stringify(`${repo}dist/api/index.js`)};
import { linksConfigSchema, linksProtocol } from ${JSON.stringify(`${repo}dist/models/links/links-protocol.js`)};
${typed ? 'const retransmissions: number = 2;' : "const retransmissions = 2;"}
export const retransmit = defineModel({
  name: "${prefix}/retransmit",
  description: "A link of mine.",
  protocol: linksProtocol,
  configSchema: linksConfigSchema,
  config: { retransmissions, loss: false, timeouts: "long-enough" },
  expected: { result: "pass", distinctStates: 38, maxDepth: 7, transitions: 70, sometimes: { "the receiver has the payload": 1, "a resend": 1 }, liveness: { "the sender eventually has its ACK": { verdict: "holds", bound: 4 } } },
});
// An array of models, and the same model again under another name: one model.
export const mutants = [defineModel({
  name: "${prefix}/rearm",
  description: "Mine, re-arming without resending.",
  protocol: linksProtocol,
  configSchema: linksConfigSchema,
  config: { retransmissions, resendOnTimeout: false, timeouts: "long-enough" },
  expected: { result: "violation", property: "the sender eventually has its ACK", distinctStates: 10, maxDepth: 3, liveness: { "the sender eventually has its ACK": { verdict: "violated", stem: 2, cycle: 1 } } },
})];
export default retransmit;
export const notAModel = { name: "${prefix}/nothing", build: 1 };
`;
}

const write = (name: string, text: string): string => {
  const path = join(folder, name);
  writeFileSync(path, text);
  return path;
};
const mjs = write("models.mjs", modelsModule("mine-js", false));
const ts = write("models.ts", modelsModule("mine-ts", true));

describe("--models: a user's models in the CLI", () => {
  it("check by name (.mjs) and --all (.ts): --all means the user's models only", async () => {
    const reports = join(folder, "reports-check");
    const byName = await runCli("check", "mine-js/retransmit", "--models", mjs, "--quiet", "--reports", reports, "--no-checkpoint");
    expect(byName.stderr).toBe("");
    expect(byName.code).toBe(0);
    expect(byName.stdout).toMatch(/^mine-js\/retransmit +pass \(2\/2 sometimes, liveness 1 holds\) +yes +38 +7 /m);
    const all = await runCli("check", "--all", "--models", ts, "--quiet", "--reports", reports, "--no-checkpoint", "--json");
    expect(all.code).toBe(0);
    // In the order of the module's export names (a module namespace's order): mutants, retransmit.
    expect(JSON.parse(all.stdout).map((result: { model: string; expectation: { outcome: string } }) => [result.model, result.expectation.outcome])).toEqual([
      ["mine-ts/rearm", "as-expected"],
      ["mine-ts/retransmit", "as-expected"],
    ]);
    // The seed audit and the 51 % analysis are about the bundled seed variants: a run of the user's models leaves them alone.
    expect(existsSync(join(reports, "seed-audit.md"))).toBe(false);
    expect(existsSync(join(reports, "fifty-one-percent.md"))).toBe(false);
  });

  it("--bundled with --all adds the bundled models; alone it is refused", async () => {
    const user = definitionsOf(await loadUserModels({ models: [mjs], config: false }));
    expect(user.map((model) => model.name)).toEqual(["mine-js/retransmit", "mine-js/rearm"]);
    const both = selectModels("check", [], { all: true, bundled: true, profile: "full" }, user);
    expect(both.map((model) => model.name)).toEqual([...models.map((model) => model.name), "mine-js/retransmit", "mine-js/rearm"]);
    expect(selectModels("check", [], { all: true, bundled: false, profile: undefined }, []).length).toBeGreaterThan(2);
    expectOneLineError(await runCli("check", "--bundled", "mine-js/rearm", "--models", mjs), /^consensus-check: check: --bundled adds the bundled models to those of --all; give --all with it, or name the models$/);
  });

  it("list shows the user's models with their file; explore and simulate find them", async () => {
    const list = await runCli("list", "--models", ts);
    expect(list.code).toBe(0);
    expect(list.stdout).toMatch(new RegExp(`^mine-ts/rearm +violation \\(the sender eventually has its ACK\\) +10 +3 +Mine, re-arming without resending\\.\\n +assumptions: .*\\n +from: ${ts.replace(/[.]/g, "\\.")}$`, "m"));
    const json = JSON.parse((await runCli("list", "--json", "--models", ts)).stdout) as { model: string; file?: string }[];
    expect(json.slice(-2)).toMatchObject([{ model: "mine-ts/rearm", file: ts }, { model: "mine-ts/retransmit", file: ts }]);
    expect(json.filter((row) => row.file !== undefined)).toHaveLength(2);
    expect((await runCli("explore", "mine-js/rearm", "--models", mjs, "--quiet", "--no-checkpoint", "--json")).code).toBe(0);
    const simulated = await runCli("simulate", "mine-js/retransmit", "--models", mjs, "--runs", "10", "--max-steps", "8", "--quiet", "--no-checkpoint", "--json");
    expect(simulated.code).toBe(0);
    expect(JSON.parse(simulated.stdout)).toMatchObject({ model: "mine-js/retransmit", result: "no-violation", runs: 10 });
  });

  it("replay and report take the counterexample of a user's model, and the vitest matcher's replay file", async () => {
    const reports = join(folder, "reports-replay");
    expect((await runCli("check", "mine-ts/rearm", "--models", ts, "--quiet", "--reports", reports, "--no-checkpoint")).code).toBe(0);
    const schedule = join(reports, "mine-ts-rearm.schedule.json");
    const replayed = await runCli("replay", schedule, "--models", ts);
    expect(replayed.code).toBe(0);
    expect(replayed.stdout).toContain("reproduced: the sender eventually has its ACK violated at step 3");
    expectOneLineError(await runCli("replay", schedule), /^consensus-check: unknown model "mine-ts\/rearm"; known models: .* \(see `consensus-check list`\)$/);
    const report = await runCli("report", join(reports, "mine-ts-rearm.json"), "--models", ts);
    expect(report.code).toBe(0);
    expect(report.stdout).toContain("Mine, re-arming without resending.");
    expect(report.stdout).toContain("Against the manifest: **as-expected**");

    const { mutants } = (await import(mjs)) as { mutants: Parameters<typeof toFindViolation>[0][] };
    const found = await toFindViolation(mutants[0], "the sender eventually has its ACK", { replayFolder: join(folder, "vitest") });
    expect(found.pass).toBe(true);
    const file = join(folder, "vitest", "mine-js-rearm.vitest.schedule.json");
    expect(found.message()).toContain(`replay file: ${file} (consensus-check replay ${file} --models <the file exporting mine-js/rearm>)`);
    const fromMatcher = await runCli("replay", file, "--models", mjs);
    expect(fromMatcher.code).toBe(0);
    expect(fromMatcher.stdout).toContain("reproduced: the sender eventually has its ACK violated at step 3");
  });

  it("consensus-check.config.json and .mjs in the working directory add their models; --no-config skips them", async () => {
    const project = mkdtempSync(join(folder, "project-"));
    writeFileSync(join(project, "consensus-check.config.json"), JSON.stringify({ models: ["../models.mjs"] }));
    process.chdir(project);
    const list = await runCli("list", "--json");
    expect((JSON.parse(list.stdout) as { model: string }[]).map((row) => row.model)).toContain("mine-js/rearm");
    expect((JSON.parse((await runCli("list", "--json", "--no-config")).stdout) as { model: string }[]).map((row) => row.model)).not.toContain("mine-js/rearm");
    // Config and --models together: the same module twice is the same models, not a collision.
    expect((await runCli("list", "--models", mjs)).code).toBe(0);
    rmSync(join(project, "consensus-check.config.json"));
    writeFileSync(join(project, "consensus-check.config.mjs"), `export default { models: [${JSON.stringify(ts)}] };\n`);
    expect((await runCli("check", "--all", "--quiet", "--no-checkpoint", "--reports", join(project, "reports"))).stdout).toMatch(/^mine-ts\/rearm /m);
    writeFileSync(join(project, "consensus-check.config.json"), "{}");
    expectOneLineError(await runCli("list"), /^consensus-check: consensus-check\.config\.json: consensus-check\.config\.mjs also exist; keep one config file \(or pass --no-config\)$/);
    rmSync(join(project, "consensus-check.config.mjs"));
    expectOneLineError(await runCli("list"), /^consensus-check: consensus-check\.config\.json models: /);
    writeFileSync(join(project, "consensus-check.config.json"), JSON.stringify({ models: ["gone.mjs"] }));
    expectOneLineError(await runCli("check", "--all"), /^consensus-check: consensus-check\.config\.json: models\[0\] gone\.mjs: no such file; give the path of a module that exports your models$/);
  });

  it("bad input: one line naming the file, exit 2", async () => {
    expectOneLineError(await runCli("check", "x/y", "--models", join(folder, "missing.ts")), /^consensus-check: --models .*missing\.ts: no such file; give the path of a module that exports your models$/);
    const throwing = write("throws.mjs", 'throw new Error("cannot reach the database\\nsecond line");\n');
    expectOneLineError(await runCli("list", "--models", throwing), /^consensus-check: --models .*throws\.mjs: importing it failed: cannot reach the database$/);
    const broken = write("broken.ts", "export const x: number = ;\n");
    expectOneLineError(await runCli("replay", join(folder, "no-schedule.json"), "--models", broken), /^consensus-check: --models .*broken\.ts: importing it failed: /);
    const clash = write("clash.mjs", modelsModule("links", false).replace('"links/retransmit"', '"links/retransmit"'));
    expectOneLineError(await runCli("list", "--models", clash), /^consensus-check: --models .*clash\.mjs: model "links\/retransmit" has the name of a bundled model; give yours another name$/);
    const twin = write("twin.mjs", modelsModule("mine-js", false));
    expectOneLineError(await runCli("explore", "mine-js/rearm", "--models", mjs, "--models", twin), /^consensus-check: --models .*twin\.mjs: model "mine-js\/retransmit" is also exported by .*models\.mjs; give each model its own name$/);
    const empty = write("empty.mjs", "export const answer = 42;\n");
    expectOneLineError(await runCli("simulate", "x/y", "--models", empty), /^consensus-check: --models .*empty\.mjs: exports no model; export defineModel's results \(from consensus-check\), or arrays of them$/);
    expectOneLineError(await runCli("report", join(folder, "no-result.json"), "--models", join(folder, "models.json")), /^consensus-check: --models .*models\.json: expected a \.js, \.mjs, \.ts or \.mts module, got "\.json"$/);
    // audit --base with models of yours runs them at the other commit: test/cli/audit-base-user.test.ts.
  });

  it("audit compares a user's models with a baseline file", async () => {
    const baseline = join(folder, "baseline.json");
    expect((await runCli("audit", "--all", "--models", mjs, "--baseline", baseline, "--update", "--quiet")).code).toBe(0);
    expect(Object.keys(JSON.parse(readFileSync(baseline, "utf8")).models)).toEqual(["mine-js/rearm", "mine-js/retransmit"]);
    expect((await runCli("audit", "--all", "--models", mjs, "--baseline", baseline, "--quiet")).code).toBe(0);
  });
});
