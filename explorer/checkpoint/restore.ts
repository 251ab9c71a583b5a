import type { ExploreSettings } from "../options.ts";
import { ParentLog } from "../parent-log.ts";
import { ExactStateStore, FingerprintStore, type VisitedSet } from "../visited/index.ts";
import { corruptCheckpoint } from "./corrupt.ts";
import type { CheckpointHeader } from "./header.ts";
import type { SectionReader } from "./sections.ts";

/** What a strategy resumes from: its own counters (from the header) and arrays ("search.*"). */
export interface SearchResume {
  counters: Record<string, unknown>;
  sections: SectionReader;
}

/** The shared parts of a checkpoint rebuilt (its header was already found compatible with the run). */
export function restoreParts(header: CheckpointHeader, sections: SectionReader, settings: ExploreSettings): { visited: VisitedSet; parents: ParentLog; search: SearchResume } {
  const visitedSections = sections.scope("visited");
  const visited = settings.fingerprint ? FingerprintStore.deserialize(header.visited, visitedSections) : ExactStateStore.deserialize(header.visited, visitedSections);
  if (visited.size !== header.states) throw corruptCheckpoint(`visited: ${visited.size} states, the header says ${header.states}`);
  let parents = new ParentLog();
  if (settings.strategy === "bfs") {
    if (header.parents === undefined) throw corruptCheckpoint("parents: missing from a BFS checkpoint");
    parents = ParentLog.deserialize(header.parents, sections.scope("parents"));
  }
  return { visited, parents, search: { counters: header.counters, sections: sections.scope("search") } };
}
