import { MAX_CASES } from "../../case-file.ts";
import { MERKLE_LIMITS } from "../../commands/merkle.ts";
import { MPT_LIMITS } from "../../commands/mpt.ts";
import { INPUT_LIMIT_BYTES, describeSize } from "../../input-bytes.ts";
import { MAX_JSON_DEPTH } from "../../json-input.ts";
import { SCHEDULE_LIMITS } from "../../../spec/common/schedule.ts";
import { code, table } from "../markdown.ts";

export const INPUT_FILES_HEADING = "Input files";

/** "Input files": how every JSON input is read, and every bound an input has. */
export function inputLimitsSection(): string {
  const rows: [string, string, string][] = [
    ["one input (FILE, or standard input for `-`)", `at most ${describeSize(INPUT_LIMIT_BYTES)}`, "cli/input-bytes.ts"],
    ["its text", "UTF-8 without a byte-order mark", "cli/json-input.ts"],
    ["its JSON", `an object or an array, nested at most ${MAX_JSON_DEPTH} levels deep`, "cli/json-input.ts"],
    ["cases in one Merkle or MPT input", String(MAX_CASES), "cli/case-file.ts"],
    ["Merkle leaves of all the cases of one input", `${MERKLE_LIMITS.leaves} (2^20)`, "cli/commands/merkle.ts"],
    ["hashes in one Merkle proof", String(MERKLE_LIMITS.proofHashes), "cli/commands/merkle.ts"],
    ["MPT updates (`ops`) of all the cases of one input", `${MPT_LIMITS.ops} (2^18)`, "cli/commands/mpt.ts"],
    ["bytes of an MPT key", String(MPT_LIMITS.keyBytes), "cli/commands/mpt.ts"],
    ["nodes in one MPT proof", String(MPT_LIMITS.proofNodes), "cli/commands/mpt.ts"],
    ["steps in one Schedule", String(SCHEDULE_LIMITS.steps), "spec/common/schedule.ts"],
    ["characters of a message id, a client op, a name", `${SCHEDULE_LIMITS.messageId}, ${SCHEDULE_LIMITS.op}, ${SCHEDULE_LIMITS.name}`, "spec/common/schedule.ts"],
    ["a seed", `0 to ${SCHEDULE_LIMITS.seed} (the PRNG is seeded with 32 bits)`, "spec/common/schedule.ts"],
  ];
  return [
    `### ${INPUT_FILES_HEADING}`,
    "Every JSON input (a Schedule or a Result given to `replay` or `report`, a Merkle or MPT case file) is read from FILE, or from standard input for `-`, " +
      "and bounded before it is parsed, so that a run stays linear in its input and within a few hundred MiB whatever it is given. " +
      "A folder, a FIFO or a device given as FILE is refused without blocking on it. Whole numbers are at most 2^53 − 1, the largest a JSON number holds exactly. " +
      "Each bound is explained where it is defined.",
    table(["what", "limit", "defined in"], rows.map(([what, limit, where]) => [what, limit, code(where)])),
  ].join("\n\n");
}
