import { definePbftModel } from "../pbft/define-pbft-model.ts";
import { preparedAgreement } from "../../properties/pbft/prepared-agreement.ts";
import { invalidViewChangeRefused } from "../../properties/pbft/view-change-reachable.ts";
import { checkpointQuorum, prepareQuorum, quorumSize } from "../../spec/pbft/quorum.ts";
import { crashedPrimaryConfig } from "./n4_f1_crashed_primary.ts";

/**
 * A Byzantine replica that lies in the view change (TOCS §4.4): R0, the silent first primary,
 * sends one replica of its choice one VIEW-CHANGE of its choice (`forge-view-change`, budget 1):
 * stale (the genesis checkpoint, nothing prepared — valid, so logged, and enough with R2's and
 * R1's own to make a V without R3), partial (a certificate for the client's request with one
 * PREPARE) or forged (2f PREPAREs, R1's or R2's signature made up) — both refused by
 * `isValidViewChange`, so the new primary never puts them in V. Safety across views holds.
 *
 * Liveness holds within 32 steps of GST. It was undecided until the replica kept a later view's
 * messages in the normal case too (`isForLaterView`): with R0's stale VIEW-CHANGE, R1 sends its
 * NEW-VIEW while R3 still runs view 0 (it never suspected R0), and R1's PRE-PREPARE for view 1
 * can reach R3 before the NEW-VIEW; dropped, it left R1 and R2 one PREPARE short for good — a
 * 17-step run to the cut-off, the liveness gap this model found.
 * With `replay` besides, the same adversary passes 400,000 states at depth 16 still growing (16 s):
 * old-view replays are covered by the replica's `isObsolete` tests instead.
 */
export const n4_f1_forged_view_changes = definePbftModel({
  name: "view-change/n4_f1_forged_view_changes",
  description:
    "n = 4, f = 1, 2f+1 quorums, 1 client with 1 request; the primary R0 is Byzantine and silent in view 0, and sends one replica one VIEW-CHANGE for view 1 " +
    "with a stale checkpoint and nothing prepared, a prepared certificate with one PREPARE, or one with PREPAREs it never received (their signatures fail). " +
    "The partial and forged ones are refused; safety across views holds, and every request is accepted within 32 steps of GST, also where the stale one lets R1 send NEW-VIEW before R3 suspects R0.",
  config: {
    ...crashedPrimaryConfig,
    byzantine: [{ replica: 0, behaviours: ["forge-view-change"] }],
    forgeryBudget: 1,
  },
  // 342,582 states in about 20 s: the full profile (npm start); byzantine_primary stands for a Byzantine R0 in npm test.
  profile: "full",
  extraInvariants: [preparedAgreement],
  // The paper's certificate sizes at n = 4, f = 1 (2f+1 quorums), as the replicas check them.
  extraSometimes: [invalidViewChangeRefused({ n: 4, prepareQuorum: prepareQuorum(4, 1, "2f+1"), checkpointQuorum: checkpointQuorum(4, 1, "2f+1"), viewChangeQuorum: quorumSize(4, 1, "2f+1") })],
  expected: {
    result: "pass",
    distinctStates: 342_582,
    maxDepth: 33,
    transitions: 1_980_907,
    sometimes: {
      "a request executed by every correct replica": 22,
      "Byzantine R0's forge-view-change forgery delivered to a correct replica": 2,
      "a view change completed": 7,
      "a request executed in a view ≥ 1": 18,
      "a forged or partial VIEW-CHANGE refused": 3,
    },
    liveness: { "every client's requests accepted": { verdict: "holds", bound: 32 } },
  },
});
