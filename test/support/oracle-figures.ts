/** SPEC.md §7.1 (cross-checked by SPIN 6.5.2): the oracle's whole reachable space, per BFS depth. */
export const ORACLE_STATES_PER_DEPTH = [
  1, 12, 72, 292, 906, 2292, 4916, 9252, 15888, 25848, 40644, 61560, 88432, 118488, 145620, 161076, 156948, 131496, 92138, 52236, 23028, 7520, 1704,
  240, 16,
];
