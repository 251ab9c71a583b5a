import { z } from "zod";
import type { ProtocolDefinition, RuntimeInvariant, RuntimeView } from "../../../impl/runtime/index.ts";
import { describeOracleMessage, ORACLE_VALUES, oracleMessageSchema, type OracleMessage } from "./messages.ts";
import { oraclePrimaryMachine } from "./primary-machine.ts";
import { oracleReplicaMachine } from "./replica-machine.ts";
import type { PbftN4F1Config } from "../pbft_n4f1/system.ts";

/** SPEC.md §1: replicas R0…R3, R0 the Byzantine primary, R1–R3 correct. */
const CORRECT = ["R1", "R2", "R3"] as const;

const committed = (view: RuntimeView) => view.role("replica").filter((replica) => replica.correct && replica.value === "committed");

/** SPEC.md §6 Agreement: no two correct replicas commit different values. */
const agreement: RuntimeInvariant = { name: "agreement", holds: (view) => new Set(committed(view).map((replica) => replica.context.val)).size <= 1 };

/** SPEC.md §6 Validity: a committed value was accepted in a PRE-PREPARE by at least f+1 = 2 correct replicas. */
const validity: RuntimeInvariant = {
  name: "validity",
  holds: (view) => committed(view).every((replica) => view.role("replica").filter((other) => other.correct && other.context.val === replica.context.val).length >= 2),
};

const committedValue = (value: string): RuntimeInvariant => ({ name: `a correct replica committed ${value}`, holds: (view) => committed(view).some((replica) => replica.context.val === value) });

const valueField = z.enum(ORACLE_VALUES);
const toField = z.enum(CORRECT);

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
    "pre-prepare": {
      description: "The Byzantine primary sends a backup a PRE-PREPARE for either value (at most one per backup: its machine's guard).",
      fields: z.object({ to: toField, value: valueField }).strict(),
      roles: ["byzantinePrimary"],
      byzantine: true,
      offers: () => CORRECT.flatMap((to) => ORACLE_VALUES.map((value) => ({ to, value }))),
      event: (fields) => ({ type: "BYZ_PRE_PREPARE", to: fields.to, value: fields.value }),
      label: (fields) => `PRE-PREPARE(${String(fields.value)}) → ${String(fields.to)}`,
    },
    commit: {
      description: "The Byzantine primary sends a backup a COMMIT for either value (at most one per backup: its machine's guard).",
      fields: z.object({ to: toField, value: valueField }).strict(),
      roles: ["byzantinePrimary"],
      byzantine: true,
      offers: () => CORRECT.flatMap((to) => ORACLE_VALUES.map((value) => ({ to, value }))),
      event: (fields) => ({ type: "BYZ_COMMIT", to: fields.to, value: fields.value }),
      label: (fields) => `COMMIT(${String(fields.value)}) → ${String(fields.to)}`,
    },
  },
  summarise: (actor) => (actor.role === "byzantinePrimary" ? "Byzantine" : actor.value === "idle" ? "idle" : `${String(actor.value)} ${actor.context.val}`),
};
