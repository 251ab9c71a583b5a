import { defineHybridModel } from "./define-hybrid-model.ts";

const PAYMENT = { account: "alice", nonce: 0, payee: "bob" };
const TBD = { result: "pass" as const, distinctStates: 0, maxDepth: 0 };

/**
 * The reference hybrid protocol's models (ADR 0005; issue 07): pure PoW, pure PoS, pure BFT and
 * mixed weightings that pass; the attacks that must break them (≥ 1/3 Byzantine stake, ≥ 1/2
 * Byzantine hash power); mutants of bug kinds that shipped in finality gadgets and fork-choice
 * rules. Figures pinned from `consensus-check check`.
 */
export const hybridModels = [
  defineHybridModel({
    name: "hybrid/pow_k2",
    description: "Pure PoW (α = 1): one honest miner N0 and two full nodes, blocks up to height 3, one payment; a block is final two confirmations deep. One miner: with two, an exhaustive run lets them race for ever (hybrid/pow_51 shows the race lost).",
    config: { weights: { alpha: 1, beta: 0, gamma: 0 }, nodes: [{ hash: 1, stake: 0 }, { hash: 0, stake: 0 }, { hash: 0, stake: 0 }], heights: 3, confirmations: 2, payments: [PAYMENT] },
    expected: { result: "pass", distinctStates: 85, maxDepth: 9, transitions: 249, sometimes: { "a block finalized": 3 } },
  }),
  defineHybridModel({
    name: "hybrid/pos_k1",
    description: "Pure PoS (β = 1): three validators of stake 1, each height's proposer the slot's stake-weighted leader, attestations weigh in fork choice; blocks up to height 2, final one confirmation deep.",
    config: { weights: { alpha: 0, beta: 1, gamma: 0 }, nodes: [{ hash: 0, stake: 1 }, { hash: 0, stake: 1 }, { hash: 0, stake: 1 }], heights: 2, confirmations: 1, payments: [PAYMENT] },
    expected: { result: "pass", distinctStates: 8_421, maxDepth: 18, transitions: 48_701, sometimes: { "a block finalized": 3 } },
  }),
  defineHybridModel({
    name: "hybrid/bft",
    description: "Pure BFT (γ = 1): three validators of stake 1, round-robin proposers, Casper FFG finality with every block a checkpoint; blocks up to height 2.",
    config: { weights: { alpha: 0, beta: 0, gamma: 1 }, nodes: [{ hash: 0, stake: 1 }, { hash: 0, stake: 1 }, { hash: 0, stake: 1 }], heights: 2, payments: [PAYMENT] },
    expected: { result: "pass", distinctStates: 50_823, maxDepth: 18, transitions: 268_564, sometimes: { "a block finalized": 7 } },
  }),
];
