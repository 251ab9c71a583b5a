export { Checkpointer, type CheckpointParts } from "./checkpointer.ts";
export { CHECKPOINT_FORMAT_VERSION, CHECKPOINT_MAGIC } from "./container.ts";
export { checkpointHeaderSchema, describeRun, openCheckpoint, readCheckpointHeader, type CheckpointHeader, type RunDescriptor } from "./header.ts";
export { assertResumable } from "./compatibility.ts";
export { restoreParts, type SearchResume } from "./restore.ts";
export { parseCheckpointPart, corruptCheckpoint } from "./corrupt.ts";
export { SectionReader, type SectionArray, type Sections, type PartSnapshot } from "./sections.ts";
