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

/** What a checkpoint is of: compared field by field on resume (`compatibility.ts`). */
export const runDescriptorSchema = z.object({
  /** Opaque to the explorer: the CLI passes a hash of its code, so a checkpoint of other code is refused. */
  identity: z.string().nullable(),
  model: z.string(),
  /** Canonical JSON (sorted keys) of the model's config. */
  config: z.string(),
  strategy: z.enum(["bfs", "dfs", "random"]),
  settings: spaceSettingsSchema,
});
export type RunDescriptor = z.infer<typeof runDescriptorSchema>;

/** A checkpoint's JSON header (its typed-array sections follow it; see `container.ts`). */
export const checkpointHeaderSchema = runDescriptorSchema.extend({
  formatVersion: z.number().int(),
  /** Seconds the runs that led here spent exploring, so that a resumed run's `seconds` is the total. */
  elapsedSeconds: z.number().nonnegative(),
  /** When it was written (ISO 8601), for people describing a checkpoint. */
  savedAt: z.string(),
  /** Distinct states stored so far. */
  states: z.number().int().nonnegative(),
  /** The strategy's own counters and position, read back by the strategy. */
  counters: z.record(z.string(), z.unknown()),
  checker: checkerSnapshotSchema,
  /** The visited set's scalars (its arrays are sections "visited.*"). */
  visited: z.record(z.string(), z.unknown()),
  /** BFS only: the parent log's scalars (arrays: "parents.*"). */
  parents: z.record(z.string(), z.unknown()).optional(),
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
