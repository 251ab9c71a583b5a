import { z } from "zod";
import type { ProtocolDefinition } from "../../impl/runtime/index.ts";
import { paxosInvariants, paxosSometimes } from "../../properties/paxos/index.ts";
import { acceptorMachine, describePaxosMessage, paxosMessageSchema, proposerMachine, type PaxosMessage } from "../../spec/paxos/index.ts";

/** A single-decree Paxos configuration: who takes part, how many rounds, which faults. */
export const paxosConfigSchema = z
  .object({
    proposers: z.number().int().min(1).max(4).describe("Proposers P0…, proposer i proposes value vi"),
    acceptors: z.number().int().min(1).max(5).describe("Acceptors A0…; a majority is ⌊n/2⌋+1"),
    rounds: z.number().int().min(1).max(3).describe("Rounds (ballots) a proposer may try before it gives up"),
    network: z.object({ duplication: z.enum(["none", "persistent"]), loss: z.boolean() }).strict(),
    /** Proposers that may crash (stop), part-way through a multicast too. */
    crashes: z.number().int().min(0).max(2),
    /** Mutant: proposers ignore the votes promises report (breaks P2c). */
    ignorePromisedVotes: z.boolean().default(false),
    /**
     * An environment Paxos does not tolerate: one acceptor may crash and restart with no stable
     * storage, forgetting its promise and its votes (Paxos Made Simple §2.5 requires an
     * acceptor to remember them across a failure). Proposers then do not crash.
     */
    acceptorAmnesia: z.boolean().default(false).describe("One acceptor may crash and restart with amnesia (no stable storage)"),
  })
  .strict()
  .refine((config) => !config.acceptorAmnesia || config.crashes === 0, { message: "acceptorAmnesia is the run's one fault: set crashes to 0", path: ["crashes"] });
export type PaxosConfig = z.infer<typeof paxosConfigSchema>;

/**
 * Synod Paxos on the runtime: proposers and acceptors (spec/paxos), the four messages, crashes
 * of proposers (also mid-multicast), an unordered network that may lose or keep re-delivering
 * messages, asynchronous timers, the catalogue's properties PX1–PX5, and what must be reachable
 * (a value chosen, a proposer returned, a crash mid-multicast where crashes are on).
 */
export const paxosProtocol: ProtocolDefinition<PaxosConfig, PaxosMessage> = {
  name: "paxos",
  roles: { proposer: proposerMachine, acceptor: acceptorMachine },
  messageSchema: paxosMessageSchema,
  describeMessage: describePaxosMessage,
  actors(config) {
    const acceptors = Array.from({ length: config.acceptors }, (_, i) => `A${i}`);
    return [
      ...Array.from({ length: config.proposers }, (_, index) => ({
        name: `P${index}`,
        role: "proposer",
        input: { index, proposers: config.proposers, acceptors, value: `v${index}`, rounds: config.rounds, ignorePromisedVotes: config.ignorePromisedVotes },
      })),
      ...acceptors.map((name) => ({ name, role: "acceptor" })),
    ];
  },
  network: (config) => config.network,
  faults: (config) =>
    config.acceptorAmnesia ? { crashes: 1, crashable: ["acceptor"], midMulticast: false, recover: true } : { crashes: config.crashes, crashable: ["proposer"], midMulticast: true },
  time: () => ({ kind: "async" }),
  bounds: (config) => [`${config.rounds} round${config.rounds === 1 ? "" : "s"} per proposer (a ballot each), then it gives up`],
  invariants: () => paxosInvariants,
  sometimes: paxosSometimes,
  summarise(actor) {
    const context = actor.context;
    if (actor.role === "acceptor") {
      const last = context.votes.at(-1);
      return `promised b${context.promised}${last ? `, voted b${last.ballot}:${last.value}` : ""}`;
    }
    const state = String(actor.value);
    return state === "decided" ? `decided ${context.decided}` : state === "idle" ? state : `${state} b${context.ballot}${context.proposal ? ` ${context.proposal}` : ""}`;
  },
};
