import { defineHybridModel } from "./define-hybrid-model.ts";

const PAYMENT = { account: "alice", nonce: 0, payee: "bob" };
const REORG = {
  weights: { alpha: 0.5, beta: 0, gamma: 0.5 },
  nodes: [{ hash: 1, stake: 2 }, { hash: 0, stake: 1 }],
  byzantine: [{ hash: 1, stake: 0, behaviours: ["propose-any" as const], budget: { proposals: 2 } }],
  heights: 2,
};

/**
 * The reference hybrid protocol's models (ADR 0005; issue 07): pure PoW, pure PoS, pure BFT and
 * mixed weightings that pass; the attacks that must break them (≥ 1/3 Byzantine stake, ≥ 1/2
 * Byzantine hash power); mutants of bug kinds that shipped in finality gadgets and fork-choice
 * rules. Figures pinned from `consensus-check check`.
 */
export const hybridModels = [
  defineHybridModel({
    name: "hybrid/pow_k2",
    description: "Pure PoW (α = 1): one honest miner N0 and two full nodes, blocks up to height 3, one payment; a block is final two confirmations deep. One miner: with two, an asynchronous exhaustive run lets their race revert a final block (hybrid/pow_two_miners_async), and a withholding miner does too (hybrid/pow_51).",
    config: { weights: { alpha: 1, beta: 0, gamma: 0 }, nodes: [{ hash: 1, stake: 0 }, { hash: 0, stake: 0 }, { hash: 0, stake: 0 }], heights: 3, confirmations: 2, payments: [PAYMENT] },
    expected: { result: "pass", distinctStates: 85, maxDepth: 9, transitions: 249, sometimes: { "a block finalized": 3 } },
  }),
  // Pass, Seeman & Shelat, "Analysis of the Blockchain Protocol in Asynchronous Networks" (EUROCRYPT 2017):
  // Nakamoto's k-deep finality is probabilistic and holds only with a bound on block propagation; with
  // none, two honest miners each extend their own block unseen by the other. The probability under the
  // idealised race is the 51% analysis's (reports/fifty-one-percent.md).
  defineHybridModel({
    name: "hybrid/pow_two_miners_async",
    description: "Pure PoW (α = 1), two honest miners N0 and N1, no Byzantine node, final one confirmation deep, blocks up to height 2: under an asynchronous network (no bound on block propagation) each mines its block and the next on it before hearing the other's, and each takes its own branch as final — k-deep finality is probabilistic (Pass, Seeman & Shelat, EUROCRYPT 2017).",
    config: { weights: { alpha: 1, beta: 0, gamma: 0 }, nodes: [{ hash: 1, stake: 0 }, { hash: 1, stake: 0 }], heights: 2, confirmations: 1 },
    expected: { result: "violation", property: "finality safety", distinctStates: 25, maxDepth: 4 },
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
    expected: { result: "pass", distinctStates: 15_269, maxDepth: 18, transitions: 78_287, sometimes: { "a block finalized": 7 } },
  }),
  defineHybridModel({
    name: "hybrid/pow_bft",
    description: "α = 0.5, γ = 0.5: two miners N0 and N1 race (forks), both validators of stake 1 (a supermajority link needs both), finalize by Casper FFG; the fork choice weighs work from the latest justified block. Blocks up to height 2.",
    config: { weights: { alpha: 0.5, beta: 0, gamma: 0.5 }, nodes: [{ hash: 1, stake: 1 }, { hash: 1, stake: 1 }], heights: 2, payments: [PAYMENT] },
    expected: { result: "pass", distinctStates: 1_133, maxDepth: 12, transitions: 3_544, sometimes: { "a block finalized": 7, "a fork": 3 } },
  }),
  defineHybridModel({
    name: "hybrid/pow_pos_bft",
    description: "α = 0.4, β = 0.3, γ = 0.3: miner N0 and each slot's stake-weighted leader both propose (forks), attestations and work weigh in fork choice, FFG finalizes; validators N0 (stake 1) and N1 (stake 2), blocks up to height 2.",
    config: { weights: { alpha: 0.4, beta: 0.3, gamma: 0.3 }, nodes: [{ hash: 1, stake: 1 }, { hash: 0, stake: 2 }], heights: 2, payments: [PAYMENT] },
    expected: { result: "pass", distinctStates: 912, maxDepth: 12, transitions: 2_902, sometimes: { "a block finalized": 2, "a fork": 3 } },
  }),
  defineHybridModel({
    name: "hybrid/ffg_byzantine_supermajority",
    description: "Attack: Byzantine Z0 holds 2/3 of the stake (≥ 1/3) and the only hash power; it mines two branches (alice's payment to bob, and to eve) and votes for both: correct N0 finalizes both branches, conflicting blocks — and the report shows Z0 slashable by two of its signed votes (accountable safety holds).",
    config: {
      weights: { alpha: 0.5, beta: 0, gamma: 0.5 },
      nodes: [{ hash: 0, stake: 1 }],
      byzantine: [{ hash: 1, stake: 2, behaviours: ["propose-any", "vote-any"], budget: { proposals: 4, votes: 4 }, doubleSpend: true }],
      heights: 2,
      payments: [PAYMENT],
    },
    expected: { result: "violation", property: "finality safety", distinctStates: 26_278, maxDepth: 16 },
  }),
  // At exactly 1/3: N0, N1, Z0 of stake 1 each. Exhaustively out of reach (the shortest run is 16 steps;
  // BFS passes 630,000 states at depth 10, growing ×3.5 a level, and FIFO links are worse): a seeded simulation.
  defineHybridModel({
    name: "hybrid/ffg_byzantine_third",
    description: "Attack at exactly 1/3: correct N0 and N1 and Byzantine Z0 of stake 1 each; Z0, the only miner, mines two branches (alice's payment to bob, and to eve), each two blocks high, and signs the second vote of each of the four links: N0 finalizes one branch, N1 the other — and the report shows Z0's double votes, slashable stake 1 of 3 ≥ 1/3 (accountable safety holds). A seeded simulation (not exhaustive).",
    config: {
      weights: { alpha: 0.5, beta: 0, gamma: 0.5 },
      nodes: [{ hash: 0, stake: 1 }, { hash: 0, stake: 1 }],
      byzantine: [{ hash: 1, stake: 1, behaviours: ["propose-any", "vote-any"], budget: { proposals: 4, votes: 4 }, doubleSpend: true }],
      heights: 2,
      payments: [PAYMENT],
    },
    profile: "full",
    simulation: { walks: 2_000, maxSteps: 30, seed: 2 },
    // Of the simulation: the states its runs met (run 1,185 hits the attack in 25 steps, shrunk to 16; seed 1 needs 28,717 runs).
    expected: { result: "violation", property: "finality safety", distinctStates: 22_417, maxDepth: 16 },
  }),
  defineHybridModel({
    name: "hybrid/pow_51",
    description: "Attack (51%): Byzantine Z0 holds half the hash power, withholds a private branch carrying the double spend (alice's payment to eve) and releases it: a correct node takes it as final while N0 took the honest payment as final — conflicting k-deep finality. (Asynchronous and exhaustive, any hash share can win the race: the model shows the attack's run; its probability is properties/hybrid/double-spend.ts's.)",
    config: {
      weights: { alpha: 1, beta: 0, gamma: 0 },
      nodes: [{ hash: 1, stake: 0 }, { hash: 0, stake: 0 }],
      byzantine: [{ hash: 1, stake: 0, behaviours: ["propose-any", "withhold"], budget: { proposals: 2 }, doubleSpend: true }],
      heights: 2,
      confirmations: 1,
      payments: [PAYMENT],
    },
    expected: { result: "violation", property: "finality safety", distinctStates: 1_254, maxDepth: 8 },
  }),
  defineHybridModel({
    name: "hybrid/ffg_reorg_pass",
    description: "α = 0.5, γ = 0.5: correct miner N0 (stake 2 of 3: its own votes are a supermajority) finalizes its chain; Byzantine miner Z0 (no stake) mines up to two blocks on anything — a branch from genesis as heavy as N0's — and the fork choice, anchored at the justified block, never reverts the finalized one. Blocks up to height 2.",
    config: REORG,
    expected: { result: "pass", distinctStates: 15_654, maxDepth: 16, transitions: 69_038, sometimes: { "a block finalized": 2, "a fork": 3 } },
  }),
  defineHybridModel({
    name: "hybrid/ffg_reorg_unanchored",
    description: "Mutant m1 of hybrid/ffg_reorg_pass: the fork choice runs from genesis, not from the justified block (longest chain over finality): Z0's branch from genesis takes a correct node's head off its finalized block.",
    config: { ...REORG, mutants: { unanchoredForkChoice: true } },
    expected: { result: "violation", property: "fork choice never reverts a finalized block", distinctStates: 647, maxDepth: 6 },
  }),
  defineHybridModel({
    name: "hybrid/ffg_votes_per_message",
    description: "Mutant m2: a link's votes counted per message, not per validator. Byzantine Z0 (stake 1 of 4, below 1/3) sends one vote twice and a correct node counts it twice: a block justified without 2/3 of the stake.",
    config: {
      weights: { alpha: 0.5, beta: 0, gamma: 0.5 },
      nodes: [{ hash: 1, stake: 1 }, { hash: 0, stake: 1 }, { hash: 0, stake: 1 }],
      byzantine: [{ hash: 0, stake: 1, behaviours: ["vote-any"], budget: { votes: 2 } }],
      heights: 1,
      mutants: { countVotesPerMessage: true },
    },
    expected: { result: "violation", property: "justified by 2/3 of the stake", distinctStates: 628, maxDepth: 6 },
  }),
  defineHybridModel({
    name: "hybrid/pow_bft_revote",
    description: "Mutant m3 of hybrid/pow_bft: the vote rule checks only that its head is a new target, not its last target's height; after a reorg to the other miner's block at the same height a correct validator votes again — a double vote, and it is slashed.",
    config: { weights: { alpha: 0.5, beta: 0, gamma: 0.5 }, nodes: [{ hash: 1, stake: 1 }, { hash: 1, stake: 1 }], heights: 2, payments: [PAYMENT], mutants: { revoteAfterReorg: true } },
    expected: { result: "violation", property: "no honest slashing", distinctStates: 20, maxDepth: 3 },
  }),
  defineHybridModel({
    name: "hybrid/bft_partial_sync",
    description: "hybrid/bft under partial synchrony on FIFO links (a vote sent before a block arrives before it): after GST every message between correct nodes is delivered and proposals are taken (weak fairness); every correct node eventually finalizes a block at height ≥ 1 (chain growth and finality liveness).",
    config: { weights: { alpha: 0, beta: 0, gamma: 1 }, nodes: [{ hash: 0, stake: 1 }, { hash: 0, stake: 1 }, { hash: 0, stake: 1 }], heights: 2, payments: [PAYMENT], time: "partial-sync", ordering: "fifo" },
    expected: { result: "pass", distinctStates: 4_575, maxDepth: 19, transitions: 17_929, sometimes: { "a block finalized": 7 }, liveness: { "every correct node finalizes a block": { verdict: "holds", bound: 17 } } },
  }),
  defineHybridModel({
    name: "hybrid/ffg_surround_missed",
    description: "Mutant m4: slashing misses surround votes. Byzantine Z0 (stake 1 of 3) mines a chain to height 3 and sends a correct node a vote from genesis to height 3 and one from height 1 to height 2: the node holds the proof and records nothing.",
    config: {
      weights: { alpha: 0.5, beta: 0, gamma: 0.5 },
      nodes: [{ hash: 0, stake: 1 }, { hash: 0, stake: 1 }],
      byzantine: [{ hash: 1, stake: 1, behaviours: ["propose-any", "vote-any"], budget: { proposals: 3, votes: 2 } }],
      heights: 3,
      mutants: { missSurroundVotes: true },
    },
    expected: { result: "violation", property: "every offence seen is recorded", distinctStates: 13_292, maxDepth: 7 },
  }),
  defineHybridModel({
    name: "hybrid/bft_byzantine_fifth",
    description: "Pure BFT with a Byzantine validator below 1/3: N0 and N1 of stake 2, Z0 of stake 1 (1/5) signs up to two votes for any links (double votes among them): finality stays safe and Z0's equivocation is recorded. (N0, N1, N2, Z0 of stake 1 each: over 400,000 states.)",
    config: {
      weights: { alpha: 0, beta: 0, gamma: 1 },
      nodes: [{ hash: 0, stake: 2 }, { hash: 0, stake: 2 }],
      byzantine: [{ hash: 0, stake: 1, behaviours: ["vote-any"], budget: { votes: 2 } }],
      heights: 2,
      payments: [PAYMENT],
    },
    expected: { result: "pass", distinctStates: 4_549, maxDepth: 16, transitions: 16_715, sometimes: { "a block finalized": 7, "a validator slashed": 10 } },
  }),
];
