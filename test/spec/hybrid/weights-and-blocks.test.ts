import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { GENESIS, POW_TARGET, blockDigest, blockLabel, conflicts, makeBlock, meetsPowTarget, mine, signatureOf, transactionId } from "../../../spec/hybrid/block.ts";
import { ancestry, descendsFrom, finalizedChain, initialChainKnowledge } from "../../../spec/hybrid/chain.ts";
import { enabledStages, weightsSchema } from "../../../spec/hybrid/weights.ts";

/** Seed §3.2 (catalogue A22 H1, A23): the weights' validation, blocks, PoW, and the chain every node keeps. */
describe("hybrid weights (H1)", () => {
  const problem = (value: unknown) => {
    const parsed = weightsSchema.safeParse(value);
    return parsed.success ? "ok" : `${parsed.error.issues[0]!.path.join(".")}: ${parsed.error.issues[0]!.message}`;
  };

  it("accepts weights ≥ 0 that sum to 1 within 1e-9, decimal rounding included", () => {
    expect(problem({ alpha: 0.1, beta: 0.2, gamma: 0.7 })).toBe("ok");
    expect(problem({ alpha: 1, beta: 0, gamma: 0 })).toBe("ok");
    expect(problem({ alpha: 1 / 3, beta: 1 / 3, gamma: 1 / 3 })).toBe("ok");
  });

  it("names the field and the fix for a negative, missing, non-numeric weight or a sum off 1", () => {
    expect(problem({ alpha: -0.1, beta: 0.4, gamma: 0.7 })).toBe("alpha: alpha must be ≥ 0 (a stage is off at 0, never negative)");
    expect(problem({ alpha: 0.5, beta: 0.5, gamma: 0.5 })).toBe("gamma: alpha + beta + gamma must be 1 (±1e-9), got 1.5: scale the weights so they sum to 1");
    expect(problem({ alpha: 1, beta: 0 })).toBe("gamma: gamma must be a number");
    expect(problem({ alpha: Number.NaN, beta: 0, gamma: 1 })).toBe("alpha: alpha must be a number");
    expect(problem({ alpha: 1, beta: 0, gamma: 0, delta: 0 })).toMatch(/^: .*delta/);
    expect(problem({ alpha: 0.5, beta: 0.5, gamma: 2e-9 })).toMatch(/^gamma: alpha \+ beta \+ gamma must be 1/);
  });

  it("accepts exactly the non-negative triples whose sum is within the tolerance of 1", () => {
    fc.assert(
      fc.property(fc.double({ min: -1, max: 2, noNaN: true }), fc.double({ min: -1, max: 2, noNaN: true }), fc.double({ min: -1, max: 2, noNaN: true }), (alpha, beta, gamma) => {
        const valid = alpha >= 0 && beta >= 0 && gamma >= 0 && Math.abs(alpha + beta + gamma - 1) <= 1e-9;
        expect(weightsSchema.safeParse({ alpha, beta, gamma }).success).toBe(valid);
      }),
    );
  });

  it("turns a stage on exactly where its weight is > 0 (A23's switches)", () => {
    expect(enabledStages({ alpha: 0.5, beta: 0, gamma: 0.5 })).toEqual({ pow: true, pos: false, bft: true });
  });
});

describe("blocks and transactions", () => {
  const pay = (payee: string) => ({ account: "a", nonce: 0, payee });

  it("a double spend is two payments of one (account, nonce) to different payees", () => {
    expect(conflicts(pay("bob"), pay("eve"))).toBe(true);
    expect(conflicts(pay("bob"), pay("bob"))).toBe(false);
    expect(conflicts(pay("bob"), { account: "a", nonce: 1, payee: "eve" })).toBe(false);
    expect(transactionId(pay("bob"))).toBe("a#0>bob");
  });

  it("mines the first nonce whose digest meets the target, deterministically, and checks the target over the header", () => {
    const header = { height: 1, parent: GENESIS.digest, proposer: "V0", txs: [pay("bob")] };
    const block = mine(header);
    expect(mine(header)).toEqual(block);
    expect(meetsPowTarget(block)).toBe(true);
    expect(Number.parseInt(block.digest[0]!, 16)).toBeLessThan(POW_TARGET);
    for (let nonce = 0; nonce < block.nonce; nonce++) expect(meetsPowTarget(makeBlock({ ...header, nonce }))).toBe(false);
    // A block whose digest does not match its header (a tampered payee) fails even with a good-looking digest.
    expect(meetsPowTarget({ ...block, txs: [pay("eve")] })).toBe(false);
  });

  it("digests every header field, and labels blocks for traces", () => {
    const header = { height: 1, parent: GENESIS.digest, proposer: "V0", txs: [pay("bob")], nonce: 0 };
    const variants = [header, { ...header, height: 2 }, { ...header, parent: "x" }, { ...header, proposer: "V1" }, { ...header, txs: [pay("eve")] }, { ...header, nonce: 1 }];
    expect(new Set(variants.map(blockDigest)).size).toBe(variants.length);
    expect(blockLabel(GENESIS)).toBe("genesis");
    expect(blockLabel(makeBlock(header))).toMatch(/^h1·V0·[0-9a-f]{6}$/);
    expect(signatureOf("V0", "x")).not.toBe(signatureOf("V1", "x"));
  });
});

describe("a node's chain", () => {
  it("walks ancestry to GENESIS, tells descendants, and reads the finalized chain", () => {
    const node = initialChainKnowledge();
    const b1 = makeBlock({ height: 1, parent: GENESIS.digest, proposer: "V0", txs: [], nonce: 0 });
    const b2 = makeBlock({ height: 2, parent: b1.digest, proposer: "V1", txs: [], nonce: 0 });
    const c1 = makeBlock({ height: 1, parent: GENESIS.digest, proposer: "V2", txs: [], nonce: 0 });
    const blocks = { ...node.blocks, [b1.digest]: b1, [b2.digest]: b2, [c1.digest]: c1 };
    expect(ancestry(blocks, b2.digest).map((block) => block.height)).toEqual([2, 1, 0]);
    expect(descendsFrom(blocks, b2.digest, GENESIS.digest)).toBe(true);
    expect(descendsFrom(blocks, b2.digest, c1.digest)).toBe(false);
    expect(descendsFrom(blocks, b2.digest, b2.digest)).toBe(true);
    expect(finalizedChain({ blocks, head: b2.digest, finalized: b1.digest }).map((block) => block.digest)).toEqual([GENESIS.digest, b1.digest]);
    // A block whose parent the node has not seen has only itself as ancestry.
    expect(ancestry({ [b2.digest]: b2 }, b2.digest)).toEqual([b2]);
  });
});
