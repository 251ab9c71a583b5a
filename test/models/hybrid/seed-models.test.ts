import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { explore } from "../../../explorer/index.ts";
import type { ActorView, RuntimeView } from "../../../impl/runtime/index.ts";
import { seedHybridConfigSchema, verificationOf, type SeedHybridConfig } from "../../../models/hybrid/seed-hybrid-protocol.ts";
import { hybridModels } from "../../../models/hybrid/index.ts";
import { seedHybridModels } from "../../../models/hybrid/seed-models.ts";
import { models } from "../../../models/registry.ts";
import { unverifiedBlock } from "../../../properties/hybrid/seed-returned-blocks.ts";
import { GENESIS } from "../../../spec/hybrid/block.ts";
import { commitVote, mineBlock, newBlock, type SeedBlock } from "../../../spec/hybrid/seed/index.ts";

const modelNamed = (name: string) => seedHybridModels.find((model) => model.name === name)!;

describe("seed-hybrid models", () => {
  it("are registered after the reference hybrid models (which follow the Paxos models), each named in the README's model table", () => {
    const names = seedHybridModels.map((model) => model.name);
    expect(names).toEqual([
      "hybrid/seed_pow_n3",
      "hybrid/seed_pos_n3",
      "hybrid/seed_pos_n3_unstaked",
      "hybrid/seed_bft_n4",
      "hybrid/seed_bft_n4_two_payments",
      "hybrid/seed_bft_n4_byz1",
      "hybrid/seed_bft_n4_byz2",
      "hybrid/seed_pow_bft_n4",
    ]);
    const registered = models.map((model) => model.name);
    const at = registered.indexOf("hybrid/seed_pow_n3");
    expect(registered.slice(at, at + names.length)).toEqual(names);
    const reference = registered.indexOf(hybridModels[0]!.name);
    expect(registered.slice(reference, at)).toEqual(hybridModels.map((model) => model.name));
    expect(registered[reference - 1]).toMatch(/^paxos\//);
    const readme = readFileSync(new URL("../../../README.md", import.meta.url), "utf8");
    for (const name of names) expect(readme).toContain(`| \`${name}\` |`);
  });

  it("warns where the Byzantine validators exceed f", () => {
    expect(modelNamed("hybrid/seed_bft_n4_byz2").warnings!(modelNamed("hybrid/seed_bft_n4_byz2").config)).toEqual([
      "2 Byzantine validators exceed f = 1: 2f+1 certificates no longer intersect in an honest validator",
    ]);
    expect(modelNamed("hybrid/seed_bft_n4_byz1").warnings!(modelNamed("hybrid/seed_bft_n4_byz1").config)).toEqual([]);
  });
});

describe("H2: under reading (i), two weightings with the same support explore identically", () => {
  const model = modelNamed("hybrid/seed_pow_bft_n4");
  const run = (weights: SeedHybridConfig["weights"]) => {
    const config = seedHybridConfigSchema.parse({ ...model.config, weights });
    return explore(model.build(config), { model: model.name, config: config as unknown as Record<string, unknown>, strategy: "bfs", seed: 0 });
  };

  it("{α 0.5, γ 0.5} and {α 0.2, γ 0.8}: the same states, transitions, depth and shortest counterexample, step by step", async () => {
    const [even, skewed] = [await run({ alpha: 0.5, beta: 0, gamma: 0.5 }), await run({ alpha: 0.2, beta: 0, gamma: 0.8 })];
    expect([even.result, even.property, even.distinctStates, even.transitions, even.maxDepth]).toEqual(["violation", "DS1 no double spend", 4_213, 12_999, 11]);
    expect([skewed.result, skewed.property, skewed.distinctStates, skewed.transitions, skewed.maxDepth]).toEqual([even.result, even.property, even.distinctStates, even.transitions, even.maxDepth]);
    expect(skewed.counterexample!.steps).toEqual(even.counterexample!.steps);
    expect(skewed.counterexample!.steps).toHaveLength(11);
  });

  it("another support is another protocol: {γ 1} reaches as many states, but its blocks are not mined, so its trace differs", async () => {
    const [mixed, bftOnly] = [await run({ alpha: 0.5, beta: 0, gamma: 0.5 }), await run({ alpha: 0, beta: 0, gamma: 1 })];
    expect(bftOnly.distinctStates).toBe(mixed.distinctStates);
    expect(bftOnly.counterexample!.steps[1]).toEqual({ deliver: "PROPOSAL h1·N0·9f807a N0->N1", from: "N0", to: "N1" });
    expect(mixed.counterexample!.steps[1]).toEqual({ deliver: "PROPOSAL h1·N0·349501 N0->N1", from: "N0", to: "N1" });
  });
});

describe("H4: every block a correct node returned or appended verifies under every enabled stage", () => {
  const config = modelNamed("hybrid/seed_pow_bft_n4").config;
  const verification = verificationOf(config);
  const mined = mineBlock(newBlock(GENESIS, "N0", [{ account: "alice", nonce: 0, payee: "bob" }]));
  const certified = (voters: string[]): SeedBlock => ({ ...mined, certificate: voters.map((voter) => ({ voter, signature: commitVote(voter, mined.digest).signature })) });
  const actor = (name: string, block: SeedBlock, correct = true): ActorView => ({
    name,
    role: correct ? "node" : "byzantine-validator",
    index: Number(name.slice(1)),
    crashed: false,
    byzantine: !correct,
    correct,
    value: "idle",
    context: { blocks: { [GENESIS.digest]: GENESIS, [block.digest]: block }, head: block.digest, finalized: block.digest, result: null, block: null },
  });
  const view = (actors: ActorView[]): RuntimeView => ({ actors, actor: (name) => actors.find((a) => a.name === name)!, role: (role) => actors.filter((a) => a.role === role), inFlight: () => [] });

  it("a mined block with 2f+1 distinct validators' COMMITs verifies", () => {
    expect(verification).toEqual({ stages: { pow: true, pos: false, bft: true }, stake: { N0: 1, N1: 1, N2: 1, N3: 1 }, validators: ["N0", "N1", "N2", "N3"], quorum: 3 });
    expect(unverifiedBlock(view([actor("N1", certified(["N0", "N1", "N2"]))]), verification)).toBeNull();
  });

  it("fewer than 2f+1 COMMITs, one counted twice, a forged one or an unmined header: the node and the stages it fails", () => {
    expect(unverifiedBlock(view([actor("N1", certified(["N0", "N1"]))]), verification)).toMatchObject({ node: "N1", failed: ["bft"] });
    expect(unverifiedBlock(view([actor("N1", certified(["N0", "N1", "N1"]))]), verification)).toMatchObject({ failed: ["bft"] });
    const forged = certified(["N0", "N1", "N2"]);
    forged.certificate![2] = { voter: "N2", signature: commitVote("N1", mined.digest).signature };
    expect(unverifiedBlock(view([actor("N1", forged)]), verification)).toMatchObject({ failed: ["bft"] });
    const unmined = newBlock(GENESIS, "N0", [{ account: "alice", nonce: 0, payee: "bob" }]);
    expect(unverifiedBlock(view([actor("N2", { ...unmined, certificate: [] })]), verification)).toMatchObject({ node: "N2", failed: ["pow", "bft"] });
  });

  it("a Byzantine node's blocks are not a correct node's: ignored", () => {
    expect(unverifiedBlock(view([actor("N3", certified([]), false)]), verification)).toBeNull();
  });
});

describe("seed-hybrid config validation: an error names the field", () => {
  const valid = modelNamed("hybrid/seed_bft_n4_byz1").config;
  const issues = (config: unknown) => {
    const parsed = seedHybridConfigSchema.safeParse(config);
    expect(parsed.success).toBe(false);
    return parsed.error!.issues.map((issue) => [issue.path.join("."), issue.message]);
  };

  it("accepts the models' configs", () => {
    for (const model of seedHybridModels) expect(seedHybridConfigSchema.safeParse(model.config).success).toBe(true);
  });

  it("weights (H1): their sum, their sign", () => {
    expect(issues({ ...valid, weights: { alpha: 0.5, beta: 0, gamma: 0.6 } })).toEqual([["weights.gamma", "alpha + beta + gamma must be 1 (±1e-9), got 1.1: scale the weights so they sum to 1"]]);
    expect(issues({ ...valid, weights: { alpha: -0.5, beta: 0.5, gamma: 1 } })).toEqual([["weights.alpha", "alpha must be ≥ 0 (a stage is off at 0, never negative)"]]);
  });

  it("f, the stake table, proposals and Byzantine validators", () => {
    expect(issues({ ...valid, nodes: 3 })).toEqual([
      ["f", "nodes must be ≥ 3f+1 = 4, got 3"],
      ["stake", "stake must have one entry per node (3), got 4"],
      ["byzantine.0", "node 3 is not one of N0…N2"],
    ]);
    expect(issues({ ...valid, proposals: [{ node: 0, txs: [{ account: "a", nonce: 0, payee: "b" }] }, { node: 0, txs: [{ account: "a", nonce: 1, payee: "b" }] }] })).toEqual([
      ["proposals.1.node", "node 0 already proposes: one propose_block call per node"],
    ]);
    expect(issues({ ...valid, proposals: [{ node: 7, txs: [{ account: "a", nonce: 0, payee: "b" }] }] })).toEqual([["proposals.0.node", "node 7 is not one of N0…N3"]]);
    expect(issues({ ...valid, byzantine: [0] })).toEqual([["byzantine.0", "node 0 proposes: a Byzantine node here only votes"]]);
    expect(issues({ ...valid, byzantine: [3, 3] })).toEqual([["byzantine.1", "node 3 is named twice"]]);
    expect(issues({ ...valid, stake: [1, 1, 1, -1] })[0]![0]).toBe("stake.3");
  });
});
