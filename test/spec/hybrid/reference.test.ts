import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { GENESIS, makeBlock, mine, type Block } from "../../../spec/hybrid/block.ts";
import { descendsFrom, isValidChain } from "../../../spec/hybrid/chain.ts";
import { hybridConfigSchema, hybridParams, mayMine, proposalKinds, stakeProposerOf } from "../../../spec/hybrid/reference/config.ts";
import { enabledStages } from "../../../spec/hybrid/weights.ts";
import { isValidBlock } from "../../../spec/hybrid/reference/node-machine.ts";
import { signBlock } from "../../../spec/hybrid/block.ts";
import { confirmedBlock, finalizedBlocks, highest, justifiedBlocks, linkStake } from "../../../spec/hybrid/reference/finality.ts";
import { forkChoice, latestTargets, type ForkChoiceInput } from "../../../spec/hybrid/reference/fork-choice.ts";
import { mayVote, nextVote, pendingPayments, type NodeContext } from "../../../spec/hybrid/reference/node-machine.ts";
import { slashableValidators, slashableVotes } from "../../../spec/hybrid/reference/slashing.ts";
import { signVote, type Vote } from "../../../spec/hybrid/reference/votes.ts";

const child = (parent: Block, proposer: string, payee = "bob"): Block => makeBlock({ height: parent.height + 1, parent: parent.digest, proposer, txs: [{ account: "alice", nonce: parent.height, payee }], nonce: 0 });
const tree = (...blocks: Block[]): Record<string, Block> => Object.fromEntries([GENESIS, ...blocks].map((block) => [block.digest, block]));
const vote = (validator: string, source: Block, target: Block): Vote => signVote({ validator, source: source.digest, sourceHeight: source.height, target: target.digest, targetHeight: target.height });

const a1 = child(GENESIS, "N0");
const a2 = child(a1, "N0");
const b1 = child(GENESIS, "N1", "eve");
const b2 = child(b1, "N1");
const b3 = child(b2, "N1");
const stakes = { V0: 1, V1: 1, V2: 1 };

const input = (blocks: Record<string, Block>, anchor: string, weights: ForkChoiceInput["weights"], votes: Vote[] = []): ForkChoiceInput => ({
  blocks,
  anchor,
  weights,
  mined: (block) => block.height > 0,
  latest: latestTargets(votes),
  stakes,
});

describe("fork choice (spec/hybrid/reference/fork-choice.ts)", () => {
  const blocks = tree(a1, a2, b1, b2, b3);
  it("α only: the most work from the anchor wins; anchored at a1, b's longer branch is not a candidate", () => {
    expect(forkChoice(input(blocks, GENESIS.digest, { alpha: 1, beta: 0, gamma: 0 }))).toBe(b3.digest);
    expect(forkChoice(input(blocks, a1.digest, { alpha: 1, beta: 0, gamma: 0 }))).toBe(a2.digest);
  });
  it("β only: attested stake beats length; ties go to the smallest digest", () => {
    const votes = [vote("V0", GENESIS, a2), vote("V1", GENESIS, a1)];
    expect(forkChoice(input(blocks, GENESIS.digest, { alpha: 0, beta: 1, gamma: 0 }, votes))).toBe(a2.digest);
    const tie = forkChoice(input(tree(a1, b1), GENESIS.digest, { alpha: 1, beta: 0, gamma: 0 }));
    expect(tie).toBe([a1.digest, b1.digest].sort()[0]);
  });
  it("never a chain that spends an (account, nonce) twice or skips a height: its valid prefix is the leaf", () => {
    // On a2 (alice's nonces 0 and 1), a block paying alice's nonce 0 again to eve: longer, and invalid.
    const respend = makeBlock({ height: 3, parent: a2.digest, proposer: "Z0", txs: [{ account: "alice", nonce: 0, payee: "eve" }], nonce: 0 });
    const skip = makeBlock({ height: 5, parent: a2.digest, proposer: "Z0", txs: [], nonce: 0 });
    for (const invalid of [respend, skip]) {
      expect(isValidChain(tree(a1, a2, invalid), invalid.digest)).toBe(false);
      expect(forkChoice(input(tree(a1, a2, invalid), GENESIS.digest, { alpha: 1, beta: 0, gamma: 0 }))).toBe(a2.digest);
    }
    expect(isValidChain(tree(a1, a2), a2.digest)).toBe(true);
    // Without the rule, the longer chain would win: the test above is about validity, not length.
    expect(forkChoice(input(tree(a1, a2, child(a2, "Z0")), GENESIS.digest, { alpha: 1, beta: 0, gamma: 0 }))).not.toBe(a2.digest);
  });
  it("pure BFT: by height, then digest", () => {
    expect(forkChoice(input(blocks, GENESIS.digest, { alpha: 0, beta: 0, gamma: 1 }))).toBe(b3.digest);
  });
  it("a validator's latest vote is its highest target", () => {
    expect(latestTargets([vote("V0", GENESIS, a1), vote("V0", a1, a2)])).toEqual({ V0: a2.digest });
  });
  it("deterministic: the same block set in any insertion order, the same head", () => {
    const pool = [a1, a2, b1, b2, b3, mine({ height: 1, parent: GENESIS.digest, proposer: "N2", txs: [] })];
    fc.assert(
      fc.property(fc.shuffledSubarray(pool), fc.constantFrom(0, 0.5, 1), (chosen, alpha) => {
        const forward = tree(...chosen);
        const backward = Object.fromEntries(Object.entries(forward).reverse());
        const weights = { alpha, beta: 1 - alpha, gamma: 0 };
        const votes = chosen.slice(0, 2).map((block, index) => vote(`V${index}`, GENESIS, block));
        expect(forkChoice(input(backward, GENESIS.digest, weights, [...votes].reverse()))).toBe(forkChoice(input(forward, GENESIS.digest, weights, votes)));
      }),
    );
  });
});

describe("slashing (Casper FFG's two conditions, stated once)", () => {
  it("double vote, surround vote, neither", () => {
    expect(slashableVotes(vote("V0", GENESIS, a1), vote("V0", GENESIS, b1))).toBe("double vote");
    expect(slashableVotes(vote("V0", GENESIS, b3), vote("V0", b1, b2))).toBe("surround vote");
    expect(slashableVotes(vote("V0", GENESIS, a1), vote("V0", a1, a2))).toBeNull();
    expect(slashableVotes(vote("V0", GENESIS, a1), vote("V1", GENESIS, b1))).toBeNull();
    expect(slashableVotes(vote("V0", GENESIS, b3), vote("V0", b1, b2), { missSurround: true })).toBeNull();
    expect(slashableVotes(vote("V0", GENESIS, a1), { ...vote("V0", GENESIS, b1), signature: "0000000000000000" })).toBeNull();
  });
  const blocks = [GENESIS, a1, a2, b1, b2, b3];
  const anyVote = fc.tuple(fc.constantFrom("V0", "V1"), fc.constantFrom(...blocks), fc.constantFrom(...blocks)).filter(([, s, t]) => s.height < t.height).map(([v, s, t]) => vote(v, s, t));
  it("symmetric: (a, b) is slashable as (b, a) is", () => {
    fc.assert(fc.property(anyVote, anyVote, (a, b) => slashableVotes(a, b) === slashableVotes(b, a)));
  });
  it("the honest vote rule (mayVote, nextVote) never signs a slashable pair, whatever the heads it moves to", () => {
    const params = hybridParams(hybridConfigSchema.parse({ weights: { alpha: 0, beta: 0, gamma: 1 }, nodes: [{ hash: 0, stake: 1 }], heights: 3 }));
    const known = tree(a1, a2, b1, b2, b3);
    // A run of heads and justified sets as the machine keeps them: justified only grows, the head descends from the highest justified.
    const run = fc.array(fc.tuple(fc.constantFrom(a1, a2, b1, b2, b3), fc.boolean()), { maxLength: 8 });
    fc.assert(
      fc.property(run, (moves) => {
        let context = { name: "N0", params, peers: [], blocks: known, head: GENESIS.digest, finalized: GENESIS.digest, signatures: {}, votes: [], justified: [GENESIS.digest], lastVote: null, proposed: [], slashed: [] } as NodeContext;
        const signed: Vote[] = [];
        for (const [head, justifyHead] of moves) {
          const anchor = highest(known, context.justified);
          if (!descendsFrom(known, head.digest, anchor)) continue;
          context = { ...context, head: head.digest };
          if (mayVote(context)) {
            const unsigned = nextVote(context);
            signed.push(signVote(unsigned));
            context = { ...context, lastVote: unsigned };
          }
          if (justifyHead) context = { ...context, justified: [...new Set([...context.justified, head.digest])].sort() };
        }
        expect([...slashableValidators(signed).keys()]).toEqual([]);
      }),
    );
  });
});

describe("finality (Casper FFG, every block a checkpoint; k confirmations)", () => {
  const blocks = tree(a1, a2, b1);
  it("a supermajority link from a justified block justifies; a link to the direct child finalizes", () => {
    const votes = [vote("V0", GENESIS, a1), vote("V1", GENESIS, a1), vote("V0", a1, a2), vote("V1", a1, a2)];
    const justified = justifiedBlocks({ blocks, votes, stakes });
    expect(justified).toEqual([GENESIS.digest, a1.digest, a2.digest].sort());
    expect(finalizedBlocks({ blocks, votes, stakes }, justified)).toEqual([GENESIS.digest, a1.digest].sort());
  });
  it("1/3 of the stake justifies nothing; a validator counts once per link (twice only under mutant m2)", () => {
    const votes = [vote("V0", GENESIS, a1), vote("V0", GENESIS, a1)];
    expect(justifiedBlocks({ blocks, votes, stakes })).toEqual([GENESIS.digest]);
    expect(linkStake({ blocks, votes, stakes }, GENESIS.digest, a1.digest)).toBe(1);
    expect(linkStake({ blocks, votes, stakes, countPerMessage: true }, GENESIS.digest, a1.digest)).toBe(2);
    // Mutant m2: V0's one vote, delivered twice, is 2/3 of the stake.
    expect(justifiedBlocks({ blocks, votes, stakes, countPerMessage: true })).toEqual([GENESIS.digest, a1.digest].sort());
  });
  it("a vote whose signed heights are not its checkpoints' counts towards no link (else conflicting blocks justify with no slashable pair)", () => {
    const mislabelled = (validator: string, source: Block, target: Block, targetHeight: number): Vote =>
      signVote({ validator, source: source.digest, sourceHeight: source.height, target: target.digest, targetHeight });
    // V0 and V1 (2/3) vote genesis → a1 truly, and genesis → b1 (height 1) signed as height 2: no double vote, no surround.
    const votes = [vote("V0", GENESIS, a1), vote("V1", GENESIS, a1), mislabelled("V0", GENESIS, b1, 2), mislabelled("V1", GENESIS, b1, 2)];
    expect([...slashableValidators(votes).keys()]).toEqual([]);
    expect(linkStake({ blocks, votes, stakes }, GENESIS.digest, b1.digest)).toBe(0);
    expect(linkStake({ blocks, votes, stakes, countPerMessage: true }, GENESIS.digest, b1.digest)).toBe(0);
    expect(justifiedBlocks({ blocks, votes, stakes })).toEqual([GENESIS.digest, a1.digest].sort());
  });
  it("a link from an unjustified source justifies nothing", () => {
    expect(justifiedBlocks({ blocks, votes: [vote("V0", a1, a2), vote("V1", a1, a2)], stakes })).toEqual([GENESIS.digest]);
  });
  it("k confirmations: the block k deep on the head's chain, only forward", () => {
    expect(confirmedBlock(blocks, a2.digest, GENESIS.digest, 1)).toBe(a1.digest);
    expect(confirmedBlock(blocks, a2.digest, GENESIS.digest, 2)).toBe(GENESIS.digest);
    expect(confirmedBlock(blocks, b1.digest, a1.digest, 1)).toBe(a1.digest);
  });
});

describe("configuration (zod, strict): an error names the field", () => {
  const base = { weights: { alpha: 1, beta: 0, gamma: 0 }, nodes: [{ hash: 1, stake: 0 }], heights: 2 };
  const issues = (config: unknown) => {
    const parsed = hybridConfigSchema.safeParse(config);
    return parsed.success ? [] : parsed.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`);
  };
  it("accepts a minimal config and fills the defaults", () => {
    expect(hybridConfigSchema.parse(base)).toMatchObject({ byzantine: [], confirmations: 1, payments: [], time: "async", ordering: "unordered", mutants: { unanchoredForkChoice: false } });
  });
  it("refuses payments that double-spend each other (a correct proposer would put both in one block: DS1 broken with no adversary)", () => {
    const payments = [{ account: "alice", nonce: 0, payee: "bob" }, { account: "alice", nonce: 0, payee: "carol" }];
    expect(issues({ ...base, payments })).toEqual(["payments.1: payments[1] spends alice's nonce 0 as payments[0] does: correct nodes' payments never conflict"]);
    expect(pendingPayments(tree(), GENESIS.digest, payments)).toHaveLength(2);
    expect(issues({ ...base, payments: [payments[0], { account: "alice", nonce: 1, payee: "carol" }] })).toEqual([]);
  });
  it("refuses a double spend that would be the payment itself (its payee already eve)", () => {
    const byzantine = [{ hash: 1, stake: 0, behaviours: ["propose-any"], budget: { proposals: 1 }, doubleSpend: true }];
    expect(issues({ ...base, byzantine, payments: [{ account: "alice", nonce: 0, payee: "eve" }] })).toEqual([
      "payments.0.payee: payments[0].payee is eve, the double spend's payee: the double spend would be the payment itself (pay someone else)",
    ]);
    expect(issues({ ...base, byzantine, payments: [{ account: "alice", nonce: 0, payee: "bob" }] })).toEqual([]);
  });
  it("refuses what cannot run", () => {
    expect(issues({ ...base, nodes: [{ hash: 0, stake: 1 }] })).toEqual(["nodes: weights.alpha > 0 needs some node with hash > 0 (no one could mine)"]);
    expect(issues({ ...base, weights: { alpha: 0, beta: 0, gamma: 1 } })).toEqual(["nodes: weights.beta > 0 or weights.gamma > 0 needs some node with stake > 0 (no one could propose or vote)"]);
    expect(issues({ ...base, weights: { alpha: 0.5, beta: 0, gamma: 0.6 } })[0]).toMatch(/^weights\.gamma: alpha \+ beta \+ gamma must be 1/);
    expect(issues({ ...base, byzantine: [{ hash: 1, stake: 0, behaviours: [], budget: { votes: 1 }, doubleSpend: true }] })).toEqual([
      "byzantine.0.doubleSpend: byzantine[].doubleSpend needs a payment to double-spend (payments is empty)",
      "byzantine.0.budget.votes: byzantine[].budget.votes > 0 needs the vote-any behaviour",
    ]);
    expect(issues({ ...base, nodes: [{ hash: -1, stake: 0 }] })).toContain("nodes.0.hash: hash must be ≥ 0");
    expect(issues({ ...base, extra: 1 })[0]).toMatch(/extra/);
  });
  it("the stake proposer: round robin in pure BFT, the slot's stake-weighted leader with β > 0, none with α alone", () => {
    const bft = hybridParams(hybridConfigSchema.parse({ weights: { alpha: 0, beta: 0, gamma: 1 }, nodes: [{ hash: 0, stake: 1 }, { hash: 0, stake: 0 }, { hash: 0, stake: 1 }], heights: 2 }));
    expect([1, 2, 3].map((height) => stakeProposerOf(bft, height))).toEqual(["N0", "N2", "N0"]);
    const pos = hybridParams(hybridConfigSchema.parse({ weights: { alpha: 0, beta: 1, gamma: 0 }, nodes: [{ hash: 0, stake: 1 }, { hash: 0, stake: 0 }], heights: 2 }));
    expect(stakeProposerOf(pos, 1)).toBe("N0");
    expect(stakeProposerOf(hybridParams(hybridConfigSchema.parse(base)), 1)).toBeNull();
  });
});

describe("a stage whose weight is 0 is off (enabledStages)", () => {
  const nodes = [{ hash: 1, stake: 1 }, { hash: 1, stake: 1 }];
  const params = (alpha: number, beta: number, gamma: number) => hybridParams(hybridConfigSchema.parse({ weights: { alpha, beta, gamma }, nodes, heights: 2 }));
  it("α = 0: no one mines, and a correct node rejects a mined block", () => {
    const off = params(0, 0.5, 0.5);
    expect(enabledStages(off.weights).pow).toBe(false);
    expect(mayMine(off, "N0")).toBe(false);
    expect(isValidBlock(off, { block: mine({ height: 1, parent: GENESIS.digest, proposer: "N0", txs: [] }), signature: "" })).toBe(false);
  });
  it("β = 0 (α > 0): no stake proposer, so a signed block is rejected; the miners alone propose", () => {
    const off = params(0.5, 0, 0.5);
    expect(stakeProposerOf(off, 1)).toBeNull();
    const block = makeBlock({ height: 1, parent: GENESIS.digest, proposer: "N0", txs: [], nonce: 0 });
    expect(isValidBlock(off, { block, signature: signBlock("N0", block.digest) })).toBe(false);
    expect(proposalKinds(off, "N0", 1)).toEqual(["pow"]);
  });
  it("γ = 0: a correct node never votes unless β > 0 (no finality votes), and finality is by confirmations", () => {
    const powOnly = params(1, 0, 0);
    const context = { name: "N0", params: powOnly, peers: [], blocks: tree(a1), head: a1.digest, finalized: GENESIS.digest, signatures: {}, votes: [], justified: [GENESIS.digest], lastVote: null, proposed: [], slashed: [] } as NodeContext;
    expect(mayVote(context)).toBe(false);
    expect(mayVote({ ...context, params: params(0.5, 0.5, 0) })).toBe(true);
  });
});
