export { ExactStateStore } from "./exact-store.ts";
export { FingerprintStore, omissionProbability } from "./fingerprint-store.ts";
export { murmur3 } from "./murmur3.ts";
export type { VisitedSet } from "./visited-set.ts";
