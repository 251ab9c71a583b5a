import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { explore } from "../../explorer/index.ts";
import { expectReplayFailsOnlyAtEnd } from "./explore-assertions.ts";
import { graphSystem } from "./tiny-systems.ts";

/** Reference figures by a plain BFS over the adjacency lists: distance of every reachable node. */
function distances(edges: Record<number, number[]>): Map<number, number> {
  const distance = new Map([[0, 0]]);
  const queue = [0];
  for (let head = 0; head < queue.length; head++) {
    for (const next of edges[queue[head]] ?? []) {
      if (distance.has(next)) continue;
      distance.set(next, distance.get(queue[head])! + 1);
      queue.push(next);
    }
  }
  return distance;
}

const NODES = 30;
const graphs = fc.array(fc.array(fc.nat(NODES - 1), { maxLength: 4 }), { minLength: NODES, maxLength: NODES }).map((lists) => Object.fromEntries(lists.map((targets, node) => [node, [...new Set(targets)]])));

describe("the explorer on random graphs agrees with a plain reference search", () => {
  it("BFS, DFS and fingerprint BFS reach exactly the reachable nodes and count every edge from them", async () => {
    await fc.assert(
      fc.asyncProperty(graphs, async (edges) => {
        const reachable = distances(edges);
        const edgeCount = [...reachable.keys()].reduce((sum, node) => sum + edges[node].length, 0);
        for (const options of [{}, { strategy: "dfs" as const }, { fingerprint: true }]) {
          const result = await explore(graphSystem(edges), options);
          expect(result).toMatchObject({ result: "pass", distinctStates: reachable.size, transitions: edgeCount });
        }
        const bfs = await explore(graphSystem(edges));
        expect(bfs.maxDepth).toBe(Math.max(...reachable.values()));
      }),
      { numRuns: 80 },
    );
  });

  it("BFS's counterexample to 'never reach node b' is as long as b's distance, and replays", async () => {
    await fc.assert(
      fc.asyncProperty(graphs, fc.nat(NODES - 1), async (edges, bad) => {
        const system = graphSystem(edges, { invariants: [{ name: "never b", holds: (node) => node !== bad }] });
        const result = await explore(system);
        const distance = distances(edges).get(bad);
        if (distance === undefined) {
          expect(result.result).toBe("pass");
          return;
        }
        expect(result.counterexample?.steps).toHaveLength(distance);
        expectReplayFailsOnlyAtEnd(system, result, "never b");
      }),
      { numRuns: 80 },
    );
  });
});
