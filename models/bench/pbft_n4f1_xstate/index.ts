export { pbftN4F1XstateModel, pbftN4F1XstateMutantModel } from "./definition.ts";
export { oracleProtocol } from "./protocol.ts";
