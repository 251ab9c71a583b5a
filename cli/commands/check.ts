import type { Command } from "commander";
import { InputError } from "../../spec/common/input-error.ts";
import { documentExitCodes } from "../command-exit-codes.ts";
import { EXIT, INTERNAL_ERROR_OUTCOME, SECOND_SIGNAL_OUTCOME, badInputOutcome, outputFailedOutcome, type ExitOutcome } from "../exit-codes.ts";
import { stopOnSignals } from "../interrupt.ts";
import { oneOf, positiveInteger } from "../options.ts";
import { addRunFlags, runSetupOf, type RunFlags } from "../run-flags.ts";
import { pinnedSearchOf, runModel } from "../run-model.ts";
import { USER_MODELS_BAD_INPUT, addUserModelFlags, definitionsOf, loadUserModels, type UserModelFlags } from "../user-models.ts";
import { recordModelReport } from "../write-reports.ts";
import type { CommandRegistration } from "./index.ts";
import { summaryTable, type ModelReport } from "../../reporting/index.ts";
import { PROFILES, findModel, models, modelsOfProfile, type ModelDefinition, type Profile } from "../../models/index.ts";

interface CheckOptions extends RunFlags, UserModelFlags {
  all?: boolean;
  bundled?: boolean;
  profile?: Profile;
  reports: string;
  maxStates?: number;
}

/**
 * `check [model…] [--all]`: explore each model exhaustively (BFS, so a counterexample is a
 * shortest one), compare with its pinned expectation, record each model's report in reports/
 * as soon as it is done. Its exit codes are EXIT_CODES.
 */
const EXIT_CODES: readonly ExitOutcome[] = [
  { code: EXIT.ok, when: "every model is as expected: its verdict and figures match its pinned expectation (see `list`)" },
  { code: EXIT.unexpected, when: "a model's result differs from its expectation (the reasons go to stderr)" },
  badInputOutcome(`no model or an unknown one, ${USER_MODELS_BAD_INPUT}, model names and --all together, --profile or --bundled without --all, a bad flag value, a reports or checkpoint folder that cannot be written, a checkpoint of another run given to --resume`),
  {
    code: EXIT.incomplete,
    when: "a limit (--max-states, --time, --max-memory), an error in a model or a signal (SIGINT, SIGTERM, SIGHUP on a terminal, or npm ending after starting it) cut a run short: its partial report is written and the remaining models are skipped",
  },
  outputFailedOutcome("a report or a checkpoint"),
  INTERNAL_ERROR_OUTCOME,
  SECOND_SIGNAL_OUTCOME,
];

export const registerCheck: CommandRegistration = (program: Command, setExitCode) => {
  const command = program
    .command("check")
    .description("check models against their pinned expectations and write reports/")
    .argument("[models...]", "model names (see `list`)")
    .option("--all", "check every model of the profile (--profile): the bundled ones, or when models of yours are loaded (--models, a config file) yours")
    .option("--bundled", "with --all: the bundled models too when models of yours are loaded")
    .option(
      "--profile <profile>",
      "with --all: quick (every model but those marked full, whose exhaustive runs take minutes) or full (every model; npm start) (default: quick)",
      oneOf("--profile", PROFILES),
    )
    .option("--max-states <n>", "state limit per model (exit 3 when hit)", positiveInteger("--max-states"));
  documentExitCodes(command, EXIT_CODES);
  addUserModelFlags(command);
  addRunFlags(command, { default: "reports", description: "where to write the reports" }).action(async (names: string[], options: CheckOptions) => {
    const user = definitionsOf(await loadUserModels(options));
    const selected = selectModels("check", names, { all: options.all === true, bundled: options.bundled === true, profile: options.profile }, user);
    const setup = runSetupOf(options);
    const folder = setup.reportsFolder!;
    const stop = stopOnSignals();
    const reports: ModelReport[] = [];
    try {
      for (const model of selected) {
        if (stop.stopped) break;
        const report = await runModel(model, pinnedSearchOf(model, options.maxStates), setup, stop.signal);
        await recordModelReport(folder, report);
        reports.push(report);
      }
      // A full run also regenerates the seed audit and the 51 % analysis (loaded on demand: they pull
      // in the property suites); a run of only the user's models is no run of the bundled seed variants.
      const bundledAll = options.all === true && (user.length === 0 || options.bundled === true);
      if (bundledAll && !stop.stopped) {
        const { writeSeedAudit } = await import("../seed-audit.ts");
        await writeSeedAudit(folder, reports.map((report) => report.result));
      }
      if (bundledAll && !stop.stopped) {
        const { writeFiftyOnePercent } = await import("../fifty-one-percent.ts");
        await writeFiftyOnePercent(folder, options.profile ?? "quick", stop.signal);
      }
    } finally {
      stop.dispose();
    }
    const rows = reports.map((report) => ({ result: report.result, judgement: report.judgement! }));
    // One named model prints one Result; several (or --all) print an array, in order.
    const json = reports.map((r) => ({ ...r.result, expectation: r.judgement }));
    if (options.json) process.stdout.write(`${JSON.stringify(names.length === 1 ? (json[0] ?? null) : json, null, 2)}\n`);
    else process.stdout.write(`${summaryTable(rows)}\n\nreports written to ${folder}/\n`);
    for (const { result, judgement } of rows) {
      if (judgement.outcome === "unexpected") setExitCode(EXIT.unexpected);
      if (judgement.outcome === "incomplete") setExitCode(EXIT.incomplete);
      if (judgement.outcome !== "as-expected" && !options.json) process.stderr.write(`${result.model}: ${judgement.reasons.join("; ")}\n`);
    }
    if (reports.length < selected.length || stop.stopped) {
      setExitCode(EXIT.incomplete);
      if (reports.length < selected.length) process.stderr.write(`stopped: ${selected.length - reports.length} of ${selected.length} models not checked\n`);
    }
  });
};

export interface Selection {
  all: boolean;
  /** --bundled: with --all, the bundled models as well as the user's. */
  bundled: boolean;
  profile: Profile | undefined;
}

/**
 * Named models (bundled or the user's) whatever their profile; --all those of the profile
 * (models/profile.ts), quick unless asked. With models of the user's loaded, --all means theirs,
 * as TLC and Stateright check the user's spec in the user's project; --bundled adds ours. `audit`
 * selects as `check` does.
 */
export function selectModels(command: string, names: string[], selection: Selection, user: readonly ModelDefinition[] = []): ModelDefinition[] {
  const { all, bundled, profile } = selection;
  if (all && names.length > 0) throw new InputError(`${command}: give model names or --all, not both`);
  if (!all && profile !== undefined) throw new InputError(`${command}: --profile chooses among the models of --all; give --all with it, or name the models`);
  if (!all && bundled) throw new InputError(`${command}: --bundled adds the bundled models to those of --all; give --all with it, or name the models`);
  if (all) return modelsOfProfile(user.length === 0 ? models : bundled ? [...models, ...user] : user, profile ?? "quick");
  if (names.length === 0) throw new InputError(`${command}: name at least one model (see \`consensus-check list\`) or pass --all`);
  return names.map((name) => findModel(name, user));
}
