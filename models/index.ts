export { models, findModel } from "./registry.ts";
export type { ModelDefinition, Expectation } from "./model.ts";
