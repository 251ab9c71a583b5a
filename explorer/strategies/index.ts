export { breadthFirst } from "./breadth-first.ts";
export { depthFirst } from "./depth-first.ts";
export { randomWalk, DEFAULT_WALK_LENGTH } from "./random-walk.ts";
export type { SearchContext, SearchOutcome } from "./search-context.ts";
