import { ReplayDivergence } from "../../explorer/index.ts";
import { resultSchema, type Result } from "../../explorer/result.ts";
import type { Coverage } from "../../spec/common/coverage.ts";
import { parseInput } from "../../spec/common/input-error.ts";
import { writeFileAtomic } from "../atomic-write.ts";
import { readJsonInput } from "../case-file.ts";
import { documentExitCodes } from "../command-exit-codes.ts";
import { EXIT, INTERNAL_ERROR_OUTCOME, badInputOutcome, outputFailedOutcome, type ExitOutcome } from "../exit-codes.ts";
import { oneOf } from "../options.ts";
import { prepareOutputFile } from "../output-paths.ts";
import { isPinnedSearch, traceOf } from "../run-model.ts";
import { configClaims, describeDifference } from "../schedule-claims.ts";
import { USER_MODELS_BAD_INPUT, addUserModelFlags, definitionsOf, loadUserModels, type UserModelFlags } from "../user-models.ts";
import type { CommandRegistration } from "./index.ts";
import { htmlReport, judge, junitReport, markdownReport, type ModelReport } from "../../reporting/index.ts";
import { coversOf, models, type ModelDefinition } from "../../models/index.ts";

/** A Result of a model this version does not bundle: nothing is known of what it covered. */
const UNKNOWN = ["unknown: the model is not bundled with this version"];
const UNKNOWN_COVERAGE: Coverage = { bounds: UNKNOWN, faults: UNKNOWN, budgets: UNKNOWN, time: UNKNOWN };

/**
 * A saved Result as a report: the model's description and assumptions when it is bundled, its
 * coverage and warnings for the config the counterexample actually ran with (plus one warning
 * per field where that config differs from the registered one), and the counterexample
 * replayed for the diagrams. A counterexample that no longer replays on this version is said
 * so, and drawn without states.
 */
function reportOf(result: Result, model: ModelDefinition | undefined): ModelReport {
  if (!model) return { result, description: "(model not bundled with this version)", assumptions: "unknown", covers: UNKNOWN_COVERAGE, warnings: [] };
  const claims = configClaims(model, result.counterexample?.config ?? model.config, "result counterexample config");
  const report: ModelReport = {
    result,
    description: model.description,
    assumptions: model.assumptions,
    covers: coversOf(model, claims.config),
    judgement: judge(result, model.expected, { figures: isPinnedSearch(model, result), sample: model.simulation !== undefined && isPinnedSearch(model, result) }),
    warnings: [...claims.differences.map((difference) => describeDifference(model.name, difference)), ...claims.warnings],
  };
  if (!result.counterexample) return report;
  try {
    const replayed = traceOf(model, result.counterexample);
    report.trace = replayed.steps;
    report.initialParticipants = replayed.initialParticipants;
  } catch (error) {
    if (!(error instanceof ReplayDivergence)) throw error;
    report.warnings.push(`the counterexample no longer replays on this version (${error.message}); re-run the model to get a current one`);
  }
  return report;
}

/**
 * `report <result.json> --format md|html|junit|json [--out FILE]`: render a saved Result. The
 * output path is checked before anything is rendered and the file is replaced atomically.
 */
const EXIT_CODES: readonly ExitOutcome[] = [
  { code: EXIT.ok, when: "the Result is rendered" },
  badInputOutcome(`an unreadable or invalid Result, ${USER_MODELS_BAD_INPUT}, an unknown --format, an --out folder that does not exist or cannot be written`),
  outputFailedOutcome("the --out file"),
  INTERNAL_ERROR_OUTCOME,
];

export const registerReport: CommandRegistration = (program) => {
  const command = program
    .command("report")
    .description("render a saved Result (reports/<model>.json) as Markdown, HTML, JUnit or JSON")
    .argument("<result>", "Result JSON file, or - for stdin")
    .option("--format <format>", "md, html, junit or json", oneOf("--format", ["md", "html", "junit", "json"] as const), "md")
    .option("--out <file>", "write to a file instead of stdout (replaced atomically)");
  addUserModelFlags(command).action(async (file: string, options: { format: "md" | "html" | "junit" | "json"; out?: string } & UserModelFlags) => {
      const user = definitionsOf(await loadUserModels(options));
      const out = options.out === undefined ? undefined : prepareOutputFile("--out", options.out);
      const result = parseInput(resultSchema, readJsonInput(file), "result");
      const report = reportOf(
        result,
        [...models, ...user].find((candidate) => candidate.name === result.model),
      );
      const rendered =
        options.format === "md"
          ? markdownReport(report)
          : options.format === "html"
            ? htmlReport([report], new Date().toISOString())
            : options.format === "junit"
              ? junitReport([{ result, judgement: report.judgement ?? { outcome: "as-expected", reasons: [] }, covers: report.covers }])
              : `${JSON.stringify(result, null, 2)}\n`;
      if (out !== undefined) writeFileAtomic(out, rendered);
      else process.stdout.write(rendered);
    });
  documentExitCodes(command, EXIT_CODES);
};
