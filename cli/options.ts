import { InputError } from "../spec/common/input-error.ts";
import { SCHEDULE_LIMITS } from "../spec/common/schedule.ts";

/**
 * Commander option parsers that reject bad values with a message naming the flag, its real
 * bounds and the value given. Counts go up to 2^53 − 1, the largest whole number a double
 * holds exactly: above it `Number("9007199254740993")` silently reads as ...992.
 */
const MAX_COUNT = Number.MAX_SAFE_INTEGER;

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
  return (value) => {
    const parsed = wholeNumber(value);
    if (parsed === undefined) throw new InputError(`${flag}: expected a whole number from 0 to ${MAX_COUNT}, got "${shown(value)}"`);
    return parsed;
  };
}

/** `--seed`: explorer/prng.ts takes 32 bits (its MAX_SEED); refused here in one line rather than there. */
export function seedNumber(flag: string): (value: string) => number {
  return (value) => {
    const parsed = wholeNumber(value);
    if (parsed === undefined || parsed > SCHEDULE_LIMITS.seed) {
      throw new InputError(`${flag}: expected a whole number from 0 to ${SCHEDULE_LIMITS.seed} (the PRNG is seeded with 32 bits), got "${shown(value)}"`);
    }
    return parsed;
  };
}

/** Seconds are written in decimal ("30", "0.5"): Number() alone would also read "0x10" as 16 and "1e3" as 1000. */
const DECIMAL = /^\s*(\d+(\.\d*)?|\.\d+)\s*$/;

export function positiveSeconds(flag: string): (value: string) => number {
  return (value) => {
    const parsed = DECIMAL.test(value) ? Number(value) : Number.NaN;
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
