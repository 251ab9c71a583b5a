import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { ExploreOptions } from "../../explorer/index.ts";
import type { TransitionSystem } from "../../explorer/transition-system.ts";
import { expectResumesEverywhere } from "./checkpoint-assertions.ts";
import { graphSystem, reachesNode } from "./tiny-systems.ts";

const NODES = 24;
// At least one edge per node, so that most graphs reach beyond their initial nodes.
const graphs = fc.array(fc.array(fc.nat(NODES - 1), { minLength: 1, maxLength: 3 }), { minLength: NODES, maxLength: NODES }).map((lists) => Object.fromEntries(lists.map((targets, node) => [node, [...new Set(targets)]])));

/** The graph system with `decode` too, so BFS takes the arena frontier instead of replaying. */
function decodingGraph(edges: Record<number, number[]>, bad: number): TransitionSystem<number, number> {
  const system = graphSystem(edges, {
    initial: [0, 1],
    invariants: [{ name: "never bad", holds: (node) => node !== bad }],
    terminal: { name: "no dead end", holds: (node) => node % 3 !== 0 },
    // Discovered before, at or after a checkpoint, or never: a resumed run must report each alike.
    sometimes: [reachesNode((bad + 5) % NODES), reachesNode((bad + 11) % NODES), { name: "an odd node", holds: (node) => node % 2 === 1 }],
  });
  return { ...system, decode: (source, offset) => new DataView(source.buffer, source.byteOffset + offset, 4).getInt32(0, true) };
}

const variants: [string, (edges: Record<number, number[]>, bad: number) => TransitionSystem<number, number>, ExploreOptions][] = [
  ["BFS, arena frontier", decodingGraph, {}],
  ["BFS, replayed frontier, counting every violation", (edges, bad) => ({ ...decodingGraph(edges, bad), decode: undefined }), { stopAtFirstViolation: false }],
  ["BFS, fingerprints", decodingGraph, { fingerprint: true, stopAtFirstViolation: false }],
  ["BFS, depth bound", decodingGraph, { maxDepth: 3 }],
  ["DFS", decodingGraph, { strategy: "dfs", stopAtFirstViolation: false }],
  ["DFS, depth bound", decodingGraph, { strategy: "dfs", maxDepth: 3 }],
  ["random walks", decodingGraph, { strategy: "random", seed: 11, walks: 6, maxDepth: 8, stopAtFirstViolation: false }],
];

describe("on random graphs, a run resumed from any poll point reaches the figures of the uninterrupted run", () => {
  it.each(variants)("%s", async (_name, build, options) => {
    let checkpoints = 0;
    await fc.assert(
      fc.asyncProperty(graphs, fc.nat(NODES - 1), async (edges, bad) => {
        checkpoints += await expectResumesEverywhere(build(edges, bad), options);
      }),
      { numRuns: 15 },
    );
    // The graphs were not trivial: the property was checked at more than one point per graph.
    expect(checkpoints).toBeGreaterThan(15);
  });
});
