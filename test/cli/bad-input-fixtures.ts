import { readFileSync } from "node:fs";

/**
 * Valid inputs of every kind the CLI reads, for test/cli/bad-input-suite.test.ts to break one
 * field at a time. Each helper returns a fresh copy, so a case can change it freely.
 */

const read = (path: string): unknown => JSON.parse(readFileSync(new URL(path, import.meta.url), "utf8"));

const SCHEDULE = read("../models/pbft/fixtures/n3_f1.schedule.json") as Record<string, unknown> & { config: Record<string, unknown>; steps: unknown[] };
const MERKLE_ROOT = read("../../examples/merkle/root.json") as Record<string, unknown>[];
const MERKLE_INCLUSION = read("../../examples/merkle/inclusion.json") as Record<string, unknown>[];
const MERKLE_CONSISTENCY = read("../../examples/merkle/consistency.json") as Record<string, unknown>;
const MPT_ROOT = read("../../examples/mpt/root.json") as Record<string, unknown>;
const MPT_PROVE = read("../../examples/mpt/prove.json") as Record<string, unknown>[];
const MPT_PROOF = read("../../examples/mpt/proof.json") as Record<string, unknown>[];

/** The n3_f1 counterexample schedule (reproduces: agreement and total order violated at step 12). */
export const schedule = (): typeof SCHEDULE => structuredClone(SCHEDULE);

/** The schedule with `config` merged over its config. */
export const scheduleWithConfig = (config: Record<string, unknown>): string => json({ ...schedule(), config: { ...SCHEDULE.config, ...config } });

/** The schedule with `fields` merged over it (undefined removes a field). */
export const scheduleWith = (fields: Record<string, unknown>): string => json({ ...schedule(), ...fields });

/** The schedule with these steps. */
export const scheduleSteps = (...steps: unknown[]): string => json({ ...schedule(), steps });

/** A saved Result of pbft/n3_f1 whose counterexample is the schedule. */
export function violationResult(): Record<string, unknown> {
  return {
    model: "pbft/n3_f1",
    result: "violation",
    property: "agreement",
    distinctStates: 425,
    transitions: 888,
    maxDepth: 6,
    seconds: 0.1,
    statesPerSecond: 4250,
    seed: 0,
    strategy: "bfs",
    counterexample: schedule(),
  };
}

/** A saved Result of a model that passed: it has no counterexample. */
export function passResult(model = "pbft/n4_f1"): Record<string, unknown> {
  return { model, result: "pass", distinctStates: 1000, transitions: 3000, maxDepth: 20, seconds: 1, statesPerSecond: 1000, seed: 0, strategy: "bfs" };
}

export const resultWith = (fields: Record<string, unknown>): string => json({ ...violationResult(), ...fields });

export const merkleRoot = (): Record<string, unknown> => structuredClone(MERKLE_ROOT[0]!);
export const bitcoinRoot = (): Record<string, unknown> => structuredClone(MERKLE_ROOT[1]!);
export const inclusion = (): Record<string, unknown> => structuredClone(MERKLE_INCLUSION[0]!);
export const consistency = (): Record<string, unknown> => structuredClone(MERKLE_CONSISTENCY);
export const mptRoot = (): Record<string, unknown> => structuredClone(MPT_ROOT);
export const mptProve = (): Record<string, unknown> => structuredClone(MPT_PROVE[0]!);
export const mptProof = (): Record<string, unknown> => structuredClone(MPT_PROOF[0]!);

/** `base` with `fields` merged over it (undefined removes a field), as JSON. */
export const withFields = (base: Record<string, unknown>, fields: Record<string, unknown>): string => json({ ...base, ...fields });

export const json = (value: unknown): string => JSON.stringify(value);

/** 0x-hex of `bytes` bytes. */
export const hex = (bytes: number, byte = "ab"): string => `0x${byte.repeat(bytes)}`;

/** A 32-byte hash as 0x-hex. */
export const HASH = hex(32, "11");

export const MIB = 1024 * 1024;
