import { resultSchema } from "../../explorer/result.ts";
import { scheduleSchema, scheduleStep } from "../../spec/common/schedule.ts";
import type { SchemaReference } from "./json-schema.ts";

/** Headings of the formats other sections link to, e.g. a Result's counterexample is a Schedule. */
export const RESULT_HEADING = "Result";
export const SCHEDULE_HEADING = "Schedule";
export const STEP_KINDS_HEADING = "Step kinds";
export const REPORTS_FOLDER_HEADING = "Reports folder";
export const CHECKPOINT_HEADING = "Checkpoint files";
export const BASELINE_HEADING = "Baseline";

/** Where one of these appears inside another format, its row links to its section. */
export const SCHEMA_REFERENCES: readonly SchemaReference[] = [
  { schema: resultSchema, heading: RESULT_HEADING },
  { schema: scheduleSchema, heading: SCHEDULE_HEADING },
  { schema: scheduleStep, heading: STEP_KINDS_HEADING },
];
