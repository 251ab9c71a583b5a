import { z } from "zod";
import type { HistoryDeclaration, ProtocolDefinition, ProtocolStepKind, RuntimeView } from "../../impl/runtime/index.ts";
import { leadOf } from "../../properties/hybrid/attack-reading.ts";
import { attackerMachine, describeRaceMessage, honestPoolMachine, raceMessageSchema, type AttackerContext, type HonestPoolContext, type RaceMessage } from "../../spec/hybrid/race/index.ts";

/**
 * The double-spend race of Nakamoto's Bitcoin §11 on the actor runtime: an honest pool and an
 * attacker holding `hashUnits` units of hash power between them, the attacker `attackerUnits`
 * (q = attackerUnits / hashUnits). Mining is the protocol step `mine`, one offer per unit an
 * actor holds: the runtime's random walk picks uniformly among enabled actions
 * (explorer/strategies/random-walk.ts), so among the mining steps it picks a miner in proportion
 * to its hash power, whatever deliveries are enabled beside them. The outcome is the ghost
 * history's, read from both actors' chains after every step: it depends only on the order of the
 * mining steps, as in the idealised race (properties/hybrid/double-spend.ts).
 */
export const powRaceConfigSchema = z
  .object({
    hashUnits: z.number().int().min(2).max(100).describe("Units of hash power in all, one `mine` offer each"),
    attackerUnits: z.number().int().min(1).describe("The attacker's units: q = attackerUnits / hashUnits, below 1/2"),
    confirmations: z.number().int().min(0).max(50).describe("z: the honest blocks the merchant waits for"),
    reading: z.enum(["catch-up", "overtake"]).describe("catch-up: a tie reverses the payment; overtake: only a longer branch"),
    giveUpBehind: z.number().int().min(1).max(200).describe("The attacker abandons the race this many blocks behind"),
  })
  .strict()
  // At q ≥ 1/2 the race need not end (properties/hybrid/race-parameters.ts): success is certain.
  .refine((config) => 2 * config.attackerUnits < config.hashUnits, { message: "attackerUnits must be under half of hashUnits (q < 1/2)", path: ["attackerUnits"] });
export type PowRaceConfig = z.infer<typeof powRaceConfigSchema>;

/** The race's ghost history: undecided, then reversed (the attack succeeded) or held, for good. */
export interface RaceHistory {
  outcome: "racing" | "reversed" | "held";
}

const HONEST = "H";
const ATTACKER = "A";

/**
 * Decided as the idealised race decides (simulateDoubleSpend): once the honest chain has its z
 * confirmations, the payment is reversed when the attacker's branch leads by `lead`, and held
 * when it falls `giveUpBehind` behind. Both chains only grow by one block a step, so the first
 * state where either holds is the step that decides it.
 */
export const raceHistory: HistoryDeclaration<RaceHistory> = {
  initial: { outcome: "racing" },
  next(history: RaceHistory, view: RuntimeView): RaceHistory {
    if (history.outcome !== "racing") return history;
    const { height } = view.actor(HONEST).context as HonestPoolContext;
    const { branch, confirmations, lead, giveUpBehind } = view.actor(ATTACKER).context as AttackerContext;
    if (height < confirmations) return history;
    if (branch >= height + lead) return { outcome: "reversed" };
    if (height - branch >= giveUpBehind) return { outcome: "held" };
    return history;
  },
};

const mine: ProtocolStepKind<PowRaceConfig> = {
  description: "An actor finds a block: one offer per unit of hash power it holds, so that a uniform choice picks miners in proportion to their hash power.",
  fields: z.object({ unit: z.number().int().nonnegative() }).strict(),
  roles: ["honest", "attacker"],
  offers: (actor) => Array.from({ length: (actor.context as { units: number }).units }, (_, unit) => ({ unit })),
  event: () => ({ type: "MINE" }),
  label: () => "mines a block",
};

/** The payment was reversed: the ghost history says so. */
export function isReversed(view: RuntimeView): boolean {
  return (view.history as RaceHistory).outcome === "reversed";
}

export const powRaceProtocol: ProtocolDefinition<PowRaceConfig, RaceMessage> = {
  name: "pow-race",
  roles: { honest: honestPoolMachine, attacker: attackerMachine },
  messageSchema: raceMessageSchema,
  describeMessage: describeRaceMessage,
  actors(config) {
    const lead = leadOf(config.reading);
    return [
      { name: HONEST, role: "honest", input: { units: config.hashUnits - config.attackerUnits, attacker: ATTACKER, lead } },
      { name: ATTACKER, role: "attacker", input: { units: config.attackerUnits, honest: HONEST, confirmations: config.confirmations, lead, giveUpBehind: config.giveUpBehind } },
    ];
  },
  network: () => ({ duplication: "none", loss: false }),
  faults: () => ({ crashes: 0, midMulticast: false }),
  time: () => ({ kind: "async" }),
  bounds: (config) => [`the attacker gives up ${config.giveUpBehind} blocks behind`],
  invariants: () => [],
  sometimes: () => [{ name: "the payment reversed", holds: isReversed }],
  history: raceHistory as HistoryDeclaration<unknown>,
  steps: { mine },
  summarise(actor) {
    if (actor.role === "honest") return `${String(actor.value)}, chain ${(actor.context as HonestPoolContext).height}`;
    const context = actor.context as AttackerContext;
    return `${String(actor.value)}, branch ${context.branch}, knows ${context.honestKnown}`;
  },
};
