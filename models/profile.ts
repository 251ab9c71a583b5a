import type { ModelDefinition } from "./model.ts";

/**
 * Which `check --all` runs a model. "quick" (every model unless it says otherwise): every run,
 * including the manifest that `npm test` checks (test/models/manifest.test.ts), which must stay
 * within minutes on two cores. "full": also the configurations whose exhaustive run takes
 * minutes, checked by `check --all --profile full` (`npm start`) or by name — seed catalogue A18's
 * sizes, say. A full-profile model is pinned like any other; only its run moves out of `npm test`.
 */
export const PROFILES = ["quick", "full"] as const;
export type Profile = (typeof PROFILES)[number];

/** A model's profile: "quick" unless its definition says "full". */
export function profileOf(model: Pick<ModelDefinition, "profile">): Profile {
  return model.profile ?? "quick";
}

/** The models `check --all --profile <profile>` runs, in registry order: "full" is every model. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function modelsOfProfile<M extends Pick<ModelDefinition<any>, "profile">>(models: readonly M[], profile: Profile): M[] {
  return profile === "full" ? [...models] : models.filter((model) => profileOf(model) === "quick");
}
