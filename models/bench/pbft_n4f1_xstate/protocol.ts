import { z } from "zod";
import type { ActorView, ProtocolDefinition, ProtocolStepKind, RuntimeInvariant } from "../../../impl/runtime/index.ts";
import { describeOracleMessage, ORACLE_VALUES, oracleMessageSchema, type OracleMessage } from "./messages.ts";
import { oraclePrimaryMachine } from "./primary-machine.ts";
import { oracleReplicaMachine } from "./replica-machine.ts";
import type { PbftN4F1Config } from "../pbft_n4f1/system.ts";

/** SPEC.md §1: replicas R0…R3, R0 the Byzantine primary, R1–R3 correct. */
const CORRECT = ["R1", "R2", "R3"] as const;

const isCommittedCorrect = (replica: ActorView): boolean => replica.correct && replica.value === "committed";

/** SPEC.md §6 Agreement: no two correct replicas commit different values. */
const agreement: RuntimeInvariant = {
  name: "agreement",
  holds(view) {
    let value: string | undefined;
    for (const replica of view.role("replica")) {
      if (!isCommittedCorrect(replica)) continue;
      if (value !== undefined && replica.context.val !== value) return false;
      value = replica.context.val;
    }
    return true;
  },
};

/** SPEC.md §6 Validity: a committed value was accepted in a PRE-PREPARE by at least f+1 = 2 correct replicas. */
const validity: RuntimeInvariant = {
  name: "validity",
  holds(view) {
    const replicas = view.role("replica");
    for (const replica of replicas) {
      if (!isCommittedCorrect(replica)) continue;
      let accepted = 0;
      for (const other of replicas) if (other.correct && other.context.val === replica.context.val) accepted++;
      if (accepted < 2) return false;
    }
    return true;
  },
};

const committedValue = (value: string): RuntimeInvariant => ({
  name: `a correct replica committed ${value}`,
  holds: (view) => view.role("replica").some((replica) => isCommittedCorrect(replica) && replica.context.val === value),
});

const valueField = z.enum(ORACLE_VALUES);
const toField = z.enum(CORRECT);

/**
 * One of the Byzantine primary's two behaviours (SPEC.md §4 BYZ_PRE_PREPARE, BYZ_COMMIT): send a
 * backup a message of `type` for either value; its machine's guard allows one per backup.
 */
function primaryStep(type: "PRE-PREPARE" | "COMMIT", event: "BYZ_PRE_PREPARE" | "BYZ_COMMIT"): ProtocolStepKind<PbftN4F1Config> {
  return {
    description: `The Byzantine primary sends a backup a ${type} for either value (at most one per backup: its machine's guard).`,
    fields: z.object({ to: toField, value: valueField }).strict(),
    roles: ["byzantinePrimary"],
    byzantine: true,
    offers: () => CORRECT.flatMap((to) => ORACLE_VALUES.map((value) => ({ to, value }))),
    event: (fields) => ({ type: event, to: fields.to, value: fields.value }),
    label: (fields) => `${type}(${String(fields.value)}) → ${String(fields.to)}`,
  };
}

/**
 * The oracle model of models/bench/pbft_n4f1/SPEC.md as XState machines on the runtime: three
 * correct replica machines, replica 0 as a Byzantine strategy machine whose two behaviours are
 * the protocol's step kinds, an unordered network with neither loss nor duplication, no timers.
 * It must reach SPEC.md §7's exact figures: this is the honest measure of the XState path.
 */
export const oracleProtocol: ProtocolDefinition<PbftN4F1Config, OracleMessage> = {
  name: "pbft-oracle",
  roles: { replica: oracleReplicaMachine, byzantinePrimary: oraclePrimaryMachine },
  messageSchema: oracleMessageSchema,
  describeMessage: describeOracleMessage,
  actors: (config) => [
    { name: "R0", role: "byzantinePrimary" },
    ...CORRECT.map((self) => ({ name: self, role: "replica", input: { self, others: CORRECT.filter((other) => other !== self), qp: config.qp, qc: config.qc } })),
  ],
  network: () => ({ duplication: "none", loss: false }),
  faults: () => ({ crashes: 0, midMulticast: false, byzantine: ["R0"], budget: 1 }),
  time: () => ({ kind: "async" }),
  bounds: (config) => [`one view, one sequence number, values A and B; quorums QP = ${config.qp}, QC = ${config.qc}`],
  invariants: (config) => (config.properties ?? ["agreement", "validity"]).map((name) => (name === "agreement" ? agreement : validity)),
  sometimes: () => [committedValue("A"), committedValue("B")],
  steps: {
    "pre-prepare": primaryStep("PRE-PREPARE", "BYZ_PRE_PREPARE"),
    commit: primaryStep("COMMIT", "BYZ_COMMIT"),
  },
  summarise: (actor) => (actor.role === "byzantinePrimary" ? "Byzantine" : actor.value === "idle" ? "idle" : `${String(actor.value)} ${actor.context.val}`),
};
