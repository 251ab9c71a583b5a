export { models, findModel } from "./registry.ts";
export type { ModelDefinition, Expectation } from "./model.ts";
export { PROFILES, profileOf, modelsOfProfile, type Profile } from "./profile.ts";
