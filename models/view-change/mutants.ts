import { definePbftModel } from "../pbft/define-pbft-model.ts";
import type { ByzantineBehaviour, PbftConfigInput, ViewChangeConfig } from "../../spec/pbft/config.ts";
import { crashedPrimaryConfig } from "./n4_f1_crashed_primary.ts";

/**
 * Expected failures (seed catalogue A18): each a shipped view-change bug, a config flag that
 * replaces one named rule of the replica (`viewChange.bug`), caught by a property of
 * properties/pbft. BFS stops at the first violation, so each explores only to its depth.
 */

/** The crashed-primary cluster with one Byzantine replica allowed `budget` forgeries of one kind, under a view-change bug. */
const forgeriesUnder = (replica: number, behaviour: ByzantineBehaviour, budget: number, bug: NonNullable<ViewChangeConfig["bug"]>): PbftConfigInput => ({
  ...crashedPrimaryConfig,
  byzantine: [{ replica, behaviours: [behaviour] }],
  forgeryBudget: budget,
  viewChange: { maxView: 1, time: "partial-sync", delta: 2, timeouts: "long-enough", bug },
});

/**
 * A primary that crashed part-way through its PRE-PREPARE multicast: R0 pre-prepares the
 * request to two backups of its choice, then sends nothing (a Byzantine `equivocate` budget of
 * 2 forgeries on seq 1), so that two backups can prepare it in view 0 and the view change must
 * carry their certificates.
 */
const halfSentPrePrepareConfig = (bug: "ignore-prepared-sets" | "drop-prepared-certificates"): PbftConfigInput => forgeriesUnder(0, "equivocate", 2, bug);

/** (a) The new primary ignores V's P sets: O holds only null requests. */
export const n4_f1_ignore_prepared_sets = definePbftModel({
  name: "view-change/n4_f1_ignore_prepared_sets",
  description:
    "Mutant: the new primary builds O as if no VIEW-CHANGE carried a prepared certificate (null requests only), and the backups recompute it the same way. " +
    "R0 pre-prepares the request to two backups, then stops. A NEW-VIEW whose O is not the one V gives is installed.",
  config: halfSentPrePrepareConfig("ignore-prepared-sets"),
  expected: { result: "violation", property: "NEW-VIEW installed as verified", distinctStates: 29_100, maxDepth: 14 },
});

/** (b) Backups install a NEW-VIEW without recomputing O from V. */
export const n4_f1_unchecked_new_view = definePbftModel({
  name: "view-change/n4_f1_unchecked_new_view",
  description:
    "Mutant: a backup checks V (2f+1 valid VIEW-CHANGEs) but takes the primary's O as it comes. R0 is a correct primary; R1, the primary of view 1, is Byzantine " +
    "and sends a NEW-VIEW with a genuine V and an O with one null request more than V gives, which a backup installs.",
  config: forgeriesUnder(1, "forge-new-view", 1, "unchecked-new-view"),
  expected: { result: "violation", property: "NEW-VIEW installed as verified", distinctStates: 3_007, maxDepth: 10 },
});

/** (c) A NEW-VIEW on f+1 VIEW-CHANGEs instead of 2f+1. */
export const n4_f1_weak_view_change_quorum = definePbftModel({
  name: "view-change/n4_f1_weak_view_change_quorum",
  description:
    "Mutant: a NEW-VIEW needs only f+1 VIEW-CHANGEs (the new primary's and one more), and the backups accept such a V. R0 has crashed; a replica installs a NEW-VIEW whose V is no 2f+1 certificate.",
  config: { ...crashedPrimaryConfig, viewChange: { maxView: 1, time: "partial-sync", delta: 2, timeouts: "long-enough", bug: "weak-view-change-quorum" } },
  expected: { result: "violation", property: "NEW-VIEW installed as verified", distinctStates: 158, maxDepth: 7 },
});

/** (d) VIEW-CHANGEs carry no prepared certificates. */
export const n4_f1_drop_prepared_certificates = definePbftModel({
  name: "view-change/n4_f1_drop_prepared_certificates",
  description:
    "Mutant: a replica's VIEW-CHANGE carries an empty P. R0 pre-prepares the request to two backups, which prepare it; the NEW-VIEW's O does not assign it its seq.",
  config: halfSentPrePrepareConfig("drop-prepared-certificates"),
  expected: { result: "violation", property: "prepared certificates preserved into NEW-VIEW", distinctStates: 45_443, maxDepth: 15 },
});

/**
 * (e) Replicas that take a VIEW-CHANGE's C and P on trust (TOCS §4.4). R0, the silent first
 * primary, sends one replica a VIEW-CHANGE for view 1 whose prepared certificate names PREPAREs
 * it never received (`forge-view-change`): the new primary R1 logs it and builds V with it, and
 * a backup installs that NEW-VIEW. With one request the forged certificate names the request the
 * client really sent, so O still gives what a correct V would: the verified-NEW-VIEW property
 * catches it, not agreement.
 */
export const n4_f1_unchecked_view_change_certificates = definePbftModel({
  name: "view-change/n4_f1_unchecked_view_change_certificates",
  description:
    "Mutant: replicas log VIEW-CHANGEs and accept a NEW-VIEW's V without checking their checkpoint proofs and prepared certificates. R0 (Byzantine, silent in view 0) " +
    "sends R1 a VIEW-CHANGE with a forged or partial prepared certificate; R1 puts it in V, and a backup installs a NEW-VIEW whose V is no valid 2f+1 set.",
  config: forgeriesUnder(0, "forge-view-change", 1, "unchecked-view-change-certificates"),
  expected: { result: "violation", property: "NEW-VIEW installed as verified", distinctStates: 1_679, maxDepth: 8 },
});
