import { InputError } from "../spec/common/input-error.ts";
import { SCHEDULE_LIMITS } from "../spec/common/schedule.ts";

/**
 * Commander option parsers that reject bad values with a message naming the flag, its real
 * bounds and the value given. Counts go up to 2^53 − 1, the largest whole number a double
 * holds exactly: above it `Number("9007199254740993")` silently reads as ...992.
 */
const MAX_COUNT = Number.MAX_SAFE_INTEGER;

/**
 * Flags whose values feed something narrower than a double. `--seed`: explorer/prng.ts seeds
 * its state with `seed | 0`, so a seed of 2^32 + 1 would run exactly as seed 1 does.
 */
const NARROW_FLAGS: Readonly<Record<string, { max: number; why: string }>> = {
  "--seed": { max: SCHEDULE_LIMITS.seed, why: "the PRNG is seeded with 32 bits" },
};

/** Seconds: at most 10^7 (about 115 days), past which a time limit means "none". */
export const MAX_SECONDS = 10_000_000;

/** The value as a message quotes it: argv can hold a megabyte, a message is one short line. */
function shown(value: string): string {
  return value.length > 40 ? `${value.slice(0, 39)}…` : value;
}

function wholeNumber(value: string): number | undefined {
  const parsed = Number(value);
  return /^\d+$/.test(value.trim()) && Number.isSafeInteger(parsed) ? parsed : undefined;
}

export function positiveInteger(flag: string): (value: string) => number {
  return (value) => {
    const parsed = wholeNumber(value);
    if (parsed === undefined || parsed < 1) throw new InputError(`${flag}: expected a positive whole number, got "${shown(value)}" (from 1 to ${MAX_COUNT})`);
    return parsed;
  };
}

export function nonNegativeInteger(flag: string): (value: string) => number {
  const narrow = NARROW_FLAGS[flag];
  const max = narrow?.max ?? MAX_COUNT;
  const why = narrow === undefined ? "" : ` (${narrow.why})`;
  return (value) => {
    const parsed = wholeNumber(value);
    if (parsed === undefined || parsed > max) throw new InputError(`${flag}: expected a whole number from 0 to ${max}${why}, got "${shown(value)}"`);
    return parsed;
  };
}

export function positiveSeconds(flag: string): (value: string) => number {
  return (value) => {
    const parsed = value.trim() === "" ? Number.NaN : Number(value);
    if (!Number.isFinite(parsed) || parsed <= 0 || parsed > MAX_SECONDS) {
      throw new InputError(`${flag}: expected a number of seconds > 0 and at most ${MAX_SECONDS} (about 115 days), got "${shown(value)}"`);
    }
    return parsed;
  };
}

export function oneOf<T extends string>(flag: string, choices: readonly T[]): (value: string) => T {
  return (value) => {
    if ((choices as readonly string[]).includes(value)) return value as T;
    throw new InputError(`${flag}: expected one of ${choices.join(", ")}, got "${shown(value)}"`);
  };
}
