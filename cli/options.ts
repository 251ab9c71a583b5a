import { InputError } from "../spec/common/input-error.ts";

/** Commander option parsers that reject bad values with a message naming the flag and the fix. */
export function positiveInteger(flag: string): (value: string) => number {
  return (value) => {
    const parsed = Number(value);
    if (!/^\d+$/.test(value.trim()) || !Number.isSafeInteger(parsed) || parsed < 1) {
      throw new InputError(`${flag}: expected a positive whole number, got "${value}"`);
    }
    return parsed;
  };
}

export function nonNegativeInteger(flag: string): (value: string) => number {
  return (value) => {
    const parsed = Number(value);
    if (!/^\d+$/.test(value.trim()) || !Number.isSafeInteger(parsed)) {
      throw new InputError(`${flag}: expected a whole number ≥ 0, got "${value}"`);
    }
    return parsed;
  };
}

export function positiveSeconds(flag: string): (value: string) => number {
  return (value) => {
    const parsed = Number(value);
    if (!Number.isFinite(parsed) || parsed <= 0) throw new InputError(`${flag}: expected a number of seconds > 0, got "${value}"`);
    return parsed;
  };
}

export function oneOf<T extends string>(flag: string, choices: readonly T[]): (value: string) => T {
  return (value) => {
    if ((choices as readonly string[]).includes(value)) return value as T;
    throw new InputError(`${flag}: expected one of ${choices.join(", ")}, got "${value}"`);
  };
}
