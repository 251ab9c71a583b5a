import { COVERAGE_ASPECTS, type Coverage, type CoverageAspect } from "../../spec/common/coverage.ts";

/**
 * How a model's coverage changed with its config: the aspects whose lines differ, and the
 * lines that are new. Tests say which aspect a config field belongs to and that its new value
 * shows, without copying a model's wording.
 */
export function coverageChange(before: Coverage, after: Coverage): { aspects: CoverageAspect[]; added: string } {
  const aspects = COVERAGE_ASPECTS.filter((aspect) => JSON.stringify(before[aspect]) !== JSON.stringify(after[aspect]));
  const added = COVERAGE_ASPECTS.flatMap((aspect) => after[aspect].filter((line) => !before[aspect].includes(line)));
  return { aspects, added: added.join("\n") };
}
