/**
 * A probability as the 51 % report prints it: 1 and 0 exactly (certain success is no estimate),
 * four significant digits from 1e-3 up, scientific notation below, where a table of a million
 * runs still tells 1.2e-6 from 2.4e-6.
 */
export function formatProbability(value: number): string {
  if (value === 1 || value === 0) return String(value);
  return Math.abs(value) >= 1e-3 ? value.toPrecision(4) : value.toExponential(3);
}
