import { describe, expect, it } from "vitest";
import { configWarnings, pbftConfigSchema } from "../../../spec/pbft/config.ts";
import { PBFT_LIMITS, forgeryChoices } from "../../../spec/pbft/limits.ts";
import { InputError, parseInput } from "../../../spec/common/input-error.ts";
import { pbftN4F1ConfigSchema } from "../../../models/bench/pbft_n4f1/definition.ts";
import { models } from "../../../models/index.ts";

const minimal = { n: 4, f: 1, requests: 1, checkpointInterval: 1, window: 2 };

function parseError(config: unknown): string {
  try {
    parseInput(pbftConfigSchema, config, "config");
  } catch (error) {
    expect(error).toBeInstanceOf(InputError);
    return (error as Error).message;
  }
  throw new Error("expected the config to be rejected");
}

describe("PBFT model config", () => {
  it("fills the paper's defaults", () => {
    const config = pbftConfigSchema.parse(minimal);
    expect(config).toMatchObject({ clients: 1, quorumRule: "2f+1", quorumOverrides: {}, byzantine: [], exceedFaultBudget: false });
    expect(config.network).toEqual({ drop: false, duplicate: false, partitions: [] });
    expect(pbftConfigSchema.parse({ ...minimal, network: { drop: true } }).network).toEqual({ drop: true, duplicate: false, partitions: [] });
  });

  it("names the field of a partition group that is no minority of replicas", () => {
    expect(pbftConfigSchema.parse({ ...minimal, network: { partitions: [[0], [2, 3]] } }).network.partitions).toEqual([[0], [2, 3]]);
    expect(parseError({ ...minimal, network: { partitions: [[0, 4]] } })).toMatch(/^config network\.partitions\[0\]\[1\]: must be a replica id below n = 4/);
    expect(parseError({ ...minimal, network: { partitions: [[0, 1, 2, 3]] } })).toMatch(/^config network\.partitions\[0\]: must leave at least one of the n = 4 replicas on the other side/);
    expect(parseError({ ...minimal, network: { partitions: [[1, 1]] } })).toMatch(/^config network\.partitions\[0\]: name each replica at most once/);
    expect(parseError({ ...minimal, network: { partitions: [[]] } })).toMatch(/^config network\.partitions\[0\]: name at least one replica to cut off/);
    expect(parseError({ ...minimal, network: { partitions: Array.from({ length: PBFT_LIMITS.partitions + 1 }, () => [0]) } })).toMatch(/^config network\.partitions: must list at most 8 groups/);
  });

  it("names the field when n is 0", () => {
    expect(parseError({ ...minimal, n: 0 })).toMatch(/n: must be at least 1/);
  });

  it("names the field when f is negative", () => {
    expect(parseError({ ...minimal, f: -1 })).toMatch(/f: must be at least 0/);
  });

  it("names the field when a count is not an integer or missing", () => {
    expect(parseError({ ...minimal, window: 1.5 })).toMatch(/window: must be an integer/);
    expect(parseError({ n: 4, f: 1, checkpointInterval: 1, window: 1 })).toMatch(/requests: must be an integer from 1 to 256/);
  });

  it("rejects an unknown quorum rule, behaviour, or a Byzantine id outside the group", () => {
    expect(parseError({ ...minimal, quorumRule: "f+1" })).toMatch(/quorumRule/);
    expect(parseError({ ...minimal, byzantine: [{ replica: 1, behaviours: ["lie"] }] })).toMatch(/behaviours\[0\]: must be one of/);
    expect(parseError({ ...minimal, byzantine: [{ replica: 4, behaviours: ["silent"] }] })).toMatch(/byzantine\[0\]\.replica: must be a replica id below n = 4/);
    expect(parseError({ ...minimal, byzantine: [{ replica: 1, behaviours: ["silent"] }, { replica: 1, behaviours: ["silent"] }] })).toMatch(/listed twice/);
  });

  it("expresses n < 3f+1 and flags it", () => {
    const config = pbftConfigSchema.parse({ ...minimal, n: 3, quorumRule: "n-f" });
    expect(configWarnings(config)).toEqual(["n = 3 < 3f+1 = 4: the Byzantine bound is not met"]);
    expect(configWarnings(pbftConfigSchema.parse(minimal))).toEqual([]);
  });

  it("flags exceeded fault budgets and quorum overrides", () => {
    const config = pbftConfigSchema.parse({
      ...minimal,
      exceedFaultBudget: true,
      quorumOverrides: { commit: 2 },
      byzantine: [
        { replica: 0, behaviours: ["silent"] },
        { replica: 1, behaviours: ["silent"] },
      ],
    });
    expect(configWarnings(config)).toEqual([
      "2 Byzantine replicas exceed the fault budget f = 1",
      'quorum overrides in force: {"commit":2}',
    ]);
  });

  // Each bound: the largest value passes, one more is refused with the bound and why in the message.
  it.each([
    ["n", { n: 31, f: 1 }, { n: 32 }, /^config n: must be at most 31 \(a bigger cluster cannot be model-checked/],
    ["f", { f: 31 }, { f: 32 }, /^config f: must be at most 31 \(f counts replicas/],
    ["clients", { n: 1, clients: 16 }, { n: 1, clients: 17 }, /^config clients: must be at most 16 \(each client is one more concurrent sender/],
    ["requests", { n: 1, requests: 256 }, { n: 1, requests: 257 }, /^config requests: must be at most 256 \(requests per client/],
    ["checkpointInterval", { checkpointInterval: 4096 }, { checkpointInterval: 4097 }, /^config checkpointInterval: must be at most 4096 \(a run executes at most 4096 requests/],
    ["window", { window: 4096 }, { window: 4097 }, /^config window: must be at most 4096 \(a run assigns at most 4096 sequence numbers/],
    ["adversarySlots", { adversarySlots: 64 }, { adversarySlots: 65 }, /^config adversarySlots: must be at most 64 \(every forgery is enumerated/],
    ["forgeryBudget", { forgeryBudget: 1_000_000 }, { forgeryBudget: 1_000_001 }, /^config forgeryBudget: must be at most 1000000 \(each forgery is one step/],
    ["quorumOverrides.prepare", { quorumOverrides: { prepare: 30 } }, { quorumOverrides: { prepare: 31 } }, /^config quorumOverrides\.prepare: must be at most 30 /],
    ["quorumOverrides.commit", { quorumOverrides: { commit: 31 } }, { quorumOverrides: { commit: 32 } }, /^config quorumOverrides\.commit: must be at most 31 /],
    ["byzantine replica", { n: 31, byzantine: [{ replica: 30, behaviours: ["silent"] }] }, { n: 31, byzantine: [{ replica: 31, behaviours: ["silent"] }] }, /^config byzantine\[0\]\.replica: must be at most 30 /],
  ])("bounds %s", (_field, largest, tooLarge, message) => {
    expect(() => pbftConfigSchema.parse({ ...minimal, ...largest })).not.toThrow();
    expect(parseError({ ...minimal, ...tooLarge })).toMatch(message);
  });

  it("refuses absurd sizes at once, naming the bound", () => {
    expect(parseError({ ...minimal, n: 1e9 })).toMatch(/^config n: must be at most 31/);
    expect(parseError({ ...minimal, clients: 1e6 })).toMatch(/^config clients: must be at most 16/);
    expect(parseError({ ...minimal, requests: 1e9 })).toMatch(/^config requests: must be at most 256/);
    expect(parseError({ ...minimal, n: Number.MAX_VALUE })).toMatch(/^config n: must be an integer|^config n: must be at most 31/);
    expect(parseError({ ...minimal, byzantine: Array.from({ length: 32 }, (_, replica) => ({ replica, behaviours: ["silent"] })) })).toMatch(/^config byzantine: must list at most 31 replicas/);
    expect(parseError({ ...minimal, byzantine: [{ replica: 0, behaviours: ["silent", "silent"] }] })).toMatch(/behaviours: name each behaviour at most once/);
  });

  it("bounds the messages of a run: n² × clients × requests ≤ 4096", () => {
    expect(() => pbftConfigSchema.parse({ ...minimal, n: 16, clients: 4, requests: 4 })).not.toThrow();
    expect(parseError({ ...minimal, n: 16, clients: 4, requests: 5 })).toMatch(/^config: n² × clients × requests is 5120, more than 4096: .*lower n, clients or requests$/);
  });

  it("bounds the actors: replicas and clients are at most the runtime's 32", () => {
    expect(() => pbftConfigSchema.parse({ ...minimal, n: 16, clients: 16, requests: 1 })).not.toThrow();
    expect(parseError({ ...minimal, n: 17, clients: 16, requests: 1 })).toMatch(/^config: n \+ clients is 33, more than 32: every replica and client is an actor of the runtime/);
  });

  it("bounds the forgeries the adversary chooses among in one state, the bad-digest square included", () => {
    const primary = { replica: 0, behaviours: ["equivocate", "bad-digest", "conflicting-votes"] };
    expect(forgeryChoices(pbftConfigSchema.parse({ ...minimal, clients: 2, adversarySlots: 2, byzantine: [primary] }))).toBe(2 * 3 * 2 + 2 * 3 * 2 * 1 + 2 * 2 * 3 * 2);
    expect(forgeryChoices(pbftConfigSchema.parse({ ...minimal, byzantine: [{ replica: 1, behaviours: ["forge-checkpoint", "forge-reply", "replay", "silent"] }] }))).toBe(3 + 1);
    // 1 slot × 3 correct replicas × 16 requests × 15 others = 720 bad digests, + 48 + 96 = 864: allowed.
    expect(() => pbftConfigSchema.parse({ ...minimal, clients: 4, requests: 4, byzantine: [primary] })).not.toThrow();
    expect(parseError({ ...minimal, clients: 4, requests: 4, adversarySlots: 2, byzantine: [primary] })).toMatch(
      /^config byzantine: the Byzantine replicas could choose among up to 1728 forgeries in one state, more than 1000 .*lower adversarySlots, clients or requests, or drop bad-digest$/,
    );
  });

  it("leaves every bundled model well inside the bounds", () => {
    for (const model of models) {
      if (!model.name.startsWith("pbft/")) continue;
      const config = pbftConfigSchema.parse(model.config);
      expect(config.n ** 2 * config.clients * config.requests).toBeLessThanOrEqual(PBFT_LIMITS.runMessages / 8);
      expect(forgeryChoices(config)).toBeLessThanOrEqual(PBFT_LIMITS.forgeryChoices / 10);
    }
  });
});

describe("the oracle model's config (bench/pbft_n4f1)", () => {
  it("bounds its quorums by its n = 4 and names each property once", () => {
    const message = (config: unknown) => () => parseInput(pbftN4F1ConfigSchema, config, "schedule config");
    expect(() => parseInput(pbftN4F1ConfigSchema, { qp: 4, qc: 1 }, "schedule config")).not.toThrow();
    expect(message({ qp: 5, qc: 3 })).toThrow(/^schedule config qp: must be a whole number from 1 to 4 \(the oracle model has n = 4 replicas\)$/);
    expect(message({ qp: 3, qc: 1e9 })).toThrow(/^schedule config qc: must be a whole number from 1 to 4/);
    expect(message({ qp: 3, qc: 2.5 })).toThrow(/^schedule config qc: must be a whole number from 1 to 4/);
    expect(message({ qp: 3, qc: 3, properties: ["agreement", "agreement", "validity"] })).toThrow(/^schedule config properties: name each of agreement, validity at most once/);
    expect(message({ qp: 3, qc: 3, properties: ["agreement", "agreement"] })).toThrow(/^schedule config properties: name each property at most once/);
  });
});
