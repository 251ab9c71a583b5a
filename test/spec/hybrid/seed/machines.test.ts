import { describe, expect, it } from "vitest";
import { initialTransition, transition, type AnyMachineSnapshot } from "xstate";
import { GENESIS, meetsPowTarget, signBlock } from "../../../../spec/hybrid/block.ts";
import {
  commitVote,
  failedStages,
  newBlock,
  seedByzantineMachine,
  seedNodeMachine,
  type SeedBlock,
  type SeedNodeInput,
  type Stages,
} from "../../../../spec/hybrid/seed/index.ts";

/** The events a machine emitted, as the runtime reads them. */
const emitted = (actions: readonly { type: string; params?: unknown }[]) => actions.filter((action) => action.type === "xstate.emit").map((action) => (action.params as { event: unknown }).event);

const VALIDATORS = ["N0", "N1", "N2", "N3"];
const PAYMENT = { account: "alice", nonce: 0, payee: "bob" };
const OFF: Stages = { pow: false, pos: false, bft: false };

function input(stages: Partial<Stages>, overrides: Partial<SeedNodeInput> = {}): SeedNodeInput {
  return { name: "N0", validators: VALIDATORS, quorum: 3, stages: { ...OFF, ...stages }, stake: { N0: 1, N1: 1, N2: 1, N3: 1 }, mempool: [PAYMENT], ...overrides };
}

function node(stages: Partial<Stages>, overrides: Partial<SeedNodeInput> = {}) {
  let [snapshot] = initialTransition(seedNodeMachine, input(stages, overrides));
  return {
    send(event: Parameters<typeof transition<typeof seedNodeMachine>>[2]) {
      const [next, actions] = transition(seedNodeMachine, snapshot, event);
      snapshot = next;
      return emitted(actions);
    },
    get snapshot(): AnyMachineSnapshot {
      return snapshot;
    },
  };
}

const verification = (stages: Partial<Stages>) => ({ stages: { ...OFF, ...stages }, stake: { N0: 1, N1: 1, N2: 1, N3: 1 }, validators: VALIDATORS, quorum: 3 });
const commit = (voter: string, block: SeedBlock) => ({ type: "COMMIT" as const, height: block.height, digest: block.digest, ...commitVote(voter, block.digest), from: voter });

describe("seed propose_block: each stage on or off (l. 188–209)", () => {
  it("no stage on: Block::new on the tip, returned Ok at once, appended and multicast", () => {
    const n = node({});
    const sent = n.send({ type: "PROPOSE_BLOCK" });
    const block = newBlock(GENESIS, "N0", [PAYMENT]);
    expect(n.snapshot.value).toBe("returned");
    expect(n.snapshot.context).toMatchObject({ result: "Ok", block, head: block.digest, finalized: block.digest });
    expect(sent).toEqual([{ type: "send", to: ["N1", "N2", "N3"], message: { type: "BLOCK", block } }]);
    expect(block).toMatchObject({ height: 1, parent: GENESIS.digest, proposer: "N0", nonce: 0 });
  });

  it("PoW on: the returned block is mined (its digest under the target); no signature, no certificate", () => {
    const n = node({ pow: true });
    n.send({ type: "PROPOSE_BLOCK" });
    const block = n.snapshot.context.block as SeedBlock;
    expect(meetsPowTarget(block)).toBe(true);
    expect(block.signature).toBeUndefined();
    expect(block.certificate).toBeUndefined();
    expect(failedStages(block, verification({ pow: true }))).toEqual([]);
    // Mining searched nonces 0…6: the unmined header (nonce 0, digest 9f807a…) misses the target.
    expect(block).toMatchObject({ nonce: 6, digest: "3495018aaaac" });
    expect(failedStages(newBlock(GENESIS, "N0", [PAYMENT]), verification({ pow: true }))).toEqual(["pow"]);
  });

  it("PoS on: validate signs the digest for a staker; a proposer without stake gets Err(validate) — nothing appended, nothing sent", () => {
    const staked = node({ pos: true });
    staked.send({ type: "PROPOSE_BLOCK" });
    const block = staked.snapshot.context.block as SeedBlock;
    expect(block.signature).toBe(signBlock("N0", block.digest));
    expect(failedStages(block, verification({ pos: true }))).toEqual([]);
    expect(failedStages({ ...block, signature: signBlock("N1", block.digest) }, verification({ pos: true }))).toEqual(["pos"]);

    const unstaked = node({ pow: true, pos: true }, { stake: { N0: 0, N1: 1, N2: 1, N3: 1 } });
    expect(unstaked.send({ type: "PROPOSE_BLOCK" })).toEqual([]);
    expect(unstaked.snapshot.value).toBe("failed");
    expect(unstaked.snapshot.context).toMatchObject({ result: "Err(validate)", head: GENESIS.digest, finalized: GENESIS.digest });
  });

  it("BFT on: PROPOSAL to the other validators and its own vote; 2f+1 COMMITs on the digest return it Ok with their certificate", () => {
    const n = node({ pow: true, bft: true });
    const sent = n.send({ type: "PROPOSE_BLOCK" });
    const block = n.snapshot.context.block as SeedBlock;
    expect(sent).toEqual([{ type: "send", to: ["N1", "N2", "N3"], message: { type: "PROPOSAL", block } }]);
    expect(n.snapshot.value).toBe("finalizing");
    expect(n.snapshot.context.voted).toEqual({ 1: block.digest });
    n.send(commit("N2", block));
    // A COMMIT signed by another than its sender, or counted already, changes nothing.
    n.send({ ...commit("N2", block), from: "N3" });
    n.send(commit("N2", block));
    expect(n.snapshot.context.commits.map((vote: { voter: string }) => vote.voter)).toEqual(["N0", "N2"]);
    const done = n.send(commit("N1", block));
    const returned = n.snapshot.context.block as SeedBlock;
    expect(n.snapshot.value).toBe("returned");
    expect(returned.certificate!.map((vote) => vote.voter)).toEqual(["N0", "N1", "N2"]);
    expect(done).toEqual([{ type: "send", to: ["N1", "N2", "N3"], message: { type: "BLOCK", block: returned } }]);
    expect(n.snapshot.context.finalized).toBe(block.digest);
    expect(failedStages(returned, verification({ pow: true, bft: true }))).toEqual([]);
    expect(failedStages(block, verification({ bft: true }))).toEqual(["bft"]);
  });

  it("BFT: validators that committed to another block leave fewer than 2f+1: finalize is Err, nothing appended", () => {
    const n = node({ bft: true });
    n.send({ type: "PROPOSE_BLOCK" });
    const block = n.snapshot.context.block as SeedBlock;
    const other = newBlock(GENESIS, "N1", [{ account: "alice", nonce: 0, payee: "carol" }]);
    n.send(commit("N1", other));
    expect(n.snapshot.value).toBe("finalizing");
    expect(n.send(commit("N2", other))).toEqual([]);
    expect(n.snapshot.value).toBe("failed");
    expect(n.snapshot.context).toMatchObject({ result: "Err(finalize)", against: ["N1", "N2"], finalized: GENESIS.digest });
    expect(block.digest).not.toBe(other.digest);
  });
});

describe("seed node as a validator and a chain keeper", () => {
  const first = newBlock(GENESIS, "N1", [PAYMENT]);
  const second = newBlock(GENESIS, "N2", [{ account: "alice", nonce: 0, payee: "carol" }]);

  it("COMMITs to the first block it sees at a height, and answers a later one with that same vote", () => {
    const n = node({ bft: true }, { mempool: null });
    expect(n.send({ type: "PROPOSAL", block: first, from: "N1" })).toEqual([{ type: "send", to: "N1", message: { type: "COMMIT", height: 1, digest: first.digest, voter: "N0", signature: commitVote("N0", first.digest).signature } }]);
    expect(n.send({ type: "PROPOSAL", block: second, from: "N2" })).toEqual([{ type: "send", to: "N2", message: { type: "COMMIT", height: 1, digest: first.digest, voter: "N0", signature: commitVote("N0", first.digest).signature } }]);
    // Without a mempool it never proposes.
    expect(n.snapshot.can({ type: "PROPOSE_BLOCK" })).toBe(false);
  });

  it("a proposal that fails a stage before BFT gets no vote", () => {
    const n = node({ pos: true, bft: true }, { mempool: null });
    expect(n.send({ type: "PROPOSAL", block: first, from: "N1" })).toEqual([]);
  });

  it("appends a returned block iff it extends the tip: the first block at a height stays, the second is ignored (no fork choice)", () => {
    const n = node({}, { mempool: null });
    n.send({ type: "BLOCK", block: first, from: "N1" });
    n.send({ type: "BLOCK", block: second, from: "N2" });
    expect(n.snapshot.context).toMatchObject({ head: first.digest, finalized: first.digest });
    expect(Object.keys(n.snapshot.context.blocks).sort()).toEqual([GENESIS.digest, first.digest].sort());
    const child = newBlock(first, "N2", []);
    n.send({ type: "BLOCK", block: child, from: "N2" });
    expect(n.snapshot.context.finalized).toBe(child.digest);
  });

  it("a proposer builds on the tip it has: Block::new after a received block is one height up", () => {
    const n = node({});
    n.send({ type: "BLOCK", block: first, from: "N1" });
    n.send({ type: "PROPOSE_BLOCK" });
    expect(n.snapshot.context.block).toMatchObject({ height: 2, parent: first.digest });
  });
});

describe("seed Byzantine validator", () => {
  it("COMMITs to any block it has seen, each once, to that block's proposer — both of two at one height", () => {
    let [snapshot] = initialTransition(seedByzantineMachine, { name: "N3" });
    const a = newBlock(GENESIS, "N0", [PAYMENT]);
    const b = newBlock(GENESIS, "N1", [{ account: "carol", nonce: 0, payee: "dave" }]);
    expect(snapshot.can({ type: "BYZANTINE_COMMIT", digest: a.digest })).toBe(false);
    [snapshot] = transition(seedByzantineMachine, snapshot, { type: "PROPOSAL", block: a, from: "N0" });
    [snapshot] = transition(seedByzantineMachine, snapshot, { type: "PROPOSAL", block: b, from: "N1" });
    const [afterA, actionsA] = transition(seedByzantineMachine, snapshot, { type: "BYZANTINE_COMMIT", digest: a.digest });
    expect(emitted(actionsA)).toEqual([{ type: "send", to: "N0", message: { type: "COMMIT", height: 1, digest: a.digest, voter: "N3", signature: commitVote("N3", a.digest).signature } }]);
    expect(afterA.can({ type: "BYZANTINE_COMMIT", digest: a.digest })).toBe(false);
    const [, actionsB] = transition(seedByzantineMachine, afterA, { type: "BYZANTINE_COMMIT", digest: b.digest });
    expect(emitted(actionsB)).toEqual([{ type: "send", to: "N1", message: { type: "COMMIT", height: 1, digest: b.digest, voter: "N3", signature: commitVote("N3", b.digest).signature } }]);
    expect(afterA.context).toMatchObject({ head: GENESIS.digest, finalized: GENESIS.digest, committed: [a.digest] });
  });
});
