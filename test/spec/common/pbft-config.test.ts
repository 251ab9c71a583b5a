import { describe, expect, it } from "vitest";
import { configWarnings, pbftConfigSchema } from "../../../spec/common/pbft-config.ts";
import { InputError, parseInput } from "../../../spec/common/input-error.ts";

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
    expect(config.network).toEqual({ drop: false, duplicate: false });
  });

  it("names the field when n is 0", () => {
    expect(parseError({ ...minimal, n: 0 })).toMatch(/n: must be at least 1/);
  });

  it("names the field when f is negative", () => {
    expect(parseError({ ...minimal, f: -1 })).toMatch(/f: must be at least 0/);
  });

  it("names the field when a count is not an integer or missing", () => {
    expect(parseError({ ...minimal, window: 1.5 })).toMatch(/window: must be an integer/);
    expect(parseError({ n: 4, f: 1, checkpointInterval: 1, window: 1 })).toMatch(/requests: must be an integer, at least 1/);
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
});
