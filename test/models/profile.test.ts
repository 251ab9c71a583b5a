import { describe, expect, it } from "vitest";
import { modelsOfProfile, profileOf } from "../../models/profile.ts";
import { models } from "../../models/registry.ts";

describe("model profiles: which check --all runs a model", () => {
  const quick: Named = { name: "a/quick" };
  const full: Named = { name: "a/full", profile: "full" };
  const other: Named = { name: "a/other" };

  it("a model is quick unless its definition says full", () => {
    expect(profileOf(quick)).toBe("quick");
    expect(profileOf(full)).toBe("full");
  });

  it("the quick profile leaves the full models out; the full profile is every model, in registry order", () => {
    expect(modelsOfProfile([quick, full, other], "quick")).toEqual([quick, other]);
    expect(modelsOfProfile([quick, full, other], "full")).toEqual([quick, full, other]);
  });

  it("the registry's full-profile models are the ones too long for npm test's manifest", () => {
    expect(models.filter((model) => profileOf(model) === "full").map((model) => model.name)).toEqual(FULL_MODELS);
  });
});

interface Named {
  name: string;
  profile?: "full";
}

/** Each one pinned in its definition all the same (manifest.test.ts checks that every model is). */
const FULL_MODELS = ["pbft/n4_f1_c2_l4", "pbft/n4_f1_c2_r2_simulated", "pbft/n4_f1_lossy_k1", "view-change/n4_f1_equivocating_primary_simulated", "view-change/n4_f1_forged_view_changes", "view-change/n4_f1_two_view_changes", "hybrid/ffg_byzantine_third"];
