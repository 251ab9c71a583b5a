import type { FiftyOnePercentCell, FiftyOnePercentReport, RuntimeRaceCell } from "../properties/hybrid/fifty-one-percent.ts";
import { BAND_SIGMAS, MIN_EXPECTED_SUCCESSES, type Band, type BandVerdict } from "../properties/hybrid/seed-band.ts";
import type { Estimate } from "../properties/hybrid/wilson.ts";
import { markdownCell } from "./escape/markdown-cell.ts";
import { markdownInline } from "./escape/markdown-inline.ts";
import { formatCount } from "./figures.ts";
import { formatProbability } from "./probability.ts";

/**
 * reports/fifty-one-percent.md: the 51 % analysis of seed §7.1 (Theorem 7.1, catalogue A48,
 * issue [07]) — which formula the simulations support under which reading, and where the
 * seed's formula leaves the band of the process it is assigned to. Flags are the table's
 * (properties/hybrid/fifty-one-percent.ts), never decided here.
 */
export function fiftyOnePercentMarkdown(report: FiftyOnePercentReport): string {
  const racing = report.cells.filter((cell) => cell.simulated !== undefined && cell.z > 0);
  const below = racing.filter((cell) => cell.againstRace.verdict === "below").length;
  const nakamotoBelow = racing.filter((cell) => cell.nakamoto < cell.rosenfeld).length;
  const withinOwn = report.cells.filter((cell) => cell.simulated !== undefined && cell.againstFromBehind.verdict === "within").length;
  const simulatedCells = report.cells.filter((cell) => cell.simulated !== undefined).length;
  const outside = report.cells.filter((cell) => cell.outsideUnitInterval).length;
  const byDp = report.cells.filter((cell) => cell.againstRace.band.reference === "dp" || cell.againstFromBehind.band.reference === "dp").length;
  return [
    "# The 51 % analysis (seed §7.1, Theorem 7.1)",
    "",
    `The success of a double spend against a merchant who waits for z confirmations, by an attacker with a share q of the hash power. Seed ${markdownInline(String(report.seed))}, ${formatCount(report.runs)} simulated runs per cell and process (profile ${markdownInline(report.profile)}; \`npm start\` runs the full profile). The catalogue asks 10^6 runs per cell; at these cells' cost that would take minutes on two cores, so the full profile takes what fits in about 30 s and the quick profile (every \`check --all\`) a tenth of it, and the exact programme stands in where a cell's runs see too few successes.`,
    "",
    "## Readings",
    "",
    "- **(i) from behind** — the seed's reading: the attacker starts z blocks behind, makes no progress while the merchant waits, and races with no deadline, winning on catching up. The seed's (q/p)^z is exactly this process (the gambler's ruin).",
    "- **(ii) the double-spend race** — Nakamoto, Bitcoin §11: the attacker mines its branch from the payment on, while the honest chain gains its z confirmations; from the merchant's acceptance it must **catch up** (a tie wins: Nakamoto's q_z, Rosenfeld 2014) or, stricter, **overtake** (be strictly longer). Theorem 7.1 gives its formula for this race.",
    "",
    `Rosenfeld's formula is exact for (ii) under catch-up; Nakamoto's Poisson approximation of the attacker's progress understates it at depth (below Rosenfeld in ${nakamotoBelow} of ${racing.length} cells with q < 1/2 and z ≥ 1: the deeper ones, where the gap grows with z; above at one confirmation and, up to z = 10, near q = 1/2); the seed's (q/p)^z ignores that progress and understates (ii) from one confirmation on: below the race's band in ${below} of ${racing.length} cells with q < 1/2 and z ≥ 1, and within the band of its own reading (i) in ${withinOwn} of ${simulatedCells} simulated cells.`,
    "",
    "## Method",
    "",
    `- **Formulas**: the seed's (q/(1−q))^z as written, Nakamoto's §11 Poisson sum, Rosenfeld's negative-binomial sum.`,
    `- **DP**: the exact programme over the random walk (properties/hybrid/race-dp.ts): the attacker's blocks during the confirmations summed over the lattice, times the gambler's ruin from there. Exact to floating point; it equals Rosenfeld's sum to 1e-12 (tested).`,
    `- **Simulated**: a seeded block-by-block race per process, estimate and 95 % Wilson interval. The attacker gives up ${report.giveUpBehind} blocks behind (recovering from there has chance (q/p)^${report.giveUpBehind}, below 6e-6 at q = 0.45).`,
    `- **Flags**: the seed's formula is held to the band of the process it is assigned to: the estimate ± ${BAND_SIGMAS}σ, or, where fewer than ${MIN_EXPECTED_SUCCESSES} successes are expected (success below ${formatProbability(MIN_EXPECTED_SUCCESSES / report.runs)} at these runs), the DP's exact value — marked "(DP)" (${byDp} cells). A formula outside [0, 1] is no probability: ${outside} cells.`,
    "- **q ≥ 1/2**: every reading gives 1 — certain success, shown as 1 exactly. The walk has no drift against the attacker (or drift towards it), so it reaches any lead with probability 1; no simulation runs there, since a drift-free walk's time to lead is unbounded in expectation and no bounded run could show it. The seed's formula as written exceeds 1 for q > 1/2 and z ≥ 1.",
    "",
    "## Table",
    "",
    "| q | z | seed (q/p)^z | Nakamoto | Rosenfeld | DP catch-up | simulated catch-up [95 % CI] | DP overtake | simulated overtake [95 % CI] | simulated (i) from behind [95 % CI] | seed vs race (ii) catch-up | seed vs (i) |",
    "|---|---|---|---|---|---|---|---|---|---|---|---|",
    ...report.cells.map(tableRow),
    "",
    "## On the runtime",
    "",
    `The catch-up race (ii) as a protocol on the actor runtime (models/hybrid/pow-race-protocol.ts): an honest pool and an attacker with hash power in whole units, one \`mine\` offer per unit, so that the runtime's random walk picks miners in proportion to their hash power; the ghost history decides the outcome. Each cell is seeded random walks to the race's end, a cross-check of the idealised simulation's process; Rosenfeld's value is held to the runtime's estimate ± ${BAND_SIGMAS}σ as the table holds the seed's formula.`,
    "",
    "| q | z | units (attacker/all) | runs | seed | on the runtime [95 % CI] | Rosenfeld | Rosenfeld vs the runtime's band |",
    "|---|---|---|---|---|---|---|---|",
    ...report.onRuntime.map(runtimeRow),
    "",
  ].join("\n");
}

function tableRow(cell: FiftyOnePercentCell): string {
  const seed = formatProbability(cell.seedFormula) + (cell.outsideUnitInterval ? " **outside [0,1]**" : "");
  const simulated = cell.simulated;
  const certain = "— (certain: 1)";
  return `| ${cell.q.toFixed(2)} | ${cell.z} | ${seed} | ${formatProbability(cell.nakamoto)} | ${formatProbability(cell.rosenfeld)} | ${formatProbability(cell.exact.catchUp)} | ${simulated ? estimate(simulated.catchUp) : certain} | ${formatProbability(cell.exact.overtake)} | ${simulated ? estimate(simulated.overtake) : certain} | ${simulated ? estimate(simulated.fromBehind) : certain} | ${verdict(cell.againstRace)} | ${verdict(cell.againstFromBehind)} |`;
}

function estimate(value: Estimate): string {
  return `${formatProbability(value.estimate)} [${formatProbability(value.low)}, ${formatProbability(value.high)}]`;
}

const REFERENCE_WORDS: Record<Band["reference"], string> = { simulation: `${BAND_SIGMAS}σ`, dp: "DP", certain: "certain" };

function verdict({ band, verdict }: { band: Band; verdict: BandVerdict }): string {
  const word = verdict === "within" ? "within" : `**${verdict}**`;
  return `${word} (${REFERENCE_WORDS[band.reference]})`;
}

function runtimeRow(cell: RuntimeRaceCell): string {
  const verdict = cell.rosenfeldAgainstRuntime === "within" ? "within" : `**${cell.rosenfeldAgainstRuntime}**`;
  return `| ${cell.q.toFixed(2)} | ${cell.z} | ${cell.attackerUnits}/${cell.hashUnits} | ${formatCount(cell.estimate.runs)} | ${markdownCell(String(cell.seed))} | ${estimate(cell.estimate)} | ${formatProbability(cell.rosenfeld)} | ${verdict} (${BAND_SIGMAS}σ) |`;
}
