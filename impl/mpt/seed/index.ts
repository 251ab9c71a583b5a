export { SeedStateTree } from "./seed-state-tree.ts";
export { seedGetNode } from "./seed-get-node.ts";
export { seedPutNode } from "./seed-put-node.ts";
export type { SeedNode } from "./seed-node.ts";
