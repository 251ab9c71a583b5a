import { existsSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Command } from "commander";
import { InputError, parseInput } from "../../spec/common/input-error.ts";
import { writeFileAtomic } from "../atomic-write.ts";
import { resolveBase, runAtBase, type BaseCommit } from "../base-ref.ts";
import { readJsonInput } from "../case-file.ts";
import { documentExitCodes } from "../command-exit-codes.ts";
import { EXIT, INTERNAL_ERROR_OUTCOME, SIGNAL_EXIT, badInputOutcome, outputFailedOutcome, type ExitOutcome } from "../exit-codes.ts";
import { stopOnSignals } from "../interrupt.ts";
import { oneOf } from "../options.ts";
import { prepareOutputFile } from "../output-paths.ts";
import type { RunSetup } from "../run-flags.ts";
import { pinnedSearchOf, runModel } from "../run-model.ts";
import { USER_MODELS_BAD_INPUT, addUserModelFlags, definitionsOf, loadUserModels, type UserModelFlags } from "../user-models.ts";
import { selectModels } from "./check.ts";
import type { CommandRegistration } from "./index.ts";
import { BASELINE_VERSION, baselineOf, baselineSchema, baselineText, type AuditedResult, type Baseline } from "../../reporting/baseline.ts";
import { behaviourMarkdown, behaviourTable, diffBaselines, diffSummary, hasBehaviourChange } from "../../reporting/behaviour-diff.ts";
import { PROFILES, models, type Profile } from "../../models/index.ts";

interface AuditOptions extends UserModelFlags {
  all?: boolean;
  bundled?: boolean;
  profile?: Profile;
  baseline?: string;
  base?: string;
  update?: boolean;
  tolerance: number;
  markdown?: string;
  json?: boolean;
  quiet?: boolean;
}

/**
 * `audit [model…] [--all] --baseline FILE | --base REF`: re-run the models as `check` does and
 * print how their behaviour differs from a baseline (reporting/behaviour-diff.ts says what is a
 * behaviour change and what a note). Its exit codes are EXIT_CODES.
 */
const EXIT_CODES: readonly ExitOutcome[] = [
  { code: EXIT.ok, when: "no model changed behaviour (figures that moved within --tolerance, models new to the baseline or gone from it are notes); with --update: the baseline is written" },
  {
    code: EXIT.unexpected,
    when: "a model changed behaviour: its verdict or violated property, a counterexample appeared, vanished or changed length, a liveness verdict or lasso, a sometimes property reached or no longer reached, the search, or a figure (distinct states, depth, transitions, a witness's length, a liveness bound) moved by more than --tolerance",
  },
  badInputOutcome(
    `no model or an unknown one, ${USER_MODELS_BAD_INPUT}, --base with models of yours and bundled ones together, neither or both of --baseline and --base, --update without --baseline, a baseline file that is not a baseline of this version, a bad --tolerance, a --base ref that names no commit, a --markdown or --baseline path that cannot be written`,
  ),
  {
    code: EXIT.incomplete,
    when: "a signal (SIGINT, SIGTERM, SIGHUP on a terminal) stopped the audit, an error in a model cut a run short, or the base commit's CLI did not finish: the diff of the models audited so far is printed and written (--markdown), the baseline is not updated",
  },
  outputFailedOutcome("the --markdown file or the baseline"),
  INTERNAL_ERROR_OUTCOME,
  {
    code: SIGNAL_EXIT,
    when: "a second SIGINT, SIGTERM or SIGHUP: exits at once (130, 143 or 129) and writes nothing more (a file already written stays whole); the temporary worktree of --base is removed on the way out",
  },
];

/** At most 10^6 %: past a few hundred percent a tolerance means "any figure". */
const MAX_TOLERANCE = 1_000_000;
const DECIMAL = /^\s*(\d+(\.\d*)?|\.\d+)\s*%?\s*$/;

function tolerancePct(value: string): number {
  const parsed = DECIMAL.test(value) ? Number(value.replace("%", "")) : Number.NaN;
  if (!Number.isFinite(parsed) || parsed > MAX_TOLERANCE) {
    throw new InputError(`--tolerance: expected a percentage from 0 to ${MAX_TOLERANCE} (e.g. --tolerance 5 for 5%), got "${value.length > 40 ? `${value.slice(0, 39)}…` : value}"`);
  }
  return parsed;
}

export const registerAudit: CommandRegistration = (program: Command, setExitCode) => {
  const command = program
    .command("audit")
    .description("re-run models and diff their behaviour against a baseline (a file, or another commit with --base)")
    .argument("[models...]", "model names (see `list`)")
    .option("--all", "audit every model of the profile (--profile): the bundled ones, or yours when models of yours are loaded, as for check")
    .option("--bundled", "with --all: the bundled models too when models of yours are loaded")
    .option("--profile <profile>", "with --all: quick or full, as for check (default: quick)", oneOf("--profile", PROFILES))
    .option("--baseline <file>", "the baseline to compare with (e.g. reports/baseline.json); with --update, the file to write")
    .option("--base <ref>", "build the baseline from this commit of the working directory's repository instead (e.g. origin/main), in a temporary git worktree")
    .option("--update", "write the run's figures into the --baseline file (replaced atomically) instead of failing on a change")
    .option("--tolerance <pct>", "how far in percent a figure may move and be a note rather than a change", tolerancePct, 0)
    .option("--markdown <file>", "also write the diff as Markdown for a pull-request comment (replaced atomically)")
    .option("--json", "print the diff as JSON instead of the table")
    .option("--quiet", "no progress on stderr");
  documentExitCodes(command, EXIT_CODES);
  addUserModelFlags(command);
  command.action(async (names: string[], options: AuditOptions) => {
    const user = definitionsOf(await loadUserModels(options));
    const selected = selectModels("audit", names, { all: options.all === true, bundled: options.bundled === true, profile: options.profile }, user);
    // Models of yours at another commit run on this CLI (REF's copy of your files); ours on REF's own CLI.
    const yours = selected.filter((model) => user.includes(model));
    if (options.base !== undefined && yours.length > 0 && yours.length < selected.length) {
      throw new InputError(`audit: --base compares either your models (run on this CLI at the other commit) or the bundled ones (run on that commit's CLI), not both; drop --bundled or the bundled model names`);
    }
    if (options.base !== undefined && options.baseline !== undefined) throw new InputError("audit: --base builds the baseline from a commit, --baseline reads it from a file; give one of the two");
    if (options.base === undefined && options.baseline === undefined) throw new InputError("audit: give the baseline to compare with: --baseline FILE (e.g. reports/baseline.json) or --base REF (e.g. origin/main)");
    if (options.update === true && options.baseline === undefined) throw new InputError("--update: rewrites the --baseline file; give --baseline FILE with it (--base builds a baseline in memory only)");
    // Every input and output is checked before the first model runs.
    const markdownFile = options.markdown === undefined ? undefined : prepareOutputFile("--markdown", options.markdown);
    const base: BaseCommit | undefined = options.base === undefined ? undefined : resolveBase(options.base, process.cwd(), yours.length > 0 ? "user" : "tool");
    let stored: Baseline | undefined;
    if (options.baseline !== undefined) {
      if (options.update === true) prepareOutputFile("--baseline", options.baseline);
      stored = options.update === true && !existsSync(options.baseline) ? { version: BASELINE_VERSION, models: {} } : readBaseline(options.baseline);
    }

    const stop = stopOnSignals();
    const note = (line: string): void => {
      if (options.quiet !== true) process.stderr.write(`${line}\n`);
    };
    const current: AuditedResult[] = [];
    let before: AuditedResult[] | undefined;
    let failure: string | undefined;
    try {
      if (base !== undefined) {
        const userArgs = base.mode === "user" ? { models: options.models ?? [], config: options.config } : undefined;
        const run = await runAtBase(base, { names, all: options.all === true, profile: options.profile }, stop.signal, note, userArgs);
        if (run.status === "ok") before = run.results;
        else if (run.status === "failed") failure = run.message;
      }
      if (failure === undefined && !stop.stopped) {
        // No reports folder and no checkpoints: an audit compares, it leaves reports/ as `check` wrote it.
        const setup: RunSetup = { checkpoints: { resume: false, folder: join(tmpdir(), `consensus-check-audit-${process.pid}-no-checkpoints`) }, quiet: options.quiet === true };
        for (const model of selected) {
          if (stop.stopped) break;
          const report = await runModel(model, pinnedSearchOf(model, undefined), setup, stop.signal);
          // A run a signal stopped is not a behaviour: it is left out of the partial diff.
          if (report.result.limitHit === "interrupted") break;
          current.push(report.result);
        }
      }
    } finally {
      stop.dispose();
    }

    const finished = current.length === selected.length;
    const ran = new Set(current.map((result) => result.model));
    // Known to this run: the bundled models and the user's; a baseline entry of neither is gone.
    const bundled = new Set([...models, ...user].map((model) => model.name));
    const previous: Baseline = before !== undefined ? baselineOf(before) : stored!;
    // In scope: the models run, and once the run is whole, those of the baseline that were not:
    // another commit's for --base (it ran the same selection), and a file's no longer bundled.
    const whole = finished && failure === undefined && options.all === true;
    const selectedNames = new Set(selected.map((model) => model.name));
    const scoped = Object.entries(previous.models).filter(([name]) => ran.has(name) || (whole && (before !== undefined ? !selectedNames.has(name) : !bundled.has(name))));
    const diff = diffBaselines({ version: BASELINE_VERSION, models: Object.fromEntries(scoped) }, baselineOf(current), options.tolerance);
    const against = base !== undefined ? `${base.ref} (${base.commit.slice(0, 12)})` : options.baseline!;

    if (options.json) process.stdout.write(`${JSON.stringify({ baseline: against, summary: diffSummary(diff), ...diff }, null, 2)}\n`);
    else process.stdout.write(`${behaviourTable(diff)}\n`);
    if (markdownFile !== undefined) writeFileAtomic(markdownFile, behaviourMarkdown(diff, against));

    const incomplete = failure !== undefined || !finished || current.some((result) => result.result === "incomplete");
    if (failure !== undefined) process.stderr.write(`${failure}\n`);
    if (!finished) process.stderr.write(`stopped: ${selected.length - current.length} of ${selected.length} models not audited\n`);
    if (incomplete) {
      if (options.update === true) process.stderr.write(`${options.baseline}: not updated (the run is incomplete)\n`);
      setExitCode(EXIT.incomplete);
      return;
    }
    if (options.update === true) {
      // Entries of bundled models not run now are kept; with --all, those no longer bundled go.
      const kept = Object.entries(stored!.models).filter(([name]) => !ran.has(name) && (options.all !== true || bundled.has(name)));
      const updated = baselineOf(current);
      writeFileAtomic(options.baseline!, baselineText({ version: BASELINE_VERSION, models: { ...Object.fromEntries(kept), ...updated.models } }));
      note(`${options.baseline}: ${current.length} model${current.length === 1 ? "" : "s"} recorded`);
      return;
    }
    if (hasBehaviourChange(diff)) setExitCode(EXIT.unexpected);
  });
};

/** A baseline file of this version, or one line saying what is wrong with it (exit 2). */
function readBaseline(file: string): Baseline {
  const value = readJsonInput(file) as { version?: unknown };
  if (!Array.isArray(value) && value.version !== BASELINE_VERSION) {
    throw new InputError(`${file}: version ${JSON.stringify(value.version) ?? "missing"} is not a baseline of this version (${BASELINE_VERSION}); regenerate it with \`consensus-check audit --all --baseline ${file} --update\``);
  }
  return parseInput(baselineSchema, value, `${file}:`);
}
