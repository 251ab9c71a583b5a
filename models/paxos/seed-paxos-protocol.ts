import { z } from "zod";
import type { ProtocolDefinition } from "../../impl/runtime/index.ts";
import { paxosInvariantsOver, seedChoiceHistory, seedReading } from "../../properties/paxos/index.ts";
import { describeSeedPaxosMessage, seedAcceptorMachine, seedPaxosMessageSchema, seedProposerMachine, type SeedPaxosMessage } from "../../spec/paxos/seed/index.ts";

/** A seed-paxos configuration: who takes part, how the undefined `promise`/`accept` are read, which faults. */
export const seedPaxosConfigSchema = z
  .object({
    proposers: z.number().int().min(1).max(4).describe("Proposers P0…, each calls paxosPropose(vi) once"),
    acceptors: z.number().int().min(1).max(5).describe("Acceptors A0…; paxosPropose needs more than half of them"),
    reading: z.enum(["grant-all", "first-come"]).describe("R1 grant-all: promise() is always true; R2 first-come: true only for the first value asked"),
    network: z.object({ duplication: z.enum(["none", "persistent"]), loss: z.boolean() }).strict(),
    /** Proposers that may crash (stop), part-way through a multicast too. */
    crashes: z.number().int().min(0).max(2),
  })
  .strict();
export type SeedPaxosConfig = z.infer<typeof seedPaxosConfigSchema>;

const seedInvariants = paxosInvariantsOver(seedReading);

/**
 * The seed's `paxosPropose` on the runtime (spec/paxos/seed): proposers that call it once,
 * acceptors under one reading of `promise`/`accept`, PX1–PX5 over the ballot-less reading of
 * "chosen" and its ghost history (properties/paxos/seed-chosen.ts).
 */
export const seedPaxosProtocol: ProtocolDefinition<SeedPaxosConfig, SeedPaxosMessage> = {
  name: "seed-paxos",
  roles: { proposer: seedProposerMachine, acceptor: seedAcceptorMachine },
  messageSchema: seedPaxosMessageSchema,
  describeMessage: describeSeedPaxosMessage,
  actors(config) {
    const acceptors = Array.from({ length: config.acceptors }, (_, i) => `A${i}`);
    return [
      ...Array.from({ length: config.proposers }, (_, index) => ({ name: `P${index}`, role: "proposer", input: { value: `v${index}`, acceptors } })),
      ...acceptors.map((name) => ({ name, role: "acceptor", input: { reading: config.reading } })),
    ];
  },
  network: (config) => config.network,
  faults: (config) => ({ crashes: config.crashes, crashable: ["proposer"], midMulticast: true }),
  time: () => ({ kind: "async" }),
  // The seed's proposer machine calls paxosPropose once and has no retry (spec/paxos/seed).
  bounds: (config) => [`one paxosPropose call per proposer; acceptors under reading ${config.reading}`],
  invariants: () => seedInvariants,
  history: seedChoiceHistory,
  summarise(actor) {
    const context = actor.context;
    if (actor.role === "acceptor") {
      const promised = context.promised === null ? "" : `promised ${context.promised}, `;
      return `${promised}${context.value === null ? "holds nothing" : `holds ${context.value}`}`;
    }
    const state = String(actor.value);
    if (state === "returnedTrue") return `returned true (${context.value})`;
    if (state === "returnedFalse") return "returned false";
    return state === "idle" ? state : `${state} ${context.value}: ${context.granted.length} granted, ${context.refused.length} refused`;
  },
};
