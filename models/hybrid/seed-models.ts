import type { Transaction } from "../../spec/hybrid/block.ts";
import { proposeReturned } from "../../properties/hybrid/seed-returned-blocks.ts";
import { defineRuntimeModel } from "../define-runtime-model.ts";
import type { Expectation, ModelDefinition } from "../model.ts";
import { seedHybridConfigSchema, seedHybridProtocol, type SeedHybridConfig } from "./seed-hybrid-protocol.ts";

const ASSUMPTIONS =
  "Asynchronous network (any in-flight message may be delivered next; no loss, no duplication), no crashes; authenticated messages (a Byzantine validator signs only as itself); " +
  "the seed's propose_block taken literally: any node may call it, the returned Ok(block) is final wherever it extends the tip, no fork choice, no confirmations, no slashing.";

/** A payment and its double spend (same account and nonce, another payee), in two proposers' mempools: DS1's witness. */
export const PAYMENT: Transaction = { account: "alice", nonce: 0, payee: "bob" };
export const DOUBLE_SPEND: Transaction = { account: "alice", nonce: 0, payee: "carol" };
/** Another account's payment: with PAYMENT, two proposals that conflict as blocks (one height) but not as transactions. */
export const OTHER_PAYMENT: Transaction = { account: "carol", nonce: 0, payee: "dave" };
const TWO_PROPOSERS = [
  { node: 0, txs: [PAYMENT] },
  { node: 1, txs: [DOUBLE_SPEND] },
];
/**
 * Where a model checks finality alone: the sketch checks no transaction against the chain, so
 * with the double spend in a mempool DS1 breaks under any stages, by a proposer that builds on
 * the payment's block (hybrid/seed_bft_n4), before any fork is reached.
 */
const TWO_PAYMENTS = [
  { node: 0, txs: [PAYMENT] },
  { node: 1, txs: [OTHER_PAYMENT] },
];

type SeedHybridInput = Omit<SeedHybridConfig, "byzantine" | "proposals"> & Partial<Pick<SeedHybridConfig, "byzantine" | "proposals">>;

/** A seed-hybrid model (reading (i): weights as switches); by default N0 proposes the payment and N1 its double spend. */
export function defineSeedHybridModel(
  name: string,
  description: string,
  config: SeedHybridInput,
  expected: Expectation,
  extraSometimes: ReturnType<typeof proposeReturned>[] = [],
): ModelDefinition<SeedHybridConfig> {
  return defineRuntimeModel(seedHybridProtocol, seedHybridConfigSchema, {
    name,
    description,
    assumptions: ASSUMPTIONS,
    config: { proposals: TWO_PROPOSERS, ...config },
    expected,
    extraSometimes,
    warnings: (written) => (written.byzantine.length > written.f ? [`${written.byzantine.length} Byzantine validators exceed f = ${written.f}: 2f+1 certificates no longer intersect in an honest validator`] : []),
  });
}

/**
 * The seed variant of hybrid consensus (catalogue A22–A23, seed-hybrid): `propose_block` under
 * each stage alone, a proposer without stake, BFT with honest and Byzantine validators, and a
 * mixed weighting. Figures pinned from `consensus-check check`.
 */
export const seedHybridModels: ModelDefinition<SeedHybridConfig>[] = [
  defineSeedHybridModel(
    "hybrid/seed_pow_n3",
    "The seed's propose_block with α = 1 (mine only): N0 and N1 each mine a block at height 1, one with a payment, the other with its double spend; each returned block is final where it lands, so the two nodes finalize conflicting blocks.",
    { weights: { alpha: 1, beta: 0, gamma: 0 }, nodes: 3, f: 0, stake: [1, 1, 1] },
    { result: "violation", property: "finality safety", distinctStates: 6, maxDepth: 2 },
  ),
  defineSeedHybridModel(
    "hybrid/seed_pos_n3",
    "The seed's propose_block with β = 1 (validate only): two stakers each sign a block at height 1 (payment, double spend); validate checks the proposer's stake and signs, nothing arbitrates between the two.",
    { weights: { alpha: 0, beta: 1, gamma: 0 }, nodes: 3, f: 0, stake: [1, 1, 1] },
    { result: "violation", property: "finality safety", distinctStates: 6, maxDepth: 2 },
  ),
  defineSeedHybridModel(
    "hybrid/seed_pos_n3_unstaked",
    "β = 1 with N1 holding no stake: its validate is Err and propose_block returns it (nothing appended), so only N0's block is ever final.",
    { weights: { alpha: 0, beta: 1, gamma: 0 }, nodes: 3, f: 0, stake: [1, 0, 1] },
    { result: "pass", distinctStates: 12, maxDepth: 4, transitions: 16, sometimes: { "a block finalized": 1, "propose_block returned Err(validate)": 1 } },
    [proposeReturned("Err(validate)")],
  ),
  defineSeedHybridModel(
    "hybrid/seed_bft_n4",
    "γ = 1 (finalize only), n = 4, f = 1, honest validators, the payment and its double spend in N0's and N1's mempools: no two conflicting blocks are ever final (H5), but the sketch checks no transaction against the chain, so N1 builds the double spend on top of the payment's block and both are final (DS1).",
    { weights: { alpha: 0, beta: 0, gamma: 1 }, nodes: 4, f: 1, stake: [1, 1, 1, 1] },
    { result: "violation", property: "DS1 no double spend", distinctStates: 4_213, maxDepth: 11 },
  ),
  defineSeedHybridModel(
    "hybrid/seed_bft_n4_two_payments",
    "γ = 1, n = 4, f = 1, honest validators, N0 and N1 propose two different payments at height 1: each validator COMMITs to the first it sees, so at most one gets a 2f+1 certificate (H5) and the other's finalize is Err.",
    { weights: { alpha: 0, beta: 0, gamma: 1 }, nodes: 4, f: 1, stake: [1, 1, 1, 1], proposals: TWO_PAYMENTS },
    { result: "pass", distinctStates: 11_458, maxDepth: 18, transitions: 39_858, sometimes: { "a block finalized": 5, "propose_block returned Err(finalize)": 5 } },
    [proposeReturned("Err(finalize)")],
  ),
  defineSeedHybridModel(
    "hybrid/seed_bft_n4_byz1",
    "seed_bft_n4_two_payments with N3 a Byzantine validator that may COMMIT to both blocks: two certificates of 3 would need two honest validators in each, of N0…N2 — still safe.",
    { weights: { alpha: 0, beta: 0, gamma: 1 }, nodes: 4, f: 1, stake: [1, 1, 1, 1], proposals: TWO_PAYMENTS, byzantine: [3] },
    { result: "pass", distinctStates: 8_165, maxDepth: 18, transitions: 28_976, sometimes: { "a block finalized": 5, "propose_block returned Err(finalize)": 5 } },
    [proposeReturned("Err(finalize)")],
  ),
  defineSeedHybridModel(
    "hybrid/seed_bft_n4_byz2",
    "seed_bft_n4_two_payments with N2 and N3 Byzantine (2 ≥ n/3, beyond f = 1): both COMMIT to both blocks, each proposer's own vote completes a certificate of 3, and two conflicting blocks are final.",
    { weights: { alpha: 0, beta: 0, gamma: 1 }, nodes: 4, f: 1, stake: [1, 1, 1, 1], proposals: TWO_PAYMENTS, byzantine: [2, 3] },
    { result: "violation", property: "finality safety", distinctStates: 6_203, maxDepth: 14 },
  ),
  defineSeedHybridModel(
    "hybrid/seed_pow_bft_n4",
    "α = γ = 0.5 (mine, then finalize), n = 4, f = 1, honest validators, the payment and its double spend: the certificate makes the mined blocks' finality safe, and the double spend is final all the same (as in seed_bft_n4: the weights' support, not their values, decides).",
    { weights: { alpha: 0.5, beta: 0, gamma: 0.5 }, nodes: 4, f: 1, stake: [1, 1, 1, 1] },
    { result: "violation", property: "DS1 no double spend", distinctStates: 4_213, maxDepth: 11 },
  ),
];


