import { writeFileSync } from "node:fs";
import { resultSchema, type Result } from "../../explorer/result.ts";
import { parseInput } from "../../spec/common/input-error.ts";
import { readJsonInput } from "../case-file.ts";
import { oneOf } from "../options.ts";
import { replicaCountOf, traceOf } from "../run-model.ts";
import type { CommandRegistration } from "./index.ts";
import { htmlReport, judge, junitReport, markdownReport, type ModelReport } from "../../reporting/index.ts";
import { models, type ModelDefinition } from "../../models/index.ts";

function replayedTrace(model: ModelDefinition | undefined, result: Result): Pick<ModelReport, "trace" | "initialParticipants"> {
  if (!model || !result.counterexample) return {};
  const replayed = traceOf(model, result.counterexample);
  return { trace: replayed.steps, initialParticipants: replayed.initialParticipants };
}

/** `report <result.json> --format md|html|junit|json`: render a saved Result. */
export const registerReport: CommandRegistration = (program) => {
  program
    .command("report")
    .description("render a saved Result (reports/<model>.json) as Markdown, HTML, JUnit or JSON")
    .argument("<result>", "Result JSON file, or - for stdin")
    .option("--format <format>", "md, html, junit or json", oneOf("--format", ["md", "html", "junit", "json"] as const), "md")
    .option("--out <file>", "write to a file instead of stdout")
    .action((file: string, options: { format: "md" | "html" | "junit" | "json"; out?: string }) => {
      const result = parseInput(resultSchema, readJsonInput(file), "result");
      const model = models.find((candidate) => candidate.name === result.model);
      const report: ModelReport = {
        result,
        description: model?.description ?? "(model not bundled with this version)",
        assumptions: model?.assumptions ?? "unknown",
        judgement: model ? judge(result, model.expected, { figures: (result.strategy ?? "bfs") === "bfs" && result.limitHit === undefined }) : undefined,
        warnings: model?.warnings?.(parseInput(model.configSchema, result.counterexample?.config ?? model.config, "result counterexample config")) ?? [],
        ...replayedTrace(model, result),
        replicaCount: replicaCountOf(result.counterexample?.config ?? model?.config),
      };
      const rendered =
        options.format === "md"
          ? markdownReport(report)
          : options.format === "html"
            ? htmlReport([report], new Date().toISOString())
            : options.format === "junit"
              ? junitReport([{ result, judgement: report.judgement ?? { outcome: "as-expected", reasons: [] } }])
              : `${JSON.stringify(result, null, 2)}\n`;
      if (options.out) writeFileSync(options.out, rendered);
      else process.stdout.write(rendered);
    });
};
