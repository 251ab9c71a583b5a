/** The two-sided 95 % normal quantile. */
const Z95 = 1.959963984540054;

/** An estimated probability with its 95 % interval, and the runs behind it. */
export interface Estimate {
  estimate: number;
  low: number;
  high: number;
  runs: number;
}

/**
 * The Wilson score interval at 95 % for `successes` of `runs` (Wilson 1927): unlike the normal
 * interval it stays inside [0, 1] and does not collapse to a point at 0 or `runs` successes,
 * which the race's deep cells (a handful of successes in a million) need.
 */
export function wilson95(successes: number, runs: number): Estimate {
  const phat = successes / runs;
  const denominator = 1 + (Z95 * Z95) / runs;
  const centre = (phat + (Z95 * Z95) / (2 * runs)) / denominator;
  const half = (Z95 * Math.sqrt((phat * (1 - phat)) / runs + (Z95 * Z95) / (4 * runs * runs))) / denominator;
  // At 0 or `runs` successes the bound is 0 or 1 exactly; the arithmetic would leave ~1e-20.
  const low = successes === 0 ? 0 : Math.max(0, centre - half);
  const high = successes === runs ? 1 : Math.min(1, centre + half);
  return { estimate: phat, low, high, runs };
}
