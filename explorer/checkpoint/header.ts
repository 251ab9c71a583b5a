import { z } from "zod";
import { canonicalJson } from "../../spec/common/canonical-json.ts";
import type { ExploreSettings } from "../options.ts";
import { checkerSnapshotSchema } from "../property-checker.ts";
import { readContainer } from "./container.ts";
import { parseCheckpointPart } from "./corrupt.ts";
import type { SectionReader } from "./sections.ts";

/**
 * The settings that change the explored space or the figures. A checkpoint made under other
 * ones would resume into a run that matches neither (TLC likewise refuses to recover a
 * checkpoint of another spec). Time, memory and progress settings are free to change.
 */
export const spaceSettingsSchema = z
  .object({
    maxStates: z.number().int().positive().nullable(),
    maxDepth: z.number().int().nonnegative().nullable(),
    fingerprint: z.boolean(),
    symmetry: z.boolean(),
    checkInvariants: z.boolean(),
    stopAtFirstViolation: z.boolean(),
    walks: z.number().int().positive(),
    seed: z.number().int(),
  })
  .strict();

/**
 * What a checkpoint is of: compared field by field on resume (`compatibility.ts`). Fields are
 * `.describe()`d rather than commented: docs/cli.md renders them.
 */
export const runDescriptorSchema = z.object({
  identity: z.string().nullable().describe("Opaque to the explorer: the CLI passes a hash of its code, so a checkpoint of other code is refused."),
  model: z.string().describe("The model's registry name."),
  config: z.string().describe("Canonical JSON (sorted keys) of the model's config."),
  strategy: z.enum(["bfs", "dfs", "random"]),
  settings: spaceSettingsSchema.describe("The settings that change the explored space or the figures; a resumed run must have the same."),
});
export type RunDescriptor = z.infer<typeof runDescriptorSchema>;

/** A checkpoint's JSON header (its typed-array sections follow it; see `container.ts`). */
export const checkpointHeaderSchema = runDescriptorSchema.extend({
  formatVersion: z.number().int(),
  elapsedSeconds: z.number().nonnegative().describe("Seconds the runs that led here spent exploring, so that a resumed run's `seconds` is the total."),
  savedAt: z.string().describe("When it was written (ISO 8601), for people describing a checkpoint."),
  states: z.number().int().nonnegative().describe("Distinct states stored so far."),
  counters: z.record(z.string(), z.unknown()).describe("The strategy's own counters and position, read back by the strategy."),
  checker: checkerSnapshotSchema.describe("The property checker's counts, first violation and `sometimes` discovered so far."),
  visited: z.record(z.string(), z.unknown()).describe('The visited set\'s scalars (its arrays are sections "visited.*").'),
  parents: z.record(z.string(), z.unknown()).optional().describe('BFS only: the parent log\'s scalars (arrays: "parents.*").'),
});
export type CheckpointHeader = z.infer<typeof checkpointHeaderSchema>;

export function describeRun(settings: ExploreSettings, seed: number, identity: string | undefined): RunDescriptor {
  return {
    identity: identity ?? null,
    model: settings.model,
    config: canonicalJson(settings.config),
    strategy: settings.strategy,
    settings: {
      maxStates: settings.maxStates ?? null,
      maxDepth: settings.maxDepth ?? null,
      fingerprint: settings.fingerprint,
      symmetry: settings.symmetry,
      checkInvariants: settings.checkInvariants,
      stopAtFirstViolation: settings.stopAtFirstViolation,
      walks: settings.walks,
      seed,
    },
  };
}

/** A checkpoint read and checked (magic, version, length, CRC, header shape); InputError otherwise. */
export function openCheckpoint(bytes: Uint8Array): { header: CheckpointHeader; sections: SectionReader } {
  const { header, sections } = readContainer(bytes);
  return { header: parseCheckpointPart(checkpointHeaderSchema, header, "header"), sections };
}

/** The header of a checkpoint, for tools that describe one (model, figures so far, when, by what code). */
export function readCheckpointHeader(bytes: Uint8Array): CheckpointHeader {
  return openCheckpoint(bytes).header;
}
