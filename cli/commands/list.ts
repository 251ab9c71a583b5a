import { documentExitCodes } from "../command-exit-codes.ts";
import { EXIT, INTERNAL_ERROR_OUTCOME, badInputOutcome, type ExitOutcome } from "../exit-codes.ts";
import { USER_MODELS_BAD_INPUT, addUserModelFlags, loadUserModels, type UserModelFlags } from "../user-models.ts";
import type { CommandRegistration } from "./index.ts";
import { coverageLine, formatCount } from "../../reporting/index.ts";
import { coversOf, models, profileOf } from "../../models/index.ts";

/** `list`: every bundled model (and every model of the user's that --models or a config file loads) with its pinned expectation (the manifest), assumptions, coverage and warnings. */
const EXIT_CODES: readonly ExitOutcome[] = [
  { code: EXIT.ok, when: "the models are listed" },
  badInputOutcome(`an unknown option, ${USER_MODELS_BAD_INPUT}`),
  INTERNAL_ERROR_OUTCOME,
];

export const registerList: CommandRegistration = (program) => {
  const command = program
    .command("list")
    .description("list the bundled models (and yours, with --models) and their expected results")
    .option("--json", "machine-readable output");
  addUserModelFlags(command).action(async (options: { json?: boolean } & UserModelFlags) => {
      const user = await loadUserModels(options);
      const entries = [...models.map((model) => ({ model, file: undefined as string | undefined })), ...user];
      const rows = entries.map(({ model, file }) => ({
        model: model.name,
        // Only a user's model has a file: the module it was loaded from.
        ...(file === undefined ? {} : { file }),
        expected: model.expected.result === "violation" ? `violation (${model.expected.property})` : "pass",
        distinctStates: model.expected.distinctStates,
        maxDepth: model.expected.maxDepth,
        profile: profileOf(model),
        description: model.description,
        assumptions: model.assumptions,
        covers: coversOf(model, model.config),
        warnings: model.warnings?.(model.config) ?? [],
      }));
      if (options.json) {
        process.stdout.write(`${JSON.stringify(rows, null, 2)}\n`);
        return;
      }
      const width = Math.max(5, ...rows.map((row) => row.model.length));
      const expectedWidth = Math.max(8, ...rows.map((row) => row.expected.length));
      process.stdout.write(`${"model".padEnd(width)}  ${"expected".padEnd(expectedWidth)}  ${"states".padStart(10)}  depth  description\n`);
      for (const row of rows) {
        process.stdout.write(
          `${row.model.padEnd(width)}  ${row.expected.padEnd(expectedWidth)}  ${formatCount(row.distinctStates).padStart(10)}  ${String(row.maxDepth).padStart(5)}  ${row.description}\n`,
        );
        // What a pass covers depends on what the model assumes (timing, faults, authentication).
        process.stdout.write(`${" ".repeat(width + 2)}assumptions: ${row.assumptions}\n`);
        // A full-profile model is pinned like the others but left out of the default `check --all`.
        if (row.file !== undefined) process.stdout.write(`${" ".repeat(width + 2)}from: ${row.file}\n`);
        if (row.profile === "full") process.stdout.write(`${" ".repeat(width + 2)}profile: full (check --all --profile full, npm start, or check ${row.model}; not in npm test)\n`);
        for (const warning of row.warnings) process.stdout.write(`${" ".repeat(width + 2)}warning: ${warning}\n`);
        process.stdout.write(`${" ".repeat(width + 2)}covers: ${coverageLine(row.covers)}\n`);
      }
    });
  documentExitCodes(command, EXIT_CODES);
};
