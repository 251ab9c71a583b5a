import { BASELINE_HEADING, CHECKPOINT_HEADING, REPORTS_FOLDER_HEADING, RESULT_HEADING, SCHEDULE_HEADING } from "./references.ts";
import { MERKLE_CASE_FORMATS, MPT_CASE_FORMATS, caseFormatHeading } from "./formats/case-formats.ts";

const RUN_FORMATS = [RESULT_HEADING, REPORTS_FOLDER_HEADING, CHECKPOINT_HEADING];

/** The formats each command reads or writes, by command heading ("merkle root"): its section links to them. */
export const COMMAND_FORMATS: ReadonlyMap<string, readonly string[]> = new Map<string, readonly string[]>([
  ["check", RUN_FORMATS],
  ["explore", RUN_FORMATS],
  ["simulate", RUN_FORMATS],
  ["replay", [SCHEDULE_HEADING, RESULT_HEADING]],
  ["report", [RESULT_HEADING]],
  ["audit", [BASELINE_HEADING, RESULT_HEADING]],
  ...[...MERKLE_CASE_FORMATS, ...MPT_CASE_FORMATS].map(({ command }): [string, string[]] => [command, [caseFormatHeading(command)]]),
]);
