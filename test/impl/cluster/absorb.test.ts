import { describe, expect, it } from "vitest";
import { isIgnoredForever } from "../../../impl/cluster/absorb.ts";
import { randomRun } from "../../../impl/cluster/index.ts";
import type { Envelope } from "../../../impl/network/envelope.ts";
import { seededPrng } from "../../../explorer/prng.ts";
import { cluster } from "../../support/cluster-fixtures.ts";

/**
 * The cluster discards a message as soon as `isIgnoredForever` says the receiver will never act
 * on it. That rule restates the replica's and client's guards, so this suite checks it against
 * the machines themselves: in every state of seeded random runs, delivering any message the
 * rule calls ignored leaves every machine exactly as it was and sends nothing.
 */
const SEED = 20_261_123;

function checkAbsorption(target: ReturnType<typeof cluster>, runs: number): number {
  const random = seededPrng(SEED);
  let checked = 0;
  for (let run = 0; run < runs; run++) {
    const { states } = randomRun(target, random, 200);
    const seen = new Map<string, Envelope>();
    for (const state of states) for (const inFlight of state.network) seen.set(inFlight.id, inFlight.envelope);
    for (const state of states) {
      for (const envelope of seen.values()) {
        if (!isIgnoredForever(state, envelope)) continue;
        const after = target.receive(state, envelope);
        expect(after.replicas.map((replica) => replica?.key)).toEqual(state.replicas.map((replica) => replica?.key));
        expect(after.clients.map((client) => client.key)).toEqual(state.clients.map((client) => client.key));
        expect(after.network).toEqual(state.network);
        checked++;
      }
    }
  }
  return checked;
}

describe(`absorbed messages change nothing (seeded random runs, seed ${SEED})`, () => {
  it("under a Byzantine backup voting for any digest, forging checkpoints and replies and replaying messages, with 2 requests and checkpoints", () => {
    const target = cluster({ clients: 2, requests: 2, checkpointInterval: 1, window: 1, byzantine: [{ replica: 3, behaviours: ["conflicting-votes", "forge-checkpoint", "forge-reply", "replay"] }], adversarySlots: 2 });
    expect(checkAbsorption(target, 20)).toBeGreaterThan(1000);
  });

  it("under an equivocating primary", () => {
    const target = cluster({ clients: 2, requests: 1, window: 2, byzantine: [{ replica: 0, behaviours: ["equivocate", "bad-digest", "conflicting-votes"] }], checkTermination: false });
    expect(checkAbsorption(target, 20)).toBeGreaterThan(100);
  });
});
