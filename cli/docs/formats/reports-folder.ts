import { reportsIndexSchema, INDEX_FILE } from "../../reports-index.ts";
import { LOCK_FILE, WAIT_LIMIT_MS } from "../../reports-lock.ts";
import { fileStem } from "../../../reporting/index.ts";
import { toJsonSchema } from "../json-schema.ts";
import { code, table } from "../markdown.ts";
import { REPORTS_FOLDER_HEADING, SCHEMA_REFERENCES } from "../references.ts";
import { fieldTable } from "../schema-table.ts";

const EXAMPLE_MODEL = "bench/pbft_n4f1";

/** "Reports folder": which files a run leaves, how they are written, and index.json. */
export function reportsFolderSections(): string {
  const files: [string, string][] = [
    ["<model>.json", "the model's last Result"],
    ["<model>.md", "its report in Markdown: verdict, figures, what the check covers (bounds, faults, budgets, time), the counterexample as a sequence diagram and a step table"],
    ["<model>.schedule.json", "its counterexample as a Schedule, ready for `replay`; removed when the new Result has none"],
    [INDEX_FILE, "the last report of every model run into this folder, one entry per model (below)"],
    ["index.html", `every report of ${INDEX_FILE} on one self-contained page`],
    ["junit.xml", `one test case per model of ${INDEX_FILE}: "unexpected" fails, "incomplete" is an error`],
    ["seed-audit.md", "`check --all` only: the audit of the seed catalogue's variants"],
    ["fifty-one-percent.md", "`check --all` only: the 51 % analysis of the seed's Theorem 7.1, its seed and runs per cell stated (the quick profile fewer than the full)"],
    ["fifty-one-percent.json", "`check --all` only: the same table, machine-readable"],
    ["fifty-one-percent.svg", "`check --all` only: its plot, success against z on a log scale"],
    [".checkpoints/<model>.<strategy>.ckpt", "checkpoints of runs under way or stopped (see below); elsewhere with `--checkpoint-dir`"],
    [LOCK_FILE, "there only while a writer holds the folder"],
  ];
  return [
    `### ${REPORTS_FOLDER_HEADING}`,
    "`check` records each model's reports in `reports/` (or `--reports DIR`) as soon as the model is done; `explore` and `simulate` do so only with `--reports DIR`. " +
      `\`<model>\` is the model's name with \`/\` replaced by \`-\`: \`${EXAMPLE_MODEL}\` is written as \`${fileStem(EXAMPLE_MODEL)}.json\`.`,
    table(["file", "what it holds"], files.map(([file, what]) => [code(file), what])),
    "Every file is replaced atomically (a temporary file in the folder, flushed, then renamed), so the folder never holds half a file. " +
      `A writer holds the folder's lock, \`${LOCK_FILE}\`, a file created exclusively that holds its pid, while it writes, never during an exploration: ` +
      `two runs sharing a folder cannot interleave their updates of ${INDEX_FILE}. A lock whose process is dead is taken over, and a writer that waits more than ${WAIT_LIMIT_MS / 1000} s gives up (exit 4). ` +
      "Temporary files left by a killed writer are removed by the next one.",
    `#### reports/${INDEX_FILE}`,
    `One entry per model, each with the date of its run; \`index.html\` and \`junit.xml\` are rendered from it, so a run of one model replaces its row and leaves the other models' rows and files as they were. ` +
      `An ${INDEX_FILE} of another version, or one that does not parse, is replaced (with a warning) rather than trusted.`,
    fieldTable(toJsonSchema(reportsIndexSchema, SCHEMA_REFERENCES)),
  ].join("\n\n");
}
