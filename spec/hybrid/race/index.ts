export { honestPoolMachine, type HonestPoolInput, type HonestPoolContext } from "./honest-pool-machine.ts";
export { attackerMachine, type AttackerInput, type AttackerContext } from "./attacker-machine.ts";
export { raceMessageSchema, describeRaceMessage, type RaceMessage } from "./messages.ts";
