import { describe, expect, it } from "vitest";
import type { ActorView, RuntimeView } from "../../../impl/runtime/index.ts";
import {
  blockFinalized,
  chainInvariants,
  conflictingFinalizedPair,
  doubleSpend,
  finalityHistory,
  isChainNode,
  nextFinalityHistory,
  revertedFinality,
  type FinalityHistory,
} from "../../../properties/hybrid/chain-safety.ts";
import { GENESIS, makeBlock, type Block } from "../../../spec/hybrid/block.ts";
import type { ChainKnowledge } from "../../../spec/hybrid/chain.ts";

/** The chain properties every hybrid variant is held to, on hand-made views. */
const pay = (payee: string) => ({ account: "a", nonce: 0, payee });
const a1 = makeBlock({ height: 1, parent: GENESIS.digest, proposer: "V0", txs: [pay("bob")], nonce: 0 });
const a2 = makeBlock({ height: 2, parent: a1.digest, proposer: "V1", txs: [], nonce: 0 });
const b1 = makeBlock({ height: 1, parent: GENESIS.digest, proposer: "V2", txs: [pay("eve")], nonce: 0 });

function node(name: string, known: Block[], head: Block, finalized: Block, faults: { byzantine?: boolean; crashed?: boolean } = {}): ActorView {
  const blocks: Record<string, Block> = { [GENESIS.digest]: GENESIS };
  for (const block of known) blocks[block.digest] = block;
  const context: ChainKnowledge = { blocks, head: head.digest, finalized: finalized.digest };
  const byzantine = faults.byzantine === true;
  const crashed = faults.crashed === true;
  return { name, role: byzantine ? "byzantine-node" : "node", index: 0, crashed, byzantine, correct: !byzantine && !crashed, value: "running", context };
}

function viewOf(actors: ActorView[], history?: FinalityHistory): RuntimeView {
  return {
    actors,
    actor: (name) => actors.find((actor) => actor.name === name)!,
    role: (role) => actors.filter((actor) => actor.role === role),
    inFlight: () => [],
    history,
  };
}

const names = (view: RuntimeView) => chainInvariants.filter((invariant) => !invariant.holds(view)).map((invariant) => invariant.name);

describe("the hybrid chain properties", () => {
  it("hold where correct nodes finalized blocks on one chain, at different depths", () => {
    const view = viewOf([node("V0", [a1, a2], a2, a2), node("V1", [a1], a1, a1), node("V2", [], GENESIS, GENESIS)]);
    expect(names(view)).toEqual([]);
    expect(blockFinalized.holds(view)).toBe(true);
    expect(blockFinalized.holds(viewOf([node("V0", [a1], a1, GENESIS)]))).toBe(false);
  });

  it("find conflicting finalized blocks and the double spend in them, among correct nodes only", () => {
    const view = viewOf([node("V0", [a1], a1, a1), node("V1", [b1], b1, b1)]);
    expect(names(view)).toEqual(["finality safety", "DS1 no double spend"]);
    expect(conflictingFinalizedPair(view)).toEqual({ a: { node: "V0", block: a1 }, b: { node: "V1", block: b1 } });
    expect(doubleSpend(view)).toEqual([pay("bob"), pay("eve")]);
    expect(names(viewOf([node("V0", [a1], a1, a1), node("V1", [b1], b1, b1, { byzantine: true })]))).toEqual([]);
    expect(names(viewOf([node("V0", [a1], a1, a1), node("V1", [b1], b1, b1, { crashed: true })]))).toEqual([]);
  });

  it("see a finalized block that fork choice later dropped, through the ghost history", () => {
    const before = viewOf([node("V0", [a1, b1], a1, a1)]);
    const history = nextFinalityHistory(finalityHistory.initial, before);
    expect(history).toEqual({ finalized: { V0: [a1.digest] } });
    expect(nextFinalityHistory(history, before)).toBe(history);
    // V0 now heads and finalizes b1: its a1 was final once.
    const after = viewOf([node("V0", [a1, b1], b1, b1)], history);
    expect(revertedFinality(after)).toEqual({ node: "V0", reverted: a1.digest });
    // One node that finalized both a1 and b1 has finalized two conflicting blocks, too.
    expect(names(after)).toEqual(["finality safety", "fork choice never reverts a finalized block"]);
    // A head off the finalized chain is a reversion too, history or not.
    expect(revertedFinality(viewOf([node("V0", [a1, b1], b1, a1)]))).toEqual({ node: "V0", reverted: a1.digest });
  });

  it("reads any actor whose context has the chain fields, and no other", () => {
    expect(isChainNode(node("V0", [], GENESIS, GENESIS))).toBe(true);
    expect(isChainNode({ ...node("C0", [], GENESIS, GENESIS), context: { requests: [] } })).toBe(false);
    expect(isChainNode({ ...node("C0", [], GENESIS, GENESIS), context: undefined })).toBe(false);
  });
});
