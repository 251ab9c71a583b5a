import { z } from "zod";

/**
 * What a check covers (DEVELOPERS' ground rule: a pass must mean something), in four aspects,
 * each a list of short lines derived from a model's config and its protocol's declaration, never
 * written by hand: a pass is only as strong as the system, the adversary and the clock it ran
 * against. Every aspect says something, "none" included, so a missing line is never read as
 * "no restriction". Lines are plain text; the renderers escape them for their format.
 */
export const COVERAGE_ASPECTS = ["bounds", "faults", "budgets", "time"] as const;
export type CoverageAspect = (typeof COVERAGE_ASPECTS)[number];

const lines = (what: string) => z.array(z.string()).min(1, "say at least one thing (\"none\" too)").describe(what);

export const coverageSchema = z
  .object({
    bounds: lines("How big the checked system is: its participants, requests or rounds, windows, quorums."),
    faults: lines("What may go wrong: Byzantine behaviours, crashes, what the network does to messages."),
    budgets: lines("How much of it one run may use: forgeries, adversary slots, crashes, losses, duplicates."),
    time: lines("The time model: asynchrony, views, timers, and what that leaves unchecked."),
  })
  .strict();
export type Coverage = z.infer<typeof coverageSchema>;
