import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, truncateSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import {
  HASH,
  MIB,
  bitcoinRoot,
  consistency,
  hex,
  inclusion,
  json,
  merkleRoot,
  mptProof,
  mptProve,
  mptRoot,
  passResult,
  resultWith,
  schedule,
  scheduleSteps,
  scheduleWith,
  scheduleWithConfig,
  violationResult,
  withFields,
} from "./bad-input-fixtures.ts";
import { runCli, type CliRun } from "./run-cli.ts";

/**
 * The CLI's contract for bad input, case by case: a model name, flag, output path, schedule,
 * Result or case file that is wrong gets exit 2 and ONE line on stderr naming the field and the
 * fix, no stack trace, in bounded time and memory. A few cases end with another documented code
 * (1: a proof or a replay that does not hold; 0: a hostile but well-formed Result is rendered):
 * they show where bad input ends.
 *
 * Most cases run in-process (fast, counted by coverage); those marked `real` run as a process
 * with a 256 MiB heap and a 30 s timeout, so that a memory blow-up or a hang fails them, and
 * every case that reads standard input is one of them.
 */

/** `old`: dated an hour back (a stale lock). */
type FileSpec = string | Uint8Array | (() => string | Uint8Array) | { sparse: number } | { folder: true; old?: true } | { symlink: string };

interface Case {
  name: string;
  /** `$DIR` is replaced by the case's fresh temporary folder. */
  argv: string[];
  /** Written into `$DIR` before the case runs. */
  files?: Record<string, FileSpec>;
  /** Standard input (real processes only). */
  stdin?: string | Uint8Array;
  code: number;
  /** The one line on stderr; null: no error (stderr holds at most "warning: " lines). */
  stderr: RegExp | null;
  /** Run as a real process with a bounded heap and a timeout. */
  real?: boolean;
  /** What stdout must not hold (a hostile name rendered raw). */
  stdoutNot?: RegExp;
  /** Paths (with `$DIR`) that must not exist afterwards: bad input is refused before anything is written. */
  absent?: string[];
}

const BIN = resolve("bin/consensus-check.mjs");
const root = mkdtempSync(join(tmpdir(), "bad-input-suite-"));
afterAll(() => rmSync(root, { recursive: true, force: true }));

let caseCount = 0;
function materialise(testCase: Case): { argv: string[]; dir: string } {
  const dir = join(root, `case-${caseCount++}`);
  mkdirSync(dir);
  for (const [name, spec] of Object.entries(testCase.files ?? {})) {
    const path = join(dir, name);
    mkdirSync(dirname(path), { recursive: true });
    if (typeof spec === "string" || spec instanceof Uint8Array) writeFileSync(path, spec);
    else if (typeof spec === "function") writeFileSync(path, spec());
    else if ("sparse" in spec) {
      writeFileSync(path, "");
      truncateSync(path, spec.sparse);
    } else if ("folder" in spec) {
      mkdirSync(path);
      if (spec.old) utimesSync(path, new Date(Date.now() - 3_600_000), new Date(Date.now() - 3_600_000));
    }
    else symlinkSync(spec.symlink, path);
  }
  return { argv: testCase.argv.map((arg) => arg.replaceAll("$DIR", dir)), dir };
}

function expectAbsent(testCase: Case, dir: string): void {
  for (const path of testCase.absent ?? []) expect(existsSync(path.replaceAll("$DIR", dir)), `${path} was created`).toBe(false);
}

/** The contract, for every case: code, one line naming the field, no stack trace. */
function expectContract(run: CliRun, testCase: Case): void {
  const context = `argv: ${testCase.argv.join(" ").slice(0, 200)}\nexit ${run.code}\nstderr: ${run.stderr.slice(0, 3000)}\nstdout: ${run.stdout.slice(0, 500)}`;
  expect(run.stderr, context).not.toMatch(/\n\s+at /);
  expect(run.stderr, context).not.toMatch(/\bat .*:\d+:\d+\)?$/m);
  expect(run.stderr, context).not.toMatch(/\b[A-Z][A-Za-z]*Error: /);
  expect(run.stderr, context).not.toMatch(/internal error/);
  if (testCase.stderr === null) {
    // Well-formed input: stderr holds at most the model's warnings.
    for (const line of run.stderr.split("\n").filter((text) => text !== "")) expect(line, context).toMatch(/^warning: /);
  } else {
    expect(run.stderr.endsWith("\n"), `stderr ends with a newline\n${context}`).toBe(true);
    const line = run.stderr.slice(0, -1);
    expect(line.includes("\n"), `exactly one line on stderr\n${context}`).toBe(false);
    expect(line, `no control characters (a terminal would act on them)\n${context}`).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/);
    expect(line.length, `a short line\n${context}`).toBeLessThan(2200);
    expect(line, context).toMatch(/^consensus-check: /);
    expect(line, context).toMatch(testCase.stderr);
  }
  expect(run.code, context).toBe(testCase.code);
  if (testCase.stdoutNot) expect(run.stdout, context).not.toMatch(testCase.stdoutNot);
}

async function runInProcess(testCase: Case): Promise<void> {
  const { argv, dir } = materialise(testCase);
  const heapBefore = process.memoryUsage().heapUsed;
  const started = performance.now();
  const run = await runCli(...argv);
  const seconds = (performance.now() - started) / 1000;
  const heapGrowthMB = (process.memoryUsage().heapUsed - heapBefore) / MIB;
  expectContract(run, testCase);
  expectAbsent(testCase, dir);
  expect(seconds, "seconds, a generous bound").toBeLessThan(20);
  expect(heapGrowthMB, "heap growth in MB, a generous bound").toBeLessThan(300);
}

function runProcess(testCase: Case): void {
  const { argv, dir } = materialise(testCase);
  const child = spawnSync(process.execPath, ["--max-old-space-size=256", BIN, ...argv], {
    input: testCase.stdin ?? "",
    timeout: 30_000,
    encoding: "utf8",
    maxBuffer: 64 * MIB,
    env: { ...process.env, CONSENSUS_CHECK_DEBUG: "" },
  });
  expect(child.error, "the process ran to its end within 30 s").toBeUndefined();
  expect(child.signal, `killed by a signal; stderr: ${child.stderr?.slice(0, 2000)}`).toBeNull();
  expectContract({ code: child.status ?? -1, stdout: child.stdout, stderr: child.stderr }, testCase);
  expectAbsent(testCase, dir);
}

// ---------------------------------------------------------------------------------------------
// The cases.

const MODEL = "pbft/n3_f1";
const RUN_COMMANDS = ["check", "explore", "simulate"] as const;
/** A run command's argv with its model; check also gets a reports folder of its own. */
const runArgv = (command: (typeof RUN_COMMANDS)[number], model: string, ...rest: string[]): string[] =>
  command === "check" ? [command, model, "--reports", "$DIR/reports", ...rest] : [command, model, ...rest];
const escape = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

const usage: Case[] = [
  { name: "no command at all", argv: [], code: 2, stderr: /missing command.*check, audit, explore, list, replay, report, simulate, merkle, mpt/ },
  { name: "an unknown command", argv: ["frobnicate"], code: 2, stderr: /unknown command 'frobnicate'/ },
  { name: "a misspelled command, with its suggestion on the same line", argv: ["chek"], code: 2, stderr: /unknown command 'chek'.*Did you mean check\?/ },
  { name: "merkle without its subcommand", argv: ["merkle"], code: 2, stderr: /merkle: missing command.*root, verify-inclusion, verify-consistency/ },
  { name: "mpt without its subcommand", argv: ["mpt"], code: 2, stderr: /mpt: missing command.*root, prove, verify-proof/ },
  { name: "merkle with an unknown subcommand", argv: ["merkle", "frob"], code: 2, stderr: /unknown command 'frob'/ },
  { name: "mpt with a misspelled subcommand", argv: ["mpt", "proove", "$DIR/x.json"], code: 2, stderr: /unknown command 'proove'.*Did you mean prove\?/ },
  { name: "an unknown top-level option", argv: ["--bogus"], code: 2, stderr: /unknown option '--bogus'/ },
  { name: "list with an unknown option", argv: ["list", "--bogus"], code: 2, stderr: /unknown option '--bogus'/ },
  { name: "list with an argument", argv: ["list", "extra"], code: 2, stderr: /too many arguments for 'list'/ },
  { name: "list --json with a value", argv: ["list", "--json=yes"], code: 2, stderr: /unknown option '--json=yes'/ },
  { name: "explore without a model", argv: ["explore"], code: 2, stderr: /missing required argument 'model'/ },
  { name: "simulate without a model, only flags", argv: ["simulate", "--runs", "5"], code: 2, stderr: /missing required argument 'model'/ },
  { name: "check without models or --all", argv: ["check", "--reports", "$DIR/r"], code: 2, stderr: /check: name at least one model .* or pass --all/ },
  { name: "check NAME --all", argv: ["check", MODEL, "--all", "--reports", "$DIR/r"], code: 2, stderr: /check: give model names or --all, not both/, absent: ["$DIR/r"] },
  { name: "check NAME --profile full", argv: ["check", MODEL, "--profile", "full", "--reports", "$DIR/r"], code: 2, stderr: /check: --profile chooses among the models of --all/, absent: ["$DIR/r"] },
  { name: "check --all --profile slow", argv: ["check", "--all", "--profile", "slow", "--reports", "$DIR/r"], code: 2, stderr: /--profile: expected one of quick, full, got "slow"/, absent: ["$DIR/r"] },
  { name: "replay without a file", argv: ["replay"], code: 2, stderr: /missing required argument 'schedule'/ },
  { name: "report without a file", argv: ["report", "--format", "md"], code: 2, stderr: /missing required argument 'result'/ },
  { name: "merkle root without a file", argv: ["merkle", "root"], code: 2, stderr: /missing required argument 'file'/ },
  { name: "mpt verify-proof without a file", argv: ["mpt", "verify-proof", "--json"], code: 2, stderr: /missing required argument 'file'/ },
  { name: "explore with two models", argv: ["explore", MODEL, "pbft/n4_f1"], code: 2, stderr: /too many arguments for 'explore'/ },
  { name: "merkle root with two files", argv: ["merkle", "root", "a.json", "b.json"], code: 2, stderr: /too many arguments for 'root'/ },
  { name: "a misspelled flag, with its suggestion on the same line", argv: ["explore", MODEL, "--jsno"], code: 2, stderr: /unknown option '--jsno'.*Did you mean --json\?/ },
  { name: "a flag of another command", argv: ["simulate", MODEL, "--strategy", "dfs"], code: 2, stderr: /unknown option '--strategy'/ },
  { name: "replay with a run flag", argv: ["replay", "$DIR/s.json", "--max-states", "5"], code: 2, stderr: /unknown option '--max-states'/ },
  { name: "merkle root with an unknown flag", argv: ["merkle", "root", "$DIR/x.json", "--hash", "bitcoin"], code: 2, stderr: /unknown option '--hash'/ },
];

// Model names, for each command that takes one.
const hostileNames: [string, string, RegExp][] = [
  ["an unknown model", "pbft/nope", /unknown model "pbft\/nope"; known models: .*pbft\/n3_f1/],
  ["an empty model name", "", /unknown model ""; known models: /],
  ["a relative path as a model", "../../etc/passwd", /unknown model "\.\.\/\.\.\/etc\/passwd"/],
  ["an absolute path as a model", "/etc/passwd", /unknown model "\/etc\/passwd"/],
  ["a path to a report as a model", "reports/pbft-n3_f1.json", /unknown model "reports\/pbft-n3_f1\.json"/],
  ["a model name with a zero-width space", "pbft/n3_f1\u200b", /unknown model "pbft\/n3_f1/],
  ["a Cyrillic model name", "пбфт/н3", /unknown model "пбфт\/н3"/],
  ["a model name with a trailing space", "pbft/n3_f1 ", /unknown model "pbft\/n3_f1 "/],
  ["a model name in capitals", "PBFT/N3_F1", /unknown model "PBFT\/N3_F1"/],
  ["a model name with a newline", "pbft/n3_f1\nrm -rf", /unknown model "pbft\/n3_f1.*rm -rf"/],
  ["a model name with terminal escapes", "pbft/\u001b[2J\u001b[31mred\r", /unknown model "pbft\/.*red/],
  ["a 1 MiB model name", "m".repeat(MIB), /unknown model "m{100}/],
];
const modelNames: Case[] = RUN_COMMANDS.flatMap((command) =>
  hostileNames.map(([what, model, stderr]): Case => ({ name: `${command}: ${what}`, argv: runArgv(command, model), code: 2, stderr })),
);
modelNames.push(
  { name: "check: one unknown model among known ones, before any runs", argv: ["check", MODEL, "pbft/nope", "--reports", "$DIR/r"], code: 2, stderr: /unknown model "pbft\/nope"/, absent: ["$DIR/r"] },
  { name: "check: an emoji model", argv: ["check", "🦀", "--reports", "$DIR/r"], code: 2, stderr: /unknown model "🦀"/ },
);

// Flags with wrong values, for every flag of every command.
const COUNT_MESSAGE = (flag: string): RegExp => new RegExp(`^consensus-check: ${flag}: expected a positive whole number, got ".*" \\(from 1 to 9007199254740991\\)$`);
const SECONDS_MESSAGE = (flag: string): RegExp => new RegExp(`^consensus-check: ${flag}: expected a number of seconds > 0 and at most 10000000 \\(about 115 days\\), got ".*"$`);
const SEED_MESSAGE = /^consensus-check: --seed: expected a whole number from 0 to 4294967295 \(the PRNG is seeded with 32 bits\), got ".*"$/;
const BAD_COUNTS = ["", "0", "-1", "1.5", "1e3", "0x10", "NaN", "Infinity", "9007199254740992", "abc", "١٢", "5 states", "-0"];
const BAD_SECONDS = ["", "0", "-1", "NaN", "Infinity", "-Infinity", "1e400", "10000001", "0x10", "1e3", "0b11", "5s", " "];
const BAD_SEEDS = ["4294967296", "-1", "1.5", "0x1", "1e3", "NaN", "99999999999999999999", ""];
const countFlags: [(typeof RUN_COMMANDS)[number], string][] = [
  ["check", "--max-states"],
  ["check", "--max-memory"],
  ["explore", "--max-states"],
  ["explore", "--max-depth"],
  ["explore", "--max-memory"],
  ["simulate", "--runs"],
  ["simulate", "--max-steps"],
  ["simulate", "--max-memory"],
];
const secondsFlags: [(typeof RUN_COMMANDS)[number], string][] = RUN_COMMANDS.flatMap((command) => [
  [command, "--time"],
  [command, "--checkpoint-every"],
] as [(typeof RUN_COMMANDS)[number], string][]);

let rotation = 0;
/** `count` of `values`, rotating, so that every value appears across the flags. */
const someOf = (values: string[], count: number): string[] => Array.from({ length: count }, () => values[rotation++ % values.length]!);

const flagValues: Case[] = [
  ...countFlags.flatMap(([command, flag]) =>
    someOf(BAD_COUNTS, 5).map((value): Case => ({ name: `${command} ${flag} ${JSON.stringify(value)}`, argv: runArgv(command, MODEL, flag, value), code: 2, stderr: COUNT_MESSAGE(flag) })),
  ),
  ...secondsFlags.flatMap(([command, flag]) =>
    someOf(BAD_SECONDS, 4).map((value): Case => ({ name: `${command} ${flag} ${JSON.stringify(value)}`, argv: runArgv(command, MODEL, flag, value), code: 2, stderr: SECONDS_MESSAGE(flag) })),
  ),
  ...(["explore", "simulate"] as const).flatMap((command) =>
    BAD_SEEDS.map((value): Case => ({ name: `${command} --seed ${JSON.stringify(value)}`, argv: runArgv(command, MODEL, "--seed", value), code: 2, stderr: SEED_MESSAGE })),
  ),
  // A missing value, for every flag that takes one.
  ...(
    [
      ["check", "--max-states <n>"],
      ["check", "--reports <dir>"],
      ["explore", "--strategy <strategy>"],
      ["explore", "--max-depth <d>"],
      ["explore", "--seed <seed>"],
      ["explore", "--time <seconds>"],
      ["explore", "--max-memory <MiB>"],
      ["explore", "--checkpoint-every <seconds>"],
      ["explore", "--checkpoint-dir <dir>"],
      ["simulate", "--runs <n>"],
      ["simulate", "--max-steps <n>"],
      ["simulate", "--reports <dir>"],
    ] as const
  ).map(([command, flag]): Case => {
    const name = flag.split(" ")[0]!;
    return { name: `${command} ${name} without its value`, argv: [...runArgv(command, MODEL), name], code: 2, stderr: new RegExp(`option '${escape(flag)}' argument missing`) };
  }),
  { name: "replay --expect without its value", argv: ["replay", "$DIR/s.json", "--expect"], code: 2, stderr: /option '--expect <outcome>' argument missing/ },
  { name: "report --format without its value", argv: ["report", "$DIR/r.json", "--format"], code: 2, stderr: /option '--format <format>' argument missing/ },
  { name: "report --out without its value", argv: ["report", "$DIR/r.json", "--out"], code: 2, stderr: /option '--out <file>' argument missing/ },
  // A flag taken as the value of the one before it.
  { name: "explore --max-states followed by a flag", argv: ["explore", MODEL, "--max-states", "--json"], code: 2, stderr: /--max-states: expected a positive whole number, got "--json"/ },
  // Choices.
  { name: "explore --strategy astar", argv: ["explore", MODEL, "--strategy", "astar"], code: 2, stderr: /--strategy: expected one of bfs, dfs, random, got "astar"/ },
  { name: "explore --strategy BFS (choices are lower case)", argv: ["explore", MODEL, "--strategy", "BFS"], code: 2, stderr: /--strategy: expected one of bfs, dfs, random, got "BFS"/ },
  { name: "explore --strategy ''", argv: ["explore", MODEL, "--strategy", ""], code: 2, stderr: /--strategy: expected one of bfs, dfs, random, got ""/ },
  { name: "report --format pdf", argv: ["report", "$DIR/r.json", "--format", "pdf"], files: { "r.json": json(violationResult()) }, code: 2, stderr: /--format: expected one of md, html, junit, json, got "pdf"/ },
  { name: "report --format ''", argv: ["report", "$DIR/r.json", "--format", ""], code: 2, stderr: /--format: expected one of md, html, junit, json, got ""/ },
  { name: "report --format with 100,000 characters", argv: ["report", "$DIR/r.json", "--format", "x".repeat(100_000)], code: 2, stderr: /^consensus-check: --format: expected one of md, html, junit, json, got "x{39}…"$/ },
  { name: "replay --expect maybe", argv: ["replay", "$DIR/s.json", "--expect", "maybe"], code: 2, stderr: /--expect: expected one of violation, pass, got "maybe"/ },
  { name: "replay --expect PASS", argv: ["replay", "$DIR/s.json", "--expect", "PASS"], code: 2, stderr: /--expect: expected one of violation, pass, got "PASS"/ },
  // Flags that conflict.
  ...RUN_COMMANDS.map((command): Case => ({ name: `${command} --resume --no-checkpoint`, argv: runArgv(command, MODEL, "--resume", "--no-checkpoint"), code: 2, stderr: /--resume: cannot resume with --no-checkpoint; drop one of the two/ })),
  ...RUN_COMMANDS.map((command): Case => ({
    name: `${command} --no-checkpoint --checkpoint-dir`,
    argv: [command, MODEL, "--reports", "$DIR/reports", "--no-checkpoint", "--checkpoint-dir", "$DIR/ckpt"],
    code: 2,
    stderr: /--checkpoint-dir: .*--no-checkpoint.*drop one of the two/,
    absent: ["$DIR/reports", "$DIR/ckpt"],
  })),
  { name: "check --resume --no-checkpoint creates no reports folder", argv: ["check", MODEL, "--reports", "$DIR/new", "--resume", "--no-checkpoint"], code: 2, stderr: /--resume: cannot resume with --no-checkpoint/, absent: ["$DIR/new"] },
];

// Output paths.
const outputPaths: Case[] = [
  ...RUN_COMMANDS.flatMap((command): Case[] => [
    { name: `${command} --reports that is a file`, argv: [command, MODEL, "--reports", "$DIR/file"], files: { file: "x" }, code: 2, stderr: /--reports: .*\/file exists and is not a folder; give a folder path/ },
    { name: `${command} --reports ''`, argv: [command, MODEL, "--reports", ""], code: 2, stderr: /--reports: expected a folder path, got an empty string/ },
    { name: `${command} --reports inside a file`, argv: [command, MODEL, "--reports", "$DIR/file/sub"], files: { file: "x" }, code: 2, stderr: /--reports: .*\/file\/sub: .*\/file is not a folder/ },
    { name: `${command} --checkpoint-dir that is a file`, argv: [...runArgv(command, MODEL), "--checkpoint-dir", "$DIR/file"], files: { file: "x" }, code: 2, stderr: /--checkpoint-dir: .*\/file exists and is not a folder; give a folder path \(e\.g\. --checkpoint-dir / },
  ]),
  { name: "explore --reports /dev/null", argv: ["explore", MODEL, "--reports", "/dev/null"], code: 2, stderr: /--reports: \/dev\/null exists and is not a folder/ },
  { name: "explore --reports of blanks", argv: ["explore", MODEL, "--reports", "   "], code: 2, stderr: /--reports: expected a folder path, got an empty string/ },
  { name: "explore --checkpoint-dir ''", argv: ["explore", MODEL, "--checkpoint-dir", ""], code: 2, stderr: /--checkpoint-dir: expected a folder path, got an empty string \(the default is reports\/\.checkpoints\)$/ },
  { name: "simulate --checkpoint-dir inside a file", argv: ["simulate", MODEL, "--checkpoint-dir", "$DIR/file/ckpt"], files: { file: "x" }, code: 2, stderr: /--checkpoint-dir: .*\/file\/ckpt: .*\/file is not a folder/ },
  { name: "check --reports inside a file, two levels down", argv: ["check", MODEL, "--reports", "$DIR/file/a/b"], files: { file: "x" }, code: 2, stderr: /--reports: .*\/file\/a\/b: .*\/file is not a folder/ },
  // /proc refuses new entries (ENOENT), even to root: a folder that cannot be created or written.
  { name: "check --reports that cannot be created", argv: ["check", MODEL, "--reports", "/proc/consensus-check-reports"], code: 2, stderr: /--reports: cannot create the folder \/proc\/consensus-check-reports: .*give a folder you can write/ },
  { name: "explore --checkpoint-dir that cannot be created", argv: ["explore", MODEL, "--checkpoint-dir", "/proc/consensus-check/ckpt"], code: 2, stderr: /--checkpoint-dir: cannot create the folder \/proc\/consensus-check\/ckpt: .*give a folder you can write/ },
  { name: "explore --reports in a folder that cannot be written", argv: ["explore", MODEL, "--reports", "/proc/self"], code: 2, stderr: /--reports: cannot write in \/proc\/self: .*give a folder you can write/ },
  { name: "report --out a folder", argv: ["report", "$DIR/r.json", "--out", "$DIR"], files: { "r.json": json(violationResult()) }, code: 2, stderr: /--out: .* is a folder; give a file path/ },
  { name: "report --out with a trailing slash", argv: ["report", "$DIR/r.json", "--out", "$DIR/new/"], files: { "r.json": json(violationResult()) }, code: 2, stderr: /--out: .*\/new\/ is a folder; give a file path/ },
  { name: "report --out -", argv: ["report", "$DIR/r.json", "--out", "-"], files: { "r.json": json(violationResult()) }, code: 2, stderr: /^consensus-check: --out: - would be a file named "-"; leave --out out to write to standard output$/ },
  { name: "report --out is not written when the input is bad", argv: ["report", "$DIR/r.json", "--out", "$DIR/report.md"], files: { "r.json": resultWith({ seed: "zero" }) }, code: 2, stderr: /^consensus-check: result seed: /, absent: ["$DIR/report.md"] },
  { name: "report --out ''", argv: ["report", "$DIR/r.json", "--out", ""], files: { "r.json": json(violationResult()) }, code: 2, stderr: /--out: expected a file path, got an empty string/ },
  { name: "report --out in a missing folder", argv: ["report", "$DIR/r.json", "--out", "$DIR/missing/report.md"], files: { "r.json": json(violationResult()) }, code: 2, stderr: /--out: the folder .*\/missing does not exist; create it first or write elsewhere/ },
  { name: "report --out inside a file", argv: ["report", "$DIR/r.json", "--out", "$DIR/file/report.md"], files: { "r.json": json(violationResult()), file: "x" }, code: 2, stderr: /--out: .*\/file is not a folder/ },
  { name: "report --out where nothing can be created", argv: ["report", "$DIR/r.json", "--out", "/proc/report.md"], files: { "r.json": json(violationResult()) }, code: 2, stderr: /--out: cannot write in \/proc: .*give a folder you can write/ },
  // Where bad input ends: a device is written into (--out /dev/stdout), not replaced.
  { name: "report --out onto a device is written into (exit 0)", argv: ["report", "$DIR/r.json", "--out", "$DIR/null"], files: { "r.json": json(violationResult()), null: { symlink: "/dev/null" } }, code: 0, stderr: null },
  { name: "explore --reports with a 300-character name", argv: ["explore", MODEL, "--reports", `$DIR/${"r".repeat(300)}`], code: 2, stderr: /^consensus-check: --reports: cannot inspect .*r{100}.*: ENAMETOOLONG \(a name in the path is too long\); give another path$/ },
  { name: "report --out with a 300-character name", argv: ["report", "$DIR/r.json", "--out", `$DIR/${"o".repeat(300)}.md`], code: 2, stderr: /^consensus-check: --out: cannot inspect .*o{100}.*: ENAMETOOLONG/ },
  { name: "check --reports under a dangling symbolic link", argv: ["check", MODEL, "--reports", "$DIR/dangling/reports"], files: { dangling: { symlink: "nowhere" } }, code: 2, stderr: /^consensus-check: --reports: cannot create the folder .*\/dangling\/reports: EEXIST; give a folder you can write$/ },
  // The checkpoint --resume reads is an input file too.
  { name: "explore --resume from a checkpoint of garbage", argv: ["explore", MODEL, "--reports", "$DIR/r", "--resume"], files: { "r/.checkpoints/pbft-n3_f1.bfs.ckpt": "garbage" }, code: 2, stderr: /^consensus-check: --resume: .*\/r\/\.checkpoints\/pbft-n3_f1\.bfs\.ckpt: not a consensus-check checkpoint \(wrong magic bytes\); delete it or run without --resume$/ },
  { name: "check --resume from an empty checkpoint", argv: ["check", MODEL, "--reports", "$DIR/r", "--resume"], files: { "r/.checkpoints/pbft-n3_f1.bfs.ckpt": "" }, code: 2, stderr: /^consensus-check: --resume: .*pbft-n3_f1\.bfs\.ckpt: truncated or corrupt \(0 bytes, .*\); delete it or run without --resume$/ },
  { name: "simulate --resume from 5 MiB of noise", argv: ["simulate", MODEL, "--checkpoint-dir", "$DIR/ck", "--resume"], files: { "ck/pbft-n3_f1.random.ckpt": () => Buffer.alloc(5 * MIB, 0x5a) }, code: 2, stderr: /^consensus-check: --resume: .*pbft-n3_f1\.random\.ckpt: not a consensus-check checkpoint/ },
  { name: "explore --resume from a checkpoint that is a folder", argv: ["explore", MODEL, "--checkpoint-dir", "$DIR/ck", "--resume"], files: { "ck/pbft-n3_f1.bfs.ckpt": { folder: true } }, code: 2, stderr: /^consensus-check: --resume: cannot read .*pbft-n3_f1\.bfs\.ckpt: EISDIR \(it is a folder\); delete it or run without --resume$/ },
  { name: "explore: a folder where the checkpoint goes", argv: ["explore", MODEL, "--checkpoint-dir", "$DIR/ck"], files: { "ck/pbft-n3_f1.bfs.ckpt": { folder: true } }, code: 2, stderr: /^consensus-check: checkpoints: .*\/ck\/pbft-n3_f1\.bfs\.ckpt is a folder, where this run would keep its checkpoint; remove it or give another --checkpoint-dir$/ },
  // Where bad input ends: reports that cannot be written once the run is over are exit 4, one line.
  { name: "explore --no-checkpoint: a folder where a stale checkpoint would be removed (exit 4)", argv: ["explore", MODEL, "--reports", "$DIR/r", "--no-checkpoint", "--quiet"], files: { "r/.checkpoints/pbft-n3_f1.bfs.ckpt": { folder: true } }, code: 4, stderr: /^consensus-check: cannot remove the checkpoint .*pbft-n3_f1\.bfs\.ckpt: ERR_FS_EISDIR \(it is a folder\)$/ },
  { name: "explore: a stale .lock that is a folder (exit 4)", argv: ["explore", MODEL, "--reports", "$DIR/r", "--quiet"], files: { "r/.lock": { folder: true, old: true } }, code: 4, stderr: /^consensus-check: cannot remove the stale lock .*\/r\/\.lock: ERR_FS_EISDIR \(it is a folder\); remove it by hand$/ },
  { name: "explore: an index.json that is a folder (exit 4)", argv: ["explore", MODEL, "--reports", "$DIR/r", "--quiet"], files: { "r/index.json": { folder: true } }, code: 4, stderr: /^consensus-check: cannot write .*\/r\/index\.json: EISDIR \(it is a folder\)$/ },
  { name: "explore: a folder named like a stale temporary is left alone (exit 0)", argv: ["explore", MODEL, "--reports", "$DIR/r", "--quiet"], files: { "r/.x.99999999.deadbeef.tmp": { folder: true } }, code: 0, stderr: null },
  { name: "report --out is checked before the input is read", argv: ["report", "$DIR/missing.json", "--out", "$DIR"], code: 2, stderr: /--out: .* is a folder/ },
];

// Input files, for every command that reads one.
const READERS: string[][] = [["replay"], ["report"], ["merkle", "root"], ["merkle", "verify-inclusion"], ["merkle", "verify-consistency"], ["mpt", "root"], ["mpt", "prove"], ["mpt", "verify-proof"]];
const inputFiles: Case[] = [
  ...READERS.map((command): Case => ({ name: `${command.join(" ")}: a missing file`, argv: [...command, "$DIR/missing.json"], code: 2, stderr: /cannot read .*\/missing\.json: ENOENT \(no such file\)$/ })),
  ...READERS.map((command, index): Case => {
    const kinds: [string, FileSpec, RegExp][] = [
      ["a directory", { folder: true }, /in\.json is a directory; give a JSON file$/],
      ["an empty file", "", /in\.json is empty; expected a JSON object or array$/],
      ["a byte-order mark", Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from("{}")]), /in\.json starts with a byte-order mark \(EF BB BF\); save it as UTF-8 without a BOM$/],
      ["invalid UTF-8", Buffer.from([0x7b, 0x22, 0xc3, 0x28, 0x22, 0x3a, 0x31, 0x7d]), /in\.json is not UTF-8 text/],
      ["JSON nested 100,000 deep", () => `${"[".repeat(100_000)}${"]".repeat(100_000)}`, /in\.json: JSON nested deeper than 100 levels/],
      ["80 MiB (sparse)", { sparse: 80 * MIB }, /in\.json: 80 MiB is over the 64 MiB input limit$/],
      ["64 MiB and one byte (sparse)", { sparse: 64 * MIB + 1 }, /in\.json: 64\.00 MiB \(67108865 bytes\) is over the 64 MiB input limit$/],
      ["UTF-16", Buffer.from("\ufeff{}", "utf16le"), /in\.json is UTF-16 text/],
    ];
    const [what, spec, stderr] = kinds[index % kinds.length]!;
    return { name: `${command.join(" ")}: ${what}`, argv: [...command, "$DIR/in.json"], files: { "in.json": spec }, code: 2, stderr };
  }),
  { name: "replay: /dev/null", argv: ["replay", "/dev/null"], code: 2, stderr: /\/dev\/null is not a regular file \(a FIFO, socket or device\)/ },
  { name: "mpt root: /dev/zero", argv: ["mpt", "root", "/dev/zero"], code: 2, stderr: /\/dev\/zero is not a regular file/ },
  { name: "report: an empty path", argv: ["report", ""], code: 2, stderr: /expected a file path.*empty/ },
  { name: "merkle root: a file of blanks", argv: ["merkle", "root", "$DIR/in.json"], files: { "in.json": " \n\t\r\n" }, code: 2, stderr: /in\.json is empty/ },
  { name: "merkle root: trailing garbage after the JSON", argv: ["merkle", "root", "$DIR/in.json"], files: { "in.json": '{"leaves": []} x' }, code: 2, stderr: /in\.json is not valid JSON: / },
  { name: "mpt root: NaN is no JSON", argv: ["mpt", "root", "$DIR/in.json"], files: { "in.json": '{"ops": NaN}' }, code: 2, stderr: /in\.json is not valid JSON: / },
  { name: "mpt prove: a JSON string", argv: ["mpt", "prove", "$DIR/in.json"], files: { "in.json": '"0x00"' }, code: 2, stderr: /in\.json: expected a JSON object or array, got a string$/ },
  { name: "merkle verify-consistency: JSON null", argv: ["merkle", "verify-consistency", "$DIR/in.json"], files: { "in.json": "null" }, code: 2, stderr: /in\.json: expected a JSON object or array, got null$/ },
  { name: "report: a JSON number", argv: ["report", "$DIR/in.json"], files: { "in.json": "42" }, code: 2, stderr: /in\.json: expected a JSON object or array, got a number$/ },
  { name: "replay: a file named with a newline", argv: ["replay", "$DIR/a\nb.json"], code: 2, stderr: /cannot read .*a b\.json: ENOENT/ },
  { name: "replay: a path through a file", argv: ["replay", "$DIR/file/s.json"], files: { file: "x" }, code: 2, stderr: /cannot read .*\/file\/s\.json: ENOTDIR \(a part of the path is not a directory\)/ },
  { name: "replay: a symbolic link loop", argv: ["replay", "$DIR/loop"], files: { loop: { symlink: "loop" } }, code: 2, stderr: /cannot read .*\/loop: ELOOP \(too many symbolic links\)/ },
];

// Schedule files for replay.
const replay = (name: string, content: FileSpec, stderr: RegExp | null, code = 2, extra: Partial<Case> = {}): Case => ({
  name: `replay: ${name}`,
  argv: ["replay", "$DIR/schedule.json"],
  files: { "schedule.json": content },
  code,
  stderr,
  ...extra,
});
const without = (field: string): string => {
  const value = schedule();
  delete value[field];
  return json(value);
};
const schedules: Case[] = [
  replay("not JSON", "{ version: 1 }", /schedule\.json is not valid JSON/),
  replay("an array", "[]", /^consensus-check: schedule: .*expected object, received array/),
  replay("an array of schedules", () => json([schedule()]), /^consensus-check: schedule: .*expected object, received array/),
  replay("an empty object", "{}", /^consensus-check: schedule version: /),
  replay("no version", () => without("version"), /^consensus-check: schedule version: .*expected 1/),
  replay("no model", () => without("model"), /^consensus-check: schedule model: expected a model name as a string/),
  replay("no config", () => without("config"), /^consensus-check: schedule config: .*expected record/),
  replay("no seed", () => without("seed"), /^consensus-check: schedule seed: expected a whole number from 0 to 4294967295/),
  replay("no steps", () => without("steps"), /^consensus-check: schedule steps: .*expected array/),
  replay("an extra field", () => scheduleWith({ comment: "hi" }), /^consensus-check: schedule: .*[Uu]nrecognized key.*"comment"/),
  replay("a cycle past the steps", () => scheduleWith({ cycleFrom: 999 }), /^consensus-check: schedule cycleFrom: 999 is past the \d+ steps; give the index of the cycle's first step$/),
  replay("a cycle at a fraction", () => scheduleWith({ cycleFrom: 1.5 }), /^consensus-check: schedule cycleFrom: expected a step index from 0 to the number of steps$/),
  replay("version 2", () => scheduleWith({ version: 2 }), /^consensus-check: schedule version: .*expected 1/),
  replay('version "1"', () => scheduleWith({ version: "1" }), /^consensus-check: schedule version: .*expected 1/),
  replay("an unknown model", () => scheduleWith({ model: "pbft/n99" }), /^consensus-check: unknown model "pbft\/n99"; known models: /),
  replay("an empty model", () => scheduleWith({ model: "" }), /^consensus-check: schedule model: expected a model name, not an empty string/),
  replay("a model that is a number", () => scheduleWith({ model: 3 }), /^consensus-check: schedule model: expected a model name as a string/),
  replay("a 5 MiB model name", () => scheduleWith({ model: "m".repeat(5 * MIB) }), /^consensus-check: schedule model: a model name must be at most 128 characters/),
  replay("a model name with terminal escapes", () => scheduleWith({ model: "\u001b]0;pwned\u0007x" }), /^consensus-check: unknown model ".*pwned.*x"/),
  replay("a config that is an array", () => scheduleWith({ config: [] }), /^consensus-check: schedule config: .*expected record, received array/),
  replay("a config that is a string", () => scheduleWith({ config: "n=4" }), /^consensus-check: schedule config: .*expected record/),
  replay("a config of another model's shape", () => scheduleWith({ config: { qp: 2, qc: 2 } }), /^consensus-check: schedule config n: must be an integer from 1 to 31 \(and 5 more problems\)$/),
  replay('config n = "3"', () => scheduleWithConfig({ n: "3" }), /^consensus-check: schedule config n: must be an integer from 1 to 31/),
  replay("config f = -1", () => scheduleWithConfig({ f: -1 }), /^consensus-check: schedule config f: must be at least 0/),
  replay("config clients = 1.5", () => scheduleWithConfig({ clients: 1.5 }), /^consensus-check: schedule config clients: must be an integer from 1 to 16/),
  replay("config requests = true", () => scheduleWithConfig({ requests: true }), /^consensus-check: schedule config requests: must be an integer from 1 to 256/),
  replay('config window = "x"', () => scheduleWithConfig({ window: "x" }), /^consensus-check: schedule config window: must be an integer/),
  replay("config quorumRule = magic", () => scheduleWithConfig({ quorumRule: "magic" }), /^consensus-check: schedule config quorumRule: /),
  replay('config byzantine = "all"', () => scheduleWithConfig({ byzantine: "all" }), /^consensus-check: schedule config byzantine: /),
  replay("config byzantine replica 9 of n = 3", () => scheduleWithConfig({ byzantine: [{ replica: 2, behaviours: ["silent"] }, { replica: 9, behaviours: ["silent"] }] }), /^consensus-check: schedule config byzantine\[1\]\.replica: must be a replica id below n = 3/),
  replay("config byzantine behaviour fly", () => scheduleWithConfig({ byzantine: [{ replica: 0, behaviours: ["fly"] }] }), /^consensus-check: schedule config byzantine\[0\]\.behaviours\[0\]: must be one of silent, /),
  replay("config byzantine replica listed twice", () => scheduleWithConfig({ byzantine: [{ replica: 0, behaviours: ["silent"] }, { replica: 0, behaviours: ["silent"] }] }), /^consensus-check: schedule config byzantine\[1\]\.replica: replica 0 is listed twice/),
  replay('config network.drop = "yes"', () => scheduleWithConfig({ network: { drop: "yes" } }), /^consensus-check: schedule config network\.drop: /),
  replay('config exceedFaultBudget = "no"', () => scheduleWithConfig({ exceedFaultBudget: "no" }), /^consensus-check: schedule config exceedFaultBudget: /),
  replay("config with an unknown field", () => scheduleWithConfig({ turbo: true }), /^consensus-check: schedule config: .*[Uu]nrecognized key.*"turbo"/),
  replay("config quorumOverrides.prepare = 100", () => scheduleWithConfig({ quorumOverrides: { prepare: 100 } }), /^consensus-check: schedule config quorumOverrides\.prepare: must be at most 30/),
  replay("config n = 10^9", () => scheduleWithConfig({ n: 1e9 }), /^consensus-check: schedule config n: must be at most 31 /),
  replay("config clients = 10^6", () => scheduleWithConfig({ clients: 1e6 }), /^consensus-check: schedule config clients: must be at most 16 /),
  replay("config requests = 10^9", () => scheduleWithConfig({ requests: 1e9 }), /^consensus-check: schedule config requests: must be at most 256 /),
  replay("config window = 10^9", () => scheduleWithConfig({ window: 1e9 }), /^consensus-check: schedule config window: must be at most 4096 /),
  replay("config checkpointInterval = 10^9", () => scheduleWithConfig({ checkpointInterval: 1e9 }), /^consensus-check: schedule config checkpointInterval: must be at most 4096 /),
  replay("config adversarySlots = 10^9", () => scheduleWithConfig({ adversarySlots: 1e9 }), /^consensus-check: schedule config adversarySlots: must be at most 64 /),
  replay("config f = 10^9", () => scheduleWithConfig({ f: 1e9 }), /^consensus-check: schedule config f: must be at most 31 /),
  replay("config forgeryBudget = 10^9", () => scheduleWithConfig({ forgeryBudget: 1e9 }), /^consensus-check: schedule config forgeryBudget: must be at most 1000000 /),
  replay("config n = 1e400 (Infinity once parsed)", '{"version":1,"model":"pbft/n3_f1","config":{"n":1e400,"f":1,"requests":1,"checkpointInterval":1,"window":1},"seed":0,"steps":[]}', /^consensus-check: schedule config n: must be /),
  replay("config n = 16 with 16 clients of 2 requests", () => scheduleWithConfig({ n: 16, clients: 16, requests: 2 }), /^consensus-check: schedule config: n² × clients × requests is 8192, more than 4096/),
  replay("config n = 31 with 2 clients (more actors than the runtime runs)", () => scheduleWithConfig({ n: 31, clients: 2 }), /^consensus-check: schedule config: n \+ clients is 33, more than 32/),
  replay("config with too many forgeries", () => scheduleWithConfig({ n: 8, clients: 4, requests: 4, adversarySlots: 64, byzantine: [{ replica: 0, behaviours: ["bad-digest"] }] }), /^consensus-check: schedule config byzantine: the Byzantine replicas could choose among up to \d+ forgeries/),
  replay("a seed above 2^32 − 1", () => scheduleWith({ seed: 2 ** 32 }), /^consensus-check: schedule seed: expected a whole number from 0 to 4294967295/),
  replay("a negative seed", () => scheduleWith({ seed: -1 }), /^consensus-check: schedule seed: expected a whole number from 0 to 4294967295/),
  replay("a fractional seed", () => scheduleWith({ seed: 0.5 }), /^consensus-check: schedule seed: expected a whole number from 0 to 4294967295/),
  replay('a seed that is a string', () => scheduleWith({ seed: "0" }), /^consensus-check: schedule seed: expected a whole number from 0 to 4294967295/),
  replay("steps that are an object", () => scheduleWith({ steps: { 0: { heal: true } } }), /^consensus-check: schedule steps: .*expected array/),
  replay("an unknown step kind", () => scheduleSteps({ step: "request", actor: "C0", op: "op0.1" }, { teleport: 1 }), /^consensus-check: schedule steps\[1\]: unknown step \{"teleport":1\}; a step is an object with one of the keys step, replay, deliver, /),
  replay("a step that is a number", () => scheduleSteps(5), /^consensus-check: schedule steps\[0\]: unknown step 5/),
  replay("a step that is null", () => scheduleSteps(null), /^consensus-check: schedule steps\[0\]: unknown step null/),
  replay("a step that is an array", () => scheduleSteps(["deliver", "x"]), /^consensus-check: schedule steps\[0\]: unknown step \["deliver","x"\]/),
  replay("an empty step", () => scheduleSteps({}), /^consensus-check: schedule steps\[0\]: unknown step \{\}/),
  replay("an unknown step with a 5 MiB key", () => scheduleSteps({ ["k".repeat(5 * MIB)]: 1 }), /^consensus-check: schedule steps\[0\]: unknown step \{"k{60,}…; a step is an object/),
  replay("deliver of a number", () => scheduleSteps({ deliver: 5 }), /^consensus-check: schedule steps\[0\]\.deliver: expected a message id as a string/),
  replay("deliver of an empty id", () => scheduleSteps({ deliver: "" }), /^consensus-check: schedule steps\[0\]\.deliver: expected a message id, not an empty string/),
  replay("deliver of a 5 MiB id", () => scheduleSteps({ deliver: "x".repeat(5 * MIB) }), /^consensus-check: schedule steps\[0\]\.deliver: a message id must be at most 1024 characters/),
  replay("a step with two kinds", () => scheduleSteps({ deliver: "PREPARE v0 n1 2->3", drop: "PREPARE v0 n1 2->3" }), /^consensus-check: schedule steps\[0\]: .*[Uu]nrecognized key.*"drop"/),
  replay("timeout at replica 1 by number", () => scheduleSteps({ timeout: 1 }), /^consensus-check: schedule steps\[0\]\.timeout: expected an actor name \(a letter, then up to 31 letters, digits or _\)$/),
  replay("timeout at a 33-character actor name", () => scheduleSteps({ timeout: `R${"0".repeat(32)}` }), /^consensus-check: schedule steps\[0\]\.timeout: expected an actor name/),
  replay("crash of an actor named by a digit", () => scheduleSteps({ crash: "1R" }), /^consensus-check: schedule steps\[0\]\.crash: expected an actor name/),
  replay('recover of replica "0"', () => scheduleSteps({ recover: "0" }), /^consensus-check: schedule steps\[0\]\.recover: expected an actor name/),
  replay("a partition of one side", () => scheduleSteps({ partition: [["R0", "R1", "R2"]] }), /^consensus-check: schedule steps\[0\]\.partition: /),
  replay("a partition that is a string", () => scheduleSteps({ partition: "0,1|2" }), /^consensus-check: schedule steps\[0\]\.partition: /),
  replay("heal: false", () => scheduleSteps({ heal: false }), /^consensus-check: schedule steps\[0\]\.heal: .*expected true/),
  replay("gst: 1", () => scheduleSteps({ gst: 1 }), /^consensus-check: schedule steps\[0\]\.gst: .*expected true/),
  // PBFT's own steps: the Schedule bounds any protocol step, the protocol's schema checks its fields.
  replay("a step kind PBFT does not declare", () => scheduleSteps({ step: "teleport", actor: "R0" }), /^consensus-check: step\.step: "teleport" is no step kind of pbft; use one of bad-digest, conflicting-votes, equivocate, equivocate-new-view, forge-checkpoint, forge-new-view, forge-reply, forge-view-change, request$/),
  replay("a request without op", () => scheduleSteps({ step: "request", actor: "C0" }), /^consensus-check: step\.op of a request step: /),
  replay("a request with a 300-character op", () => scheduleSteps({ step: "request", actor: "C0", op: "o".repeat(300) }), /^consensus-check: step\.op of a request step: /),
  replay("an equivocation sent to a client", () => scheduleSteps({ step: "equivocate", actor: "R0", seq: 1, to: "C0", client: 0, timestamp: 1 }), /^consensus-check: step\.to of a equivocate step: /),
  replay("a protocol step without actor", () => scheduleSteps({ step: "equivocate", seq: 1 }), /^consensus-check: schedule steps\[0\]\.actor: expected an actor name/),
  replay("a protocol step with 17 fields", () => scheduleSteps({ step: "equivocate", actor: "R0", ...Object.fromEntries(Array.from({ length: 17 }, (_, i) => [`a${i}`, i])) }), /^consensus-check: schedule steps\[0\]: a protocol step has at most 16 fields, this one 17/),
  replay("a protocol step with an object field", () => scheduleSteps({ step: "equivocate", actor: "R0", digest: { x: 1 } }), /^consensus-check: schedule steps\[0\]\.digest: a protocol step's field must be a number, a boolean, null, a string/),
  replay("a protocol step with a long field name", () => scheduleSteps({ step: "equivocate", actor: "R0", ["n".repeat(200)]: 1 }), /^consensus-check: schedule steps\[0\]: a protocol step's field names are at most 128 characters/),
  replay("the old Byzantine step kind", () => scheduleSteps({ byzantine: 0, behaviour: "equivocate" }), /^consensus-check: schedule steps\[0\]: unknown step \{"byzantine":0,"behaviour":"equivocate"\}; a step is an object with one of the keys step, replay, deliver/),
  replay("the 5th step of 6 broken", () => {
    const value = schedule();
    (value.steps as unknown[])[4] = { deliver: 7 };
    return json(value);
  }, /^consensus-check: schedule steps\[4\]\.deliver: /),
  // Where bad input ends: a well-formed schedule that does not reproduce is exit 1.
  replay("a step that is not enabled (well-formed: it does not reproduce, exit 1)", () => scheduleSteps({ deliver: "COMMIT v0 n1 d:a81a96 R0->R1", from: "R0", to: "R1" }), null, 1, { stdoutNot: /^reproduced/m }),
  { name: "replay --expect pass of a violating schedule (exit 1)", argv: ["replay", "$DIR/s.json", "--expect", "pass"], files: { "s.json": () => json(schedule()) }, code: 1, stderr: null },
];

// Result files for report and replay.
const resultCase = (command: "report" | "replay", name: string, content: FileSpec, stderr: RegExp | null, code = 2, extra: Partial<Case> = {}): Case => ({
  name: `${command}: ${name}`,
  argv: [command, "$DIR/result.json"],
  files: { "result.json": content },
  code,
  stderr,
  ...extra,
});
const resultWithout = (field: string): string => {
  const value = violationResult();
  delete value[field];
  return json(value);
};
const HOSTILE = "<script>alert(1)</script>\u001b[2J\r\n| --> ]]>";
const results: Case[] = [
  resultCase("report", "an array", "[]", /^consensus-check: result: .*expected object, received array/),
  resultCase("report", "an empty object", "{}", /^consensus-check: result model: .*expected string/),
  resultCase("report", "a schedule given as a Result", () => json(schedule()), /^consensus-check: result result: .*"pass".*\(and \d+ more problems\)$/),
  resultCase("report", "no verdict", () => resultWithout("result"), /^consensus-check: result result: /),
  resultCase("report", "verdict maybe", () => resultWith({ result: "maybe" }), /^consensus-check: result result: .*"pass"/),
  resultCase("report", "distinctStates -1", () => resultWith({ distinctStates: -1 }), /^consensus-check: result distinctStates: /),
  resultCase("report", 'distinctStates "many"', () => resultWith({ distinctStates: "many" }), /^consensus-check: result distinctStates: .*expected number/),
  resultCase("report", "transitions 1.5", () => resultWith({ transitions: 1.5 }), /^consensus-check: result transitions: .*expected int/),
  resultCase("report", "seconds -1", () => resultWith({ seconds: -1 }), /^consensus-check: result seconds: /),
  resultCase("report", "no seed", () => resultWithout("seed"), /^consensus-check: result seed: /),
  resultCase("report", "strategy astar", () => resultWith({ strategy: "astar" }), /^consensus-check: result strategy: .*"bfs"/),
  resultCase("report", "limitHit coffee", () => resultWith({ result: "incomplete", limitHit: "coffee" }), /^consensus-check: result limitHit: /),
  resultCase("report", "omissionProbability 2", () => resultWith({ omissionProbability: 2 }), /^consensus-check: result omissionProbability: /),
  resultCase("report", "violationCounts with a negative count", () => resultWith({ violationCounts: { agreement: -1 } }), /^consensus-check: result violationCounts\.agreement: /),
  resultCase("report", "statesPerDepth of strings", () => resultWith({ statesPerDepth: ["1"] }), /^consensus-check: result statesPerDepth\[0\]: /),
  resultCase("report", "a counterexample with an unknown step", () => resultWith({ counterexample: { ...schedule(), steps: [{ teleport: 1 }] } }), /^consensus-check: result counterexample\.steps\[0\]: unknown step/),
  resultCase("report", "a counterexample without version", () => resultWith({ counterexample: { ...schedule(), version: undefined } }), /^consensus-check: result counterexample\.version: /),
  resultCase("report", "a counterexample with config n = 10^9", () => resultWith({ counterexample: { ...schedule(), config: { ...schedule().config, n: 1e9 } } }), /^consensus-check: result counterexample config n: must be at most 31 /),
  resultCase("report", "a counterexample with an unknown config field", () => resultWith({ counterexample: { ...schedule(), config: { ...schedule().config, turbo: 1 } } }), /^consensus-check: result counterexample config: .*[Uu]nrecognized key.*"turbo"/),
  resultCase("report", "a counterexample of another model than the Result's", () => resultWith({ counterexample: { ...schedule(), model: "bench/pbft_n4f1" } }), /^consensus-check: result counterexample\.model: .*bench\/pbft_n4f1.*pbft\/n3_f1/),
  resultCase("report", "a counterexample seed above 2^32 − 1", () => resultWith({ counterexample: { ...schedule(), seed: 2 ** 32 } }), /^consensus-check: result counterexample\.seed: /),
  resultCase("report", "a model name that is a number", () => resultWith({ model: 42 }), /^consensus-check: result model: .*expected string/),
  // A hostile model name in a well-formed Result is no bad input: the report renders it, escaped.
  resultCase("report", "a hostile model name (rendered, escaped, exit 0)", () => json({ ...passResult(HOSTILE) }), null, 0, { argv: ["report", "$DIR/result.json", "--format", "html"], stdoutNot: /<script>alert/ }),
  resultCase("report", "a hostile model name as JUnit (exit 0)", () => json({ ...passResult(HOSTILE) }), null, 0, { argv: ["report", "$DIR/result.json", "--format", "junit"], stdoutNot: /<script>|\]\]>[^<]*\u001b/ }),
  resultCase("replay", "a Result without counterexample", () => json(passResult()), /^consensus-check: this Result of pbft\/n4_f1 \(verdict pass\) has no counterexample to replay; give a schedule file or a Result with a counterexample$/),
  resultCase("replay", "an incomplete Result without counterexample", () => json({ ...passResult("pbft/n3_f1"), result: "incomplete", limitHit: "time" }), /^consensus-check: this Result of pbft\/n3_f1 \(verdict incomplete\) has no counterexample to replay/),
  resultCase("replay", "a Result without counterexample, with a hostile model name", () => json(passResult(HOSTILE)), /^consensus-check: this Result of .*script.* has no counterexample to replay/),
  resultCase("replay", "a Result without counterexample, with a 5 MiB model name", () => json(passResult("m".repeat(5 * MIB))), /^consensus-check: this Result of m{100}/),
  resultCase("replay", "a Result with a broken field", () => resultWith({ distinctStates: -5 }), /^consensus-check: result distinctStates: /),
  resultCase("replay", "a Result whose counterexample has a bad step", () => resultWith({ counterexample: { ...schedule(), steps: [{ crash: "all of them" }] } }), /^consensus-check: result counterexample\.steps\[0\]\.crash: expected an actor name/),
  resultCase("replay", "a Result whose counterexample names an unknown model", () => resultWith({ model: "pbft/n9", counterexample: { ...schedule(), model: "pbft/n9" } }), /^consensus-check: unknown model "pbft\/n9"/),
  resultCase("replay", "a Result whose counterexample names another model than the Result", () => resultWith({ model: "bench/pbft_n4f1" }), /^consensus-check: result counterexample\.model: "pbft\/n3_f1" is another model than the Result's "bench\/pbft_n4f1"/),
  resultCase("replay", "a Result claiming a property the run does not violate (well-formed: exit 1)", () => resultWith({ property: "liveness" }), null, 1, { stdoutNot: /^reproduced/m }),
  resultCase("replay", "a Result with a verdict of maybe", () => resultWith({ result: "maybe" }), /^consensus-check: result result: /),
];

// Merkle and MPT case files.
const caseFile = (command: string[], name: string, content: FileSpec, stderr: RegExp | null, code = 2): Case => ({
  name: `${command.join(" ")}: ${name}`,
  argv: [...command, "$DIR/cases.json"],
  files: { "cases.json": content },
  code,
  stderr,
});
const ROOT = ["merkle", "root"];
const INCLUSION = ["merkle", "verify-inclusion"];
const CONSISTENCY = ["merkle", "verify-consistency"];
const MPT_ROOT = ["mpt", "root"];
const PROVE = ["mpt", "prove"];
const VERIFY = ["mpt", "verify-proof"];
const HEX_FIX = /expected 0x-prefixed hex with an even number of digits, e\.g\. "0x00ff"$/;
const HASH_FIX = /expected a 32-byte hash \(0x \+ 64 hex digits\)$/;
const WHOLE_FIX = /expected a whole number from 0 to 2\^53 − 1 \(9007199254740991\)$/;

const caseFiles: Case[] = [
  caseFile(ROOT, "no leaves", "{}", /^consensus-check: case\.leaves: expected an array of 0x-hex leaves/),
  caseFile(ROOT, "leaves that are a string", () => withFields(merkleRoot(), { leaves: "0x00" }), /^consensus-check: case\.leaves: expected an array of 0x-hex leaves/),
  caseFile(ROOT, "a leaf without 0x", () => withFields(merkleRoot(), { leaves: ["00"] }), new RegExp(`^consensus-check: case\\.leaves\\[0\\]: ${HEX_FIX.source}`)),
  caseFile(ROOT, "a leaf of odd length", () => withFields(merkleRoot(), { leaves: ["0x00", "0x0"] }), new RegExp(`^consensus-check: case\\.leaves\\[1\\]: ${HEX_FIX.source}`)),
  caseFile(ROOT, "a leaf with non-hex digits", () => withFields(merkleRoot(), { leaves: ["0xzz"] }), /^consensus-check: case\.leaves\[0\]: expected 0x-prefixed hex/),
  caseFile(ROOT, "a leaf with 0X", () => withFields(merkleRoot(), { leaves: ["0X00"] }), /^consensus-check: case\.leaves\[0\]: expected 0x-prefixed hex/),
  caseFile(ROOT, "a leaf that is a number", () => withFields(merkleRoot(), { leaves: [5] }), /^consensus-check: case\.leaves\[0\]: expected 0x-prefixed hex/),
  caseFile(ROOT, "a 5 MiB leaf of odd length", () => withFields(merkleRoot(), { leaves: [`${hex(5 * MIB / 2)}a`] }), /^consensus-check: case\.leaves\[0\]: expected 0x-prefixed hex/),
  caseFile(ROOT, "a 5 MiB leaf without 0x", () => withFields(merkleRoot(), { leaves: ["ab".repeat(5 * MIB / 2)] }), /^consensus-check: case\.leaves\[0\]: expected 0x-prefixed hex/),
  caseFile(ROOT, "hash sha3", () => withFields(merkleRoot(), { hash: "sha3" }), /^consensus-check: case\.hash: expected "rfc6962" \(the default\) or "bitcoin"$/),
  caseFile(ROOT, "an unknown field", () => withFields(merkleRoot(), { leafs: [] }), /^consensus-check: case: .*[Uu]nrecognized key.*"leafs"/),
  caseFile(ROOT, "a bitcoin leaf of 31 bytes", () => withFields(bitcoinRoot(), { leaves: [HASH, hex(31)] }), /^consensus-check: case\.leaves\[1\]: bitcoin leaves are txids: expected 32 bytes/),
  caseFile(ROOT, "one bad case among three", () => json([merkleRoot(), bitcoinRoot(), withLeaves(["0x1"])]), /^consensus-check: cases\[2\]\.leaves\[0\]: expected 0x-prefixed hex/),
  caseFile(ROOT, "an array holding a number", () => json([merkleRoot(), 7]), /^consensus-check: cases\[1\]: .*expected object/),
  caseFile(ROOT, "an empty array of cases is no error (exit 0)", "[]", null, 0),
  caseFile(ROOT, "100,001 cases", () => `[${Array(100_001).fill('{"leaves":[]}').join(",")}]`, /^consensus-check: cases: 100001 cases, more than the 100000 one input may hold; split them over several files$/),
  // A real process: bounded by its own 256 MiB heap, not by the growth of the test runner's heap, which the garbage collector's timing makes flaky this close to the bound.
  { ...caseFile(ROOT, "the leaves of all cases over 2^20", () => json([{ leaves: Array(2 ** 19).fill("0x") }, { leaves: Array(2 ** 19 + 1).fill("0x") }]), /^consensus-check: cases\[1\]: the cases up to here hold 1048577 leaves, more than the 1048576 one input may hold/), real: true },
  caseFile(INCLUSION, "no leafIndex", () => withFields(inclusion(), { leafIndex: undefined }), new RegExp(`^consensus-check: case\\.leafIndex: missing: ${WHOLE_FIX.source}`)),
  caseFile(INCLUSION, "leafIndex -1", () => withFields(inclusion(), { leafIndex: -1 }), /^consensus-check: case\.leafIndex: expected a whole number ≥ 0, not a negative one$/),
  caseFile(INCLUSION, "leafIndex 1.5", () => withFields(inclusion(), { leafIndex: 1.5 }), new RegExp(`^consensus-check: case\\.leafIndex: ${WHOLE_FIX.source}`)),
  caseFile(INCLUSION, 'leafIndex "5"', () => withFields(inclusion(), { leafIndex: "5" }), new RegExp(`^consensus-check: case\\.leafIndex: ${WHOLE_FIX.source}`)),
  caseFile(INCLUSION, "leafIndex 2^53", () => withFields(inclusion(), { leafIndex: 2 ** 53 }), new RegExp(`^consensus-check: case\\.leafIndex: ${WHOLE_FIX.source}`)),
  caseFile(INCLUSION, "treeSize 1e300", () => withFields(inclusion(), { treeSize: 1e300 }), new RegExp(`^consensus-check: case\\.treeSize: ${WHOLE_FIX.source}`)),
  caseFile(INCLUSION, "treeSize 1e400 (Infinity once parsed)", () => json(inclusion()).replace('"treeSize":8', '"treeSize":1e400'), new RegExp(`^consensus-check: case\\.treeSize: ${WHOLE_FIX.source}`)),
  caseFile(INCLUSION, "both leaf and leafHash", () => withFields(inclusion(), { leafHash: HASH }), /^consensus-check: case\.leafHash: give exactly one of "leafHash" .* or "leaf"/),
  caseFile(INCLUSION, "neither leaf nor leafHash", () => withFields(inclusion(), { leaf: undefined }), /^consensus-check: case\.leafHash: give exactly one of "leafHash"/),
  caseFile(INCLUSION, "a leafHash of 31 bytes", () => withFields(inclusion(), { leaf: undefined, leafHash: hex(31) }), new RegExp(`^consensus-check: case\\.leafHash: ${HASH_FIX.source}`)),
  caseFile(INCLUSION, "a leafHash of 33 bytes", () => withFields(inclusion(), { leaf: undefined, leafHash: hex(33) }), new RegExp(`^consensus-check: case\\.leafHash: ${HASH_FIX.source}`)),
  caseFile(INCLUSION, "a root without 0x", () => withFields(inclusion(), { root: "11".repeat(32) }), new RegExp(`^consensus-check: case\\.root: ${HASH_FIX.source}`)),
  caseFile(INCLUSION, "a 5 MiB root", () => withFields(inclusion(), { root: hex(5 * MIB / 2) }), new RegExp(`^consensus-check: case\\.root: ${HASH_FIX.source}`)),
  caseFile(INCLUSION, "a proof that is a string", () => withFields(inclusion(), { proof: HASH }), /^consensus-check: case\.proof: expected an array of 32-byte hashes/),
  caseFile(INCLUSION, "a proof of 65 hashes", () => withFields(inclusion(), { proof: Array(65).fill(HASH) }), /^consensus-check: case\.proof: a proof has at most 64 hashes/),
  caseFile(INCLUSION, "a proof with one bad hash", () => withFields(inclusion(), { proof: [HASH, HASH, "0x12"] }), new RegExp(`^consensus-check: case\\.proof\\[2\\]: ${HASH_FIX.source}`)),
  caseFile(INCLUSION, "an unknown field", () => withFields(inclusion(), { index: 5 }), /^consensus-check: case: .*[Uu]nrecognized key.*"index"/),
  caseFile(INCLUSION, "the second of two cases broken", () => json([inclusion(), { ...inclusion(), treeSize: -8 }]), /^consensus-check: cases\[1\]\.treeSize: expected a whole number ≥ 0/),
  caseFile(INCLUSION, "a leaf index past the tree (well-formed: an invalid proof, exit 1)", () => withFields(inclusion(), { leafIndex: 9 }), null, 1),
  caseFile(CONSISTENCY, "no size1", () => withFields(consistency(), { size1: undefined }), new RegExp(`^consensus-check: case\\.size1: missing: ${WHOLE_FIX.source}`)),
  caseFile(CONSISTENCY, "size2 -1", () => withFields(consistency(), { size2: -1 }), /^consensus-check: case\.size2: expected a whole number ≥ 0/),
  caseFile(CONSISTENCY, "size2 true", () => withFields(consistency(), { size2: true }), new RegExp(`^consensus-check: case\\.size2: ${WHOLE_FIX.source}`)),
  caseFile(CONSISTENCY, "a root1 of odd length", () => withFields(consistency(), { root1: `${HASH}1` }), new RegExp(`^consensus-check: case\\.root1: ${HASH_FIX.source}`)),
  caseFile(CONSISTENCY, "a root2 with non-hex digits", () => withFields(consistency(), { root2: `0x${"g".repeat(64)}` }), new RegExp(`^consensus-check: case\\.root2: ${HASH_FIX.source}`)),
  caseFile(CONSISTENCY, "a proof of 100 hashes", () => withFields(consistency(), { proof: Array(100).fill(HASH) }), /^consensus-check: case\.proof: a proof has at most 64 hashes/),
  caseFile(CONSISTENCY, "an unknown field", () => withFields(consistency(), { hash: "bitcoin" }), /^consensus-check: case: .*[Uu]nrecognized key.*"hash"/),
  caseFile(CONSISTENCY, "the third of three cases broken", () => json([consistency(), consistency(), { ...consistency(), root2: null }]), new RegExp(`^consensus-check: cases\\[2\\]\\.root2: ${HASH_FIX.source}`)),
  caseFile(CONSISTENCY, "a proof that does not hold (well-formed: exit 1)", () => withFields(consistency(), { root2: HASH }), null, 1),
  caseFile(MPT_ROOT, "no ops", "{}", /^consensus-check: case\.ops: ops must be an array of \[key, value \| null\] pairs$/),
  caseFile(MPT_ROOT, "ops that are an object", () => withFields(mptRoot(), { ops: { "0x00": "0x01" } }), /^consensus-check: case\.ops: ops must be an array of \[key, value \| null\] pairs$/),
  caseFile(MPT_ROOT, "an op of one element", () => withFields(mptRoot(), { ops: [["0x00"]] }), /^consensus-check: case\.ops\[0\]: /),
  caseFile(MPT_ROOT, "an op of three elements", () => withFields(mptRoot(), { ops: [["0x00", "0x01", "0x02"]] }), /^consensus-check: case\.ops\[0\]: /),
  caseFile(MPT_ROOT, "an op of numbers", () => withFields(mptRoot(), { ops: [[1, 2]] }), /^consensus-check: case\.ops\[0\]\[0\]: expected 0x-prefixed hex/),
  caseFile(MPT_ROOT, "an op that is a string", () => withFields(mptRoot(), { ops: ["0x00"] }), /^consensus-check: case\.ops\[0\]: an op is \["0x<key>", "0x<value>" \| null\]/),
  caseFile(MPT_ROOT, "a key of 257 bytes", () => withFields(mptRoot(), { ops: [[hex(257), "0x01"]] }), /^consensus-check: case\.ops\[0\]\[0\]: a key must be at most 256 bytes/),
  caseFile(MPT_ROOT, "a key of odd length", () => withFields(mptRoot(), { ops: [["0x123", "0x01"]] }), /^consensus-check: case\.ops\[0\]\[0\]: expected 0x-prefixed hex/),
  caseFile(MPT_ROOT, "a value with non-hex digits", () => withFields(mptRoot(), { ops: [["0x00", "0xzz"]] }), /^consensus-check: case\.ops\[0\]\[1\]: expected 0x-prefixed hex/),
  caseFile(MPT_ROOT, "a 5 MiB value of odd length", () => withFields(mptRoot(), { ops: [["0x00", `${hex(5 * MIB / 2)}f`]] }), /^consensus-check: case\.ops\[0\]\[1\]: expected 0x-prefixed hex/),
  caseFile(MPT_ROOT, 'secure "yes"', () => withFields(mptRoot(), { secure: "yes" }), /^consensus-check: case\.secure: .*expected boolean/),
  caseFile(MPT_ROOT, "an unknown field", () => withFields(mptRoot(), { hash: "keccak" }), /^consensus-check: case: .*[Uu]nrecognized key.*"hash"/),
  caseFile(MPT_ROOT, "the ops of all cases over 2^18", () => json([{ ops: Array(2 ** 17).fill(["0x00", null]) }, { ops: Array(2 ** 17 + 1).fill(["0x00", null]) }]), /^consensus-check: cases\[1\]: the cases up to here hold 262145 ops, more than the 262144 one input may hold/),
  caseFile(PROVE, "no key", () => withFields(mptProve(), { key: undefined }), /^consensus-check: case\.key: expected 0x-prefixed hex/),
  caseFile(PROVE, "a 5 MiB key", () => withFields(mptProve(), { key: hex(5 * MIB / 2) }), /^consensus-check: case\.key: a key must be at most 256 bytes/),
  caseFile(PROVE, "a key that is null", () => withFields(mptProve(), { key: null }), /^consensus-check: case\.key: expected 0x-prefixed hex/),
  caseFile(PROVE, "an unknown field", () => withFields(mptProve(), { value: "0x01" }), /^consensus-check: case: .*[Uu]nrecognized key.*"value"/),
  caseFile(PROVE, "the second case with bad ops", () => json([mptProve(), { ...mptProve(), ops: [["0x00", 5]] }]), /^consensus-check: cases\[1\]\.ops\[0\]\[1\]: expected 0x-prefixed hex/),
  caseFile(VERIFY, "no root", () => withFields(mptProof(), { root: undefined }), new RegExp(`^consensus-check: case\\.root: ${HASH_FIX.source}`)),
  caseFile(VERIFY, "a root of 31 bytes", () => withFields(mptProof(), { root: hex(31) }), new RegExp(`^consensus-check: case\\.root: ${HASH_FIX.source}`)),
  caseFile(VERIFY, "a proof that is a string", () => withFields(mptProof(), { proof: "0x00" }), /^consensus-check: case\.proof: proof must be an array of 0x-hex RLP nodes$/),
  caseFile(VERIFY, "a proof of 514 nodes", () => withFields(mptProof(), { proof: Array(514).fill("0x80") }), /^consensus-check: case\.proof: a proof has at most 513 nodes/),
  caseFile(VERIFY, "a proof node of odd length", () => withFields(mptProof(), { proof: ["0x801"] }), /^consensus-check: case\.proof\[0\]: expected 0x-prefixed hex/),
  caseFile(VERIFY, "an empty value", () => withFields(mptProof(), { value: "0x" }), /^consensus-check: case\.value: a trie holds no empty value .* use null for "expected absent"$/),
  caseFile(VERIFY, "a value that is a number", () => withFields(mptProof(), { value: 7 }), /^consensus-check: case\.value: expected 0x-prefixed hex/),
  caseFile(VERIFY, 'secure "true"', () => withFields(mptProof(), { secure: "true" }), /^consensus-check: case\.secure: .*expected boolean/),
  caseFile(VERIFY, "a 5 MiB key", () => withFields(mptProof(), { key: hex(5 * MIB / 2) }), /^consensus-check: case\.key: a key must be at most 256 bytes/),
  caseFile(VERIFY, "an unknown field", () => withFields(mptProof(), { address: "0x00" }), /^consensus-check: case: .*[Uu]nrecognized key.*"address"/),
  caseFile(VERIFY, "the fourth case broken", () => json([mptProof(), mptProof(), mptProof(), { ...mptProof(), root: "0x" }]), new RegExp(`^consensus-check: cases\\[3\\]\\.root: ${HASH_FIX.source}`)),
  caseFile(VERIFY, "a proof that does not hold (well-formed: exit 1)", () => withFields(mptProof(), { value: "0x01" }), null, 1),
];
function withLeaves(leaves: string[]): Record<string, unknown> {
  return { ...merkleRoot(), leaves };
}

// Real processes: one or more per command and file type, the huge inputs and standard input.
const realCases: Case[] = [
  { name: "no command at all", argv: [], code: 2, stderr: /missing command/ },
  { name: "a misspelled command", argv: ["simulat", MODEL], code: 2, stderr: /unknown command 'simulat'.*Did you mean simulate\?/ },
  { name: "list with a misspelled flag", argv: ["list", "--jsn"], code: 2, stderr: /unknown option '--jsn'.*Did you mean --json\?/ },
  { name: "explore: a 100,000-character model name", argv: ["explore", "x".repeat(100_000)], code: 2, stderr: /^consensus-check: unknown model "x{100}/ },
  { name: "check: an unknown model", argv: ["check", "pbft/nope", "--reports", "$DIR/r"], code: 2, stderr: /unknown model "pbft\/nope"/ },
  { name: "simulate --runs 1e3", argv: ["simulate", MODEL, "--runs", "1e3"], code: 2, stderr: COUNT_MESSAGE("--runs") },
  { name: "explore --reports that cannot be created (a hang in mkdir -p)", argv: ["explore", MODEL, "--reports", "/proc/consensus-check-reports"], code: 2, stderr: /--reports: cannot create the folder/ },
  { name: "check --checkpoint-dir that cannot be created", argv: ["check", MODEL, "--reports", "$DIR/r", "--checkpoint-dir", "/proc/x/y"], code: 2, stderr: /--checkpoint-dir: cannot create the folder/ },
  { name: "report --out a folder", argv: ["report", "$DIR/r.json", "--out", "$DIR"], files: { "r.json": json(violationResult()) }, code: 2, stderr: /--out: .* is a folder/ },
  replay("config n = 10^9", () => scheduleWithConfig({ n: 1e9 }), /schedule config n: must be at most 31 /, 2, { real: true }),
  replay("1,000,001 steps", () => json({ ...schedule(), steps: Array(1_000_001).fill({ heal: true }) }), /^consensus-check: schedule steps: a schedule has at most 1000000 steps/, 2, { real: true }),
  replay("a 5 MiB message id", () => scheduleSteps({ deliver: "x".repeat(5 * MIB) }), /schedule steps\[0\]\.deliver: a message id must be at most 1024 characters/, 2, { real: true }),
  replay("80 MiB (sparse)", { sparse: 80 * MIB }, /schedule\.json: 80 MiB is over the 64 MiB input limit/, 2, { real: true }),
  resultCase("replay", "a Result without counterexample", () => json(passResult()), /has no counterexample to replay/, 2, { real: true }),
  resultCase("report", "JSON nested 100,000 deep", () => `${"{\"a\":".repeat(100_000)}1${"}".repeat(100_000)}`, /result\.json: JSON nested deeper than 100 levels/, 2, { real: true }),
  resultCase("report", "a counterexample of 1,000,001 steps", () => resultWith({ counterexample: { ...schedule(), steps: Array(1_000_001).fill({ gst: true }) } }), /result counterexample\.steps: a schedule has at most 1000000 steps/, 2, { real: true }),
  { ...caseFile(ROOT, "a 5 MiB leaf of odd length", () => withFields(merkleRoot(), { leaves: [`${hex(5 * MIB / 2)}a`] }), /case\.leaves\[0\]: expected 0x-prefixed hex/), real: true },
  { ...caseFile(ROOT, "2^20 + 1 leaves in one case", () => json({ leaves: Array(2 ** 20 + 1).fill("0x00") }), /^consensus-check: case\.leaves: at most 1048576 leaves \(2\^20\) per input/), real: true },
  { ...caseFile(ROOT, "100,001 cases", () => `[${Array(100_001).fill('{"leaves":[]}').join(",")}]`, /cases: 100001 cases, more than the 100000/), real: true },
  { ...caseFile(INCLUSION, "the second of two cases broken", () => json([inclusion(), { ...inclusion(), proof: [hex(31)] }]), /^consensus-check: cases\[1\]\.proof\[0\]: expected a 32-byte hash/), real: true },
  { name: "merkle verify-consistency: bad JSON on standard input", argv: ["merkle", "verify-consistency", "-"], stdin: '{"size1": 1,', code: 2, stderr: /^consensus-check: standard input is not valid JSON: /, real: true },
  { ...caseFile(MPT_ROOT, "2^18 + 1 ops in one case", () => json({ ops: Array(2 ** 18 + 1).fill(["0x00", null]) }), /^consensus-check: case\.ops: at most 262144 ops \(2\^18\) per input/), real: true },
  { name: "mpt prove: empty standard input", argv: ["mpt", "prove", "-"], stdin: "", code: 2, stderr: /^consensus-check: standard input is empty; expected a JSON object or array$/, real: true },
  { name: "mpt verify-proof: a 5 MiB key on standard input", argv: ["mpt", "verify-proof", "-"], stdin: withFields(mptProof(), { key: hex(5 * MIB / 2) }), code: 2, stderr: /^consensus-check: case\.key: a key must be at most 256 bytes/, real: true },
  { name: "replay: invalid UTF-8 on standard input", argv: ["replay", "-"], stdin: Buffer.from([0x7b, 0xff, 0x7d]), code: 2, stderr: /^consensus-check: standard input is not UTF-8 text/, real: true },
  { name: "report: a Result of the wrong shape on standard input", argv: ["report", "-", "--format", "html"], stdin: "[1, 2]", code: 2, stderr: /^consensus-check: result: .*expected object, received array/, real: true },
];

// A case of the lists above that says `real` runs as a real process too (its memory would be the runner's otherwise).
const listed: Case[] = [...usage, ...modelNames, ...flagValues, ...outputPaths, ...inputFiles, ...schedules, ...results, ...caseFiles];
realCases.push(...listed.filter((testCase) => testCase.real === true));
const inProcessCases: Case[] = listed.filter((testCase) => testCase.real !== true);

describe("bad input: one line naming the field, the documented exit code, no stack trace, bounded time and memory", () => {
  it("has more than 150 cases, every name unique, standard input only in real processes", () => {
    const all = [...inProcessCases, ...realCases];
    expect(all.length).toBeGreaterThan(150);
    expect(realCases.length).toBeGreaterThanOrEqual(20);
    expect(new Set(inProcessCases.map((c) => c.name)).size).toBe(inProcessCases.length);
    expect(new Set(realCases.map((c) => c.name)).size).toBe(realCases.length);
    for (const testCase of all) if (testCase.stdin !== undefined) expect(realCases).toContain(testCase);
  });

  describe("in-process", () => {
    it.each(inProcessCases.map((testCase) => [testCase.name, testCase] as const))("%s", async (_name, testCase) => {
      await runInProcess(testCase);
    });
  });

  describe("real processes (256 MiB heap, 30 s)", () => {
    it.each(realCases.map((testCase) => [testCase.name, { ...testCase, real: true }] as const))("%s", (_name, testCase) => {
      runProcess(testCase);
    });
  });
});
