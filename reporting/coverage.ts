import type { Result } from "../explorer/result.ts";
import { COVERAGE_ASPECTS, type Coverage, type CoverageAspect } from "../spec/common/coverage.ts";

/**
 * How every report words a model's coverage (spec/common/coverage.ts): the same heading and
 * the same aspects, in the same order, in Markdown, HTML, JUnit and `list`.
 */

const TITLES: Readonly<Record<CoverageAspect, string>> = { bounds: "Bounds", faults: "Faults", budgets: "Budgets", time: "Time" };

/**
 * A pass (or a finished simulation, which passes as far as it went) is a claim about the space
 * the coverage describes; a violation or an incomplete run is no claim, and the same lists say
 * only what was configured.
 */
export function coverageHeading(result: Result): string {
  return result.result === "pass" || result.result === "no-violation" ? "What this pass covers" : "Configuration";
}

/** The aspects in order, each with its title and lines. */
export function coverageAspects(covers: Coverage): { aspect: CoverageAspect; title: string; lines: readonly string[] }[] {
  return COVERAGE_ASPECTS.map((aspect) => ({ aspect, title: TITLES[aspect], lines: covers[aspect] }));
}

/** "bounds: a; b — faults: c — budgets: d — time: e", for one line of `list`. */
export function coverageLine(covers: Coverage): string {
  return COVERAGE_ASPECTS.map((aspect) => `${aspect}: ${covers[aspect].join("; ")}`).join(" — ");
}
