import { describe, expect, it } from "vitest";
import { certificateSizes } from "../../models/pbft/pbft-protocol.ts";
import { CORRECT, VALUE_NAMES } from "../../models/bench/pbft_n4f1/layout.ts";
import type { ModelDefinition } from "../../models/model.ts";
import { findModel, models } from "../../models/registry.ts";
import { coverageSchema, type CoverageAspect } from "../../spec/common/coverage.ts";
import { pbftConfigSchema, type PbftConfigInput } from "../../spec/pbft/config.ts";
import { coverageChange } from "./coverage-change.ts";

/**
 * What a pass covers is derived from the config (DEVELOPERS' ground rule): each config field
 * changes the aspect it belongs to, and its new value shows there, so a report can never claim
 * the bounds of another config. No model's wording is copied here.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
function changed(model: ModelDefinition<any>, change: Record<string, unknown>) {
  const after = model.configSchema.parse({ ...model.config, ...change });
  return coverageChange(model.covers(model.config), model.covers(after));
}

describe("every bundled model says what it covers", () => {
  it.each(models.map((model) => [model.name, model] as const))("%s: every aspect says something, from the config alone", (_, model) => {
    const covers = model.covers(model.config);
    expect(coverageSchema.parse(covers)).toEqual(covers);
    expect(model.covers(structuredClone(model.config))).toEqual(covers);
  });
});

describe("PBFT coverage follows the config", () => {
  const model = findModel("pbft/n4_f1");
  // The runtime words the actors, the network, the fault budget and time from the declaration;
  // what only PBFT knows is the protocol's: quorums and window in its `bounds`, each Byzantine
  // replica's behaviours and the forgery budget in its `faultNotes`.
  const cases: [string, Partial<PbftConfigInput>, CoverageAspect[], string[]][] = [
    ["n", { n: 5 }, ["bounds"], ["R4"]],
    ["f and the quorum rule", { f: 0, quorumRule: "n-f", exceedFaultBudget: true }, ["bounds"], ["n-f", "f = 0"]],
    ["requests", { requests: 3 }, ["bounds"], ["3"]],
    ["clients", { clients: 3 }, ["bounds"], ["3", "C2"]],
    ["the window", { window: 3 }, ["bounds"], ["L = 3"]],
    ["the checkpoint interval", { checkpointInterval: 3 }, ["bounds"], ["K = 3"]],
    ["a quorum override", { quorumOverrides: { commit: 4 } }, ["bounds"], ["4"]],
    ["the forgery budget", { forgeryBudget: 7 }, ["budgets"], ["7"]],
    ["no forgery budget", { forgeryBudget: undefined }, ["budgets"], []],
    ["the adversary slots", { adversarySlots: 3 }, ["budgets"], ["3"]],
    ["the Byzantine behaviours", { byzantine: [{ replica: 3, behaviours: ["conflicting-votes"] }] }, ["faults"], ["conflicting-votes"]],
    // Silent, it forges nothing: no forgery budget to state.
    ["a silent Byzantine replica", { byzantine: [{ replica: 2, behaviours: ["silent"] }] }, ["bounds", "faults", "budgets"], ["R2", "silent"]],
    ["a lossy network", { network: { drop: true, duplicate: false } }, ["faults", "budgets"], []],
    ["a duplicating network", { network: { drop: false, duplicate: true } }, ["faults", "budgets"], []],
    ["termination", { checkTermination: false }, ["bounds"], []],
  ];

  it.each(cases)("%s", (_, change, aspects, shown) => {
    const { aspects: actual, added } = changed(model, change);
    expect(actual).toEqual(aspects);
    for (const text of shown) expect(added).toContain(text);
  });

  it("states the certificate sizes the replicas run with, overrides included", () => {
    for (const change of [{}, { quorumRule: "n-f" }, { quorumOverrides: { prepare: 1, commit: 2 } }] as Partial<PbftConfigInput>[]) {
      const config = pbftConfigSchema.parse({ ...model.config, ...change });
      const bounds = model.covers(config).bounds.join("\n");
      const sizes = certificateSizes(config);
      for (const size of [sizes.prepareQuorum, sizes.commitQuorum, sizes.checkpointQuorum, sizes.replyQuorum]) expect(bounds).toMatch(new RegExp(`\\b${size} [A-Z]`));
    }
  });

  it("names the primary when it is the Byzantine one", () => {
    const primary = changed(model, { byzantine: [{ replica: 0, behaviours: ["equivocate"] }] });
    const backup = changed(model, { byzantine: [{ replica: 1, behaviours: ["conflicting-votes"] }] });
    expect(primary.added).toMatch(/R0\b.*primary/);
    expect(backup.added).not.toMatch(/primary/);
  });
});

describe("Paxos coverage follows the config and the protocol's declaration", () => {
  const paxos = findModel("paxos/p2_a3");
  const seed = findModel("paxos/seed_p2_a3_grant_all");
  const cases: [string, ModelDefinition<unknown>, Record<string, unknown>, CoverageAspect[], string[]][] = [
    // One proposer more is one more that may crash: the crash budget is of three.
    ["proposers", paxos, { proposers: 3 }, ["bounds", "budgets"], ["3", "P2"]],
    ["acceptors", paxos, { acceptors: 4 }, ["bounds"], ["4", "A3"]],
    ["rounds", paxos, { rounds: 2 }, ["bounds"], ["2"]],
    ["no crashes", paxos, { crashes: 0 }, ["faults", "budgets"], []],
    ["the crash budget", paxos, { crashes: 2 }, ["budgets"], ["2"]],
    ["a duplicating network", paxos, { network: { duplication: "persistent", loss: false } }, ["faults", "budgets"], []],
    ["a lossy network", paxos, { network: { duplication: "none", loss: true } }, ["faults", "budgets"], []],
    ["the seed's reading", seed, { reading: "first-come" }, ["bounds"], ["first-come"]],
    ["the seed's acceptors", seed, { acceptors: 5 }, ["bounds"], ["5", "A4"]],
  ];

  it.each(cases)("%s", (_, model, change, aspects, shown) => {
    const { aspects: actual, added } = changed(model, change);
    expect(actual).toEqual(aspects);
    for (const text of shown) expect(added).toContain(text);
  });
});

describe("the oracle's coverage follows SPEC.md's layout and the config", () => {
  const oracle = findModel("bench/pbft_n4f1");

  it("names the fixed replicas and values of the layout", () => {
    const bounds = oracle.covers(oracle.config).bounds.join("\n");
    expect(bounds).toContain(String(CORRECT.length + 1));
    for (const value of VALUE_NAMES.slice(1)) expect(bounds).toContain(value);
  });

  it.each([
    ["the prepare quorum", { qp: 2 }, ["QP = 2"]],
    ["the commit quorum", { qc: 4 }, ["QC = 4"]],
    ["symmetry over replicas", { symmetry: "replicas" }, []],
    ["symmetry over replicas and values", { symmetry: "replicas-and-values" }, []],
  ] as const)("%s changes the bounds", (_, change, shown) => {
    const { aspects, added } = changed(oracle, change);
    expect(aspects).toEqual(["bounds"]);
    for (const text of shown) expect(added).toContain(text);
  });

  it("words each symmetry group differently", () => {
    const lines = [undefined, "replicas", "replicas-and-values"].map((symmetry) => oracle.covers({ ...oracle.config, symmetry }).bounds.join("\n"));
    expect(new Set(lines).size).toBe(3);
  });
});
