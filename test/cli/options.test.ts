import { describe, expect, it } from "vitest";
import { MAX_SECONDS, nonNegativeInteger, oneOf, positiveInteger, positiveSeconds, seedNumber } from "../../cli/options.ts";
import { InputError } from "../../spec/common/input-error.ts";
import { expectOneLineError, runCli } from "./run-cli.ts";

function rejection(parse: (value: string) => unknown, value: string): string {
  try {
    parse(value);
  } catch (error) {
    expect(error).toBeInstanceOf(InputError);
    return (error as Error).message;
  }
  throw new Error(`expected "${value}" to be rejected`);
}

describe("numeric flags say their real bounds", () => {
  it("--seed: 0 to 2^32 − 1, because the PRNG is seeded with 32 bits", () => {
    const seed = seedNumber("--seed");
    expect(seed("0")).toBe(0);
    expect(seed("4294967295")).toBe(4294967295);
    const message = '--seed: expected a whole number from 0 to 4294967295 (the PRNG is seeded with 32 bits), got "4294967296"';
    expect(rejection(seed, "4294967296")).toBe(message);
    // Above 2^53 the old parser said only "expected a whole number".
    expect(rejection(seed, "18446744073709551617")).toMatch(/^--seed: expected a whole number from 0 to 4294967295 \(the PRNG is seeded with 32 bits\), got "18446744073709551617"$/);
    expect(rejection(seed, "-1")).toMatch(/from 0 to 4294967295/);
    expect(rejection(seed, "1.5")).toMatch(/from 0 to 4294967295/);
  });

  it("counts: 1 to 2^53 − 1, the largest whole number a double holds exactly", () => {
    const count = positiveInteger("--max-states");
    expect(count("9007199254740991")).toBe(Number.MAX_SAFE_INTEGER);
    expect(rejection(count, "9007199254740992")).toBe('--max-states: expected a positive whole number, got "9007199254740992" (from 1 to 9007199254740991)');
    expect(rejection(count, "0")).toMatch(/from 1 to 9007199254740991/);
    expect(rejection(count, "1e3")).toMatch(/got "1e3"/);
    expect(nonNegativeInteger("--other")("9007199254740991")).toBe(Number.MAX_SAFE_INTEGER);
    expect(rejection(nonNegativeInteger("--other"), "9007199254740992")).toBe('--other: expected a whole number from 0 to 9007199254740991, got "9007199254740992"');
  });

  it("seconds: finite, above 0 and at most 10^7", () => {
    const seconds = positiveSeconds("--time");
    expect(seconds("0.5")).toBe(0.5);
    expect(seconds(String(MAX_SECONDS))).toBe(10_000_000);
    for (const bad of ["0", "-1", "Infinity", "1e400", "NaN", "", " ", "10000001", "abc"]) {
      expect(rejection(seconds, bad)).toBe(`--time: expected a number of seconds > 0 and at most 10000000 (about 115 days), got "${bad}"`);
    }
  });

  it("quotes at most 40 characters of a bad value", () => {
    expect(rejection(oneOf("--format", ["md"]), "x".repeat(100_000))).toBe(`--format: expected one of md, got "${"x".repeat(39)}…"`);
  });

  it("through the CLI: a seed above 32 bits is exit 2 and one line, before anything runs", async () => {
    expectOneLineError(await runCli("explore", "pbft/n3_f1", "--strategy", "random", "--seed", "4294967296"), /^consensus-check: --seed: expected a whole number from 0 to 4294967295 \(the PRNG is seeded with 32 bits\), got "4294967296"$/);
    expectOneLineError(await runCli("simulate", "pbft/n3_f1", "--seed", "99999999999999999999"), /^consensus-check: --seed: expected a whole number from 0 to 4294967295/);
    expectOneLineError(await runCli("explore", "pbft/n3_f1", "--time", "1e308"), /^consensus-check: --time: expected a number of seconds > 0 and at most 10000000/);
  });
});
