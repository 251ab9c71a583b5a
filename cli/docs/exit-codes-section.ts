import { EXIT_CODE_MEANINGS } from "../exit-codes.ts";
import { code, table, text } from "./markdown.ts";

/** "Exit codes": what each code means whatever the command (the root --help's list). */
export function exitCodesSection(): string {
  return [
    "## Exit codes",
    "The same for every command, so that a CI job can gate on them. Each command's section below (and its `--help`) says which of its outcomes gives which.",
    table(["code", "meaning"], EXIT_CODE_MEANINGS.map(({ code: exit, when }) => [code(String(exit)), text(when)])),
  ].join("\n\n");
}
