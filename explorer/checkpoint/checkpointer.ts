import type { CheckpointHook } from "../options.ts";
import type { ParentLog } from "../parent-log.ts";
import type { PropertyChecker } from "../property-checker.ts";
import type { LimitKind } from "../result.ts";
import type { RunMonitor } from "../run-monitor.ts";
import type { VisitedSet } from "../visited/index.ts";
import { CHECKPOINT_FORMAT_VERSION, writeContainer } from "./container.ts";
import type { CheckpointHeader, RunDescriptor } from "./header.ts";
import { scoped, type Sections } from "./sections.ts";

/** The parts of a run every strategy shares; the strategy adds its own counters and arrays. */
export interface CheckpointParts {
  visited: VisitedSet;
  /** BFS only: the other strategies record no parents. */
  parents?: ParentLog;
  checker: PropertyChecker<never>;
  monitor: RunMonitor;
  /** The system's own context (TransitionSystem.systemContext), saved with every checkpoint. */
  systemContext?: { save(): Uint8Array };
}

/**
 * Decides when a checkpoint is due and writes it. Strategies ask `due` at their poll points,
 * where their state is consistent (BFS between two parent expansions, DFS and random walks
 * between two steps), and hand `save` their counters and arrays; the visited set, parent log,
 * checker and elapsed time are added here.
 */
export class Checkpointer {
  private lastSave = performance.now();

  constructor(
    private readonly hook: CheckpointHook,
    private readonly run: RunDescriptor,
    private readonly parts: CheckpointParts,
  ) {}

  /**
   * At a poll point: the interval has passed, or the run stops here at `limit` — an abort or
   * the time limit, after which a resumed run can go on (not memory: saving allocates).
   */
  due(limit: LimitKind | undefined): boolean {
    if (limit === "interrupted" || limit === "time") return true;
    if (limit !== undefined) return false;
    return performance.now() - this.lastSave >= this.hook.everySeconds * 1000;
  }

  save(counters: Record<string, unknown>, sections: Sections): void {
    const { visited, parents, checker, monitor } = this.parts;
    const store = visited.serialize();
    const log = parents?.serialize(visited.size);
    const header: CheckpointHeader = {
      ...this.run,
      formatVersion: CHECKPOINT_FORMAT_VERSION,
      elapsedSeconds: monitor.seconds(),
      savedAt: new Date().toISOString(),
      states: visited.size,
      counters,
      checker: checker.snapshot(),
      visited: store.meta,
    };
    if (log) header.parents = log.meta;
    const system: Sections = this.parts.systemContext ? { "system.context": this.parts.systemContext.save() } : {};
    const bytes = writeContainer(header, { ...scoped("visited", store.sections), ...(log ? scoped("parents", log.sections) : {}), ...scoped("search", sections), ...system });
    this.hook.save(bytes);
    this.lastSave = performance.now();
  }
}
