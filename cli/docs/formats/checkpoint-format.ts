import { checkpointHeaderSchema } from "../../../explorer/checkpoint/header.ts";
import { ALIGN, CHECKPOINT_FORMAT_VERSION, CHECKPOINT_MAGIC, PREAMBLE, sectionListSchema } from "../../../explorer/checkpoint/container.ts";
import { DEFAULT_CHECKPOINT_SECONDS } from "../../checkpoints.ts";
import { toJsonSchema } from "../json-schema.ts";
import { table } from "../markdown.ts";
import { CHECKPOINT_HEADING } from "../references.ts";
import { fieldTable } from "../schema-table.ts";

/** "Checkpoint files": when they are written and kept, the binary frame, and the JSON header. */
export function checkpointSection(): string {
  const magic = [...CHECKPOINT_MAGIC].map((byte) => byte.toString(16).padStart(2, "0").toUpperCase()).join(" ");
  const frame: [string, string, string][] = [
    ["0", String(CHECKPOINT_MAGIC.length), `magic: ${magic} (a high-bit byte, "CCK", CR LF, ^Z, LF: a text-mode transfer mangles it visibly)`],
    ["8", "4", `format version, ${CHECKPOINT_FORMAT_VERSION}; another version is refused, never misread`],
    ["12", "4", "CRC-32 (zlib's) of every byte from offset 16 to the end"],
    ["16", "8", "total length in bytes: tells a file cut short by a kill from one damaged on disk"],
    ["24", "4", "header length H"],
    [String(PREAMBLE), "H", "the header: UTF-8 JSON (below)"],
  ];
  return [
    `### ${CHECKPOINT_HEADING}`,
    `\`<reports>/.checkpoints/<model>.<strategy>.ckpt\` (or in \`--checkpoint-dir\`): the whole search state of a run, saved every \`--checkpoint-every\` seconds (${DEFAULT_CHECKPOINT_SECONDS} by default) and replaced atomically, ` +
      "so that a run killed at any moment, even with `kill -9`, leaves its last whole checkpoint. `--resume` continues from it and reaches exactly the figures, verdict and counterexample of an uninterrupted run. " +
      "A run that ends for good (pass, violation, a states or depth limit) removes its checkpoint; one stopped by a signal or its time limit keeps it. " +
      "A checkpoint of another model, config, code, strategy or space setting is refused (exit 2), naming what differs.",
    "The binary frame; integers are little-endian, and so are the sections, typed arrays as they sit in memory:",
    table(["offset", "bytes", "content"], frame),
    `Then, from the next multiple of ${ALIGN}, each section the header lists, in order: its byte length (8 bytes), its bytes, and zero padding to a multiple of ${ALIGN}, so that a reader can view it in place.`,
    fieldTable(toJsonSchema(checkpointHeaderSchema.extend({ sections: sectionListSchema.describe("Each section's name and element type, in the order they follow the header.") }))),
  ].join("\n\n");
}
