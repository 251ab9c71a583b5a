import { CLOSED_OUTPUT_NOTE } from "../closed-pipes.ts";
import { SAME_SIGNAL_MS, SIGNALS, SIGNAL_NUMBERS } from "../interrupt.ts";
import { text } from "./markdown.ts";

/** "Signals, pipes and outputs": what ends a command other than its own outcome, and how files are written. */
export function signalsSection(): string {
  const codes = SIGNALS.map((name) => `${128 + SIGNAL_NUMBERS[name]} for ${name}`).join(", ");
  return [
    "## Signals, pipes and outputs",
    `**Signals.** \`check\`, \`explore\` and \`simulate\` catch ${SIGNALS.join(", ")}: the first one stops the exploration, not the process. ` +
      'The run ends "incomplete" (`limitHit` "interrupted") with the figures it reached, its checkpoint is kept for `--resume` (unless `--no-checkpoint`), ' +
      "its reports are written, and the command exits 3 (`check` skips the models it had not started). " +
      `A second signal exits at once with 128 + its number (${codes}) and writes nothing more: every file in the reports folder is replaced by a rename, so what is there stays whole. ` +
      `Signals within ${SAME_SIGNAL_MS} ms of the first count as the same one: npm forwards the signals it receives to its child, so one Ctrl-C under \`npx\` arrives twice. ` +
      "SIGHUP is caught only while stdin is a terminal, so a run under `nohup` keeps running when the terminal goes. " +
      "If npm, having started consensus-check (`npx`, `npm start`), ends (SIGKILL to npx, a CI runner killing it), the run stops as on SIGTERM; a run started by a shell and detached from it (`setsid`, `disown`) is not stopped when the shell exits. " +
      "The other commands do not catch signals and end as the signal's default action ends them (a shell reports 128 + N); `report --out` replaces its file by a rename, so it is whole or untouched.",
    `**A closed stdout.** ${text(CLOSED_OUTPUT_NOTE)}`,
    "**Outputs.** Output paths (`--reports`, `--checkpoint-dir`, `--out`) are checked before anything runs, by creating and removing a probe file in the folder: " +
      "one that cannot be written is bad input (exit 2), not a finished exploration thrown away. " +
      "Every file is written atomically: to a temporary file in the same folder, flushed to disk, then renamed over the old one, so a reader, a crash or a `kill -9` sees the old file or the new one, never half of one " +
      "(`--out /dev/stdout`, a FIFO or a terminal get the bytes written in place). " +
      "A write that fails during the run all the same (disk full, permissions changed) prints one line naming the file and the cause, and the command exits 4.",
    "**Internal errors.** A bug in consensus-check prints one line, `consensus-check: internal error: …`, and exits 5; `CONSENSUS_CHECK_DEBUG=1` prints its stack.",
  ].join("\n\n");
}
