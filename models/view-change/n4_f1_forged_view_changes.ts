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
 * Liveness is undecided, and the run says why: with R0's stale VIEW-CHANGE, R1 sends its NEW-VIEW
 * while R3 still runs view 0 (it never suspected R0); R1's PRE-PREPARE for view 1 reaches R3
 * before the NEW-VIEW, and a replica in the normal case keeps no message of a later view
 * (`deferUntilNewView` keeps them only while changing views), so R3 never prepares, R1 and R2
 * hold one PREPARE short of a certificate, and R3's timer reaches the cut-off (view 1). The
 * protocol would move on to view 2 (or a retransmission would repair it); the model stops there.
 * With `replay` besides, the same adversary passes 400,000 states at depth 16 still growing (16 s):
 * old-view replays are covered by the replica's `isObsolete` tests instead.
 */
export const n4_f1_forged_view_changes = definePbftModel({
  name: "view-change/n4_f1_forged_view_changes",
  description:
    "n = 4, f = 1, 2f+1 quorums, 1 client with 1 request; the primary R0 is Byzantine and silent in view 0, and sends one replica one VIEW-CHANGE for view 1 " +
    "with a stale checkpoint and nothing prepared, a prepared certificate with one PREPARE, or one with PREPAREs it never received (their signatures fail). " +
    "The partial and forged ones are refused; safety across views holds, and liveness is undecided: the stale one lets R1 send NEW-VIEW before R3 suspects R0.",
  config: {
    ...crashedPrimaryConfig,
    byzantine: [{ replica: 0, behaviours: ["forge-view-change"] }],
    forgeryBudget: 1,
  },
  // 356,598 states in about 25 s: the full profile (npm start); byzantine_primary stands for a Byzantine R0 in npm test.
  profile: "full",
  extraInvariants: [preparedAgreement],
  // The paper's certificate sizes at n = 4, f = 1 (2f+1 quorums), as the replicas check them.
  extraSometimes: [invalidViewChangeRefused({ n: 4, prepareQuorum: prepareQuorum(4, 1, "2f+1"), checkpointQuorum: checkpointQuorum(4, 1, "2f+1"), viewChangeQuorum: quorumSize(4, 1, "2f+1") })],
  expected: {
    result: "pass",
    distinctStates: 356_598,
    maxDepth: 33,
    transitions: 2_028_999,
    sometimes: {
      "a request executed by every correct replica": 22,
      "Byzantine R0's forge-view-change forgery delivered to a correct replica": 2,
      "a view change completed": 7,
      "a request executed in a view ≥ 1": 18,
      "a forged or partial VIEW-CHANGE refused": 3,
    },
    liveness: { "every client's requests accepted": { verdict: "undecided", steps: 17 } },
  },
});
