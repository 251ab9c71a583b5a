export { pbftN4F1Model, pbftN4F1MutantModel, pbftN4F1ConfigSchema } from "./definition.ts";
export { buildPbftN4F1, type PbftN4F1Config } from "./system.ts";
export { agreement, validity, allCorrectCommitted } from "./properties.ts";
export { describePbftState } from "./describe.ts";
export type { PbftState } from "./layout.ts";
export { compileSpinOracle, hasSpinAndGcc, parseSpinOutput, runSpinOracle, PROMELA_FILE, type CompiledSpinOracle, type SpinFigures } from "./spin-oracle.ts";
