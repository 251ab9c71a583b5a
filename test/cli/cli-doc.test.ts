import { readFileSync } from "node:fs";
import { Command } from "commander";
import { z } from "zod";
import { describe, expect, it } from "vitest";
import { documentExitCodes, exitCodesOf } from "../../cli/command-exit-codes.ts";
import { CLI_DOC_PATH, CLI_DOC_SCRIPT, renderCliDoc } from "../../cli/docs/cli-doc.ts";
import { toJsonSchema } from "../../cli/docs/json-schema.ts";
import { commandHeading, programCommands } from "../../cli/docs/program-commands.ts";
import { fieldTable } from "../../cli/docs/schema-table.ts";
import { EXIT, EXIT_CODE_MEANINGS, SIGNAL_EXIT, type ExitOutcome } from "../../cli/exit-codes.ts";
import { buildProgram } from "../../cli/program.ts";
import { runCli } from "./run-cli.ts";

const doc = readFileSync(new URL(`../../${CLI_DOC_PATH}`, import.meta.url), "utf8");
const commands = programCommands(buildProgram(() => undefined));

/** The lines from `### heading` (or `## heading`) to the next heading of that level or above. */
function sectionOf(heading: string, level = "###"): string {
  const lines = doc.split("\n");
  const start = lines.indexOf(`${level} ${heading}`);
  if (start < 0) throw new Error(`${CLI_DOC_PATH} has no section "${level} ${heading}"`);
  const end = lines.findIndex((line, index) => index > start && new RegExp(`^#{2,${level.length}} `).test(line));
  return lines.slice(start, end < 0 ? undefined : end).join("\n");
}

/** Help text and docs wrap differently: compare words. */
const words = (text: string): string => text.replace(/\s+/g, " ").trim();

describe(CLI_DOC_PATH, () => {
  it("is what the generator makes of the code now", () => {
    expect(doc, `${CLI_DOC_PATH} is stale: run ${CLI_DOC_SCRIPT}`).toBe(renderCliDoc());
  });

  it("has a section for every command, with its usage, arguments and every option", () => {
    expect(commands.map(({ path }) => commandHeading(path))).toEqual(expect.arrayContaining(["check", "explore", "simulate", "list", "replay", "report", "merkle verify-consistency", "mpt verify-proof"]));
    for (const { path, command } of commands) {
      const section = sectionOf(commandHeading(path));
      expect(section).toContain(`consensus-check ${path.join(" ")} ${command.usage()}`);
      for (const argument of command.registeredArguments) expect(section, `${path.join(" ")} <${argument.name()}>`).toContain(`| \`${argument.name()}\` |`);
      for (const option of command.options) expect(section, `${path.join(" ")} ${option.flags}`).toContain(`| \`${option.flags}\` |`);
    }
  });

  it("lists the program's own options and what every exit code means", () => {
    for (const option of buildProgram(() => undefined).options) expect(sectionOf("Running it", "##")).toContain(`| \`${option.flags}\` |`);
    const exitCodes = sectionOf("Exit codes", "##");
    for (const { code, when } of EXIT_CODE_MEANINGS) expect(exitCodes).toContain(`| \`${code}\` | ${when.replace(/_/g, "\\_")} |`);
  });

  it("gives every command that runs its exit codes, and shows each in the command's section", () => {
    for (const { path, command } of commands.filter(({ command }) => command.commands.length === 0)) {
      const outcomes = exitCodesOf(command);
      expect(outcomes, `${path.join(" ")} has no exit codes`).toBeDefined();
      const section = sectionOf(commandHeading(path));
      for (const { code } of outcomes!) expect(section, `${path.join(" ")}: exit ${code}`).toContain(`| \`${code}\` |`);
    }
  });
});

describe("--help", () => {
  it.each(commands.filter(({ command }) => exitCodesOf(command) !== undefined).map(({ path }) => [path.join(" "), path] as const))(
    "%s --help prints every exit code the command lists",
    async (_, path) => {
      const run = await runCli(...path, "--help");
      expect(run.code).toBe(0);
      const command = commands.find((candidate) => candidate.path.join(" ") === path.join(" "))!.command;
      const help = words(run.stdout);
      expect(help).toContain("Exit status:");
      for (const { code, when } of exitCodesOf(command)!) expect(help, `exit ${code}`).toContain(words(`${code} ${when}`));
    },
  );

  it("of the program says what every code means, 0 to 5 and 128+N", async () => {
    expect(EXIT_CODE_MEANINGS.map(({ code }) => code)).toEqual([...Object.values(EXIT), SIGNAL_EXIT]);
    const help = words((await runCli("--help")).stdout);
    for (const { code, when } of EXIT_CODE_MEANINGS) expect(help).toContain(words(`${code} ${when}`));
    expect(help).toContain("A closed stdout");
  });

  it("refuses an exit code the CLI does not have, or one without a description", () => {
    expect(() => documentExitCodes(new Command("x"), [{ code: 7 as ExitOutcome["code"], when: "never" }])).toThrow(/exit code 7/);
    expect(() => documentExitCodes(new Command("x"), [{ code: EXIT.ok, when: " " }])).toThrow(/no description/);
  });
});

describe("field tables from zod schemas", () => {
  const inner = z.object({ a: z.string() }).describe("the inner format");
  const table = fieldTable(
    toJsonSchema(
      z
        .object({
          count: z.number().int().min(1).max(9).describe("how many"),
          mode: z.enum(["x", "y"]).default("x"),
          name: z.string().max(4).optional(),
          pairs: z.array(z.tuple([z.string(), z.number().nullable()])).max(3),
          nested: z.object({ flag: z.boolean().describe("a flag") }),
          linked: inner.describe("used here"),
          many: z.array(inner).optional(),
        })
        .strict(),
      [{ schema: inner, heading: "Inner format" }],
    ),
  );
  const row = (field: string): string => table.split("\n").find((line) => line.startsWith(`| \`${field}\` |`)) ?? `no row ${field}`;

  it("renders each field's type, presence or default, bounds and description", () => {
    expect(row("count")).toBe("| `count` | `integer` | required | 1 to 9 | how many |");
    expect(row("mode")).toBe('| `mode` | `"x" \\| "y"` | default `"x"` |  |  |');
    expect(row("name")).toBe("| `name` | `string` | optional | ≤ 4 characters |  |");
    expect(row("pairs")).toBe("| `pairs` | `[string, number \\| null][]` | required | ≤ 3 items |  |");
    expect(table).toMatch(/No other field is accepted\.$/);
  });

  it("flattens nested objects and links formats with a section of their own", () => {
    expect(row("nested.flag")).toBe("| `nested.flag` | `boolean` | required |  | a flag |");
    expect(row("linked")).toBe("| `linked` | [Inner format](#inner-format) | required |  | used here |");
    expect(row("many")).toBe("| `many` | [Inner format](#inner-format)[] | optional |  |  |");
    expect(table).not.toContain("`linked.a`");
  });
});
