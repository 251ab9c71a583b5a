/**
 * The gambler's ruin (Feller, vol. I, §XIV.2), as the race after acceptance: a walk that steps
 * up with probability q and down with p = 1 − q, started `short` steps below its target. Without
 * a floor (the default) it reaches the target with probability (q/p)^short for q < p and 1
 * otherwise — the seed's Theorem 7.1 and Nakamoto's q_z. With a floor `giveUpBehind` steps below
 * the start's zero (the simulations' attacker gives up there) it is the two-barrier ruin
 * (1 − ρ^(x−L)) / (1 − ρ^(U−L)), ρ = p/q, x the start, L the floor, U the target, written as
 * ρ^(x−U)·(1 − ρ^(L−x))/(1 − ρ^(L−U)) so that no power overflows.
 */
export function reachProbability(q: number, short: number, floorBelowStart = Number.POSITIVE_INFINITY): number {
  if (short <= 0) return 1;
  if (floorBelowStart <= 0) return 0;
  const p = 1 - q;
  if (q === 0) return 0;
  if (floorBelowStart === Number.POSITIVE_INFINITY) return q >= p ? 1 : (q / p) ** short;
  // Finite floor: the drift-free walk is linear, x − L over U − L.
  if (q === p) return floorBelowStart / (floorBelowStart + short);
  const rho = p / q;
  return (rho ** -short * (1 - rho ** -floorBelowStart)) / (1 - rho ** -(floorBelowStart + short));
}
