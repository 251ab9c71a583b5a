import { defineRuntimeModel } from "../define-runtime-model.ts";
import type { Expectation, ModelDefinition } from "../model.ts";
import { linksConfigSchema, linksProtocol, type LinksConfig, type LinksConfigInput } from "./links-protocol.ts";

const ASSUMPTIONS =
  "One link S → R, partially synchronous (messages may be delayed at will, and lost where the model says so, until a gst step; after it none between correct actors is lost and the Δ rule bounds delays), no crashes; " +
  "liveness under weak fairness after GST; a sender that used every resend is the model's cut-off (a run stopped there is undecided, not a counterexample).";

function defineLinksModel(name: string, description: string, config: LinksConfigInput, expected: Expectation): ModelDefinition<LinksConfig> {
  return defineRuntimeModel(linksProtocol, linksConfigSchema, { name, description, assumptions: ASSUMPTIONS, config, expected });
}

/**
 * Liveness on the smallest protocol that has it (seed catalogue: "over fair-loss links with
 * retransmission, every message between correct nodes is eventually delivered, within a bound
 * after GST"): the retransmitting link holds with its bound B; with loss before GST its
 * bounded resends can all be lost (undecided at the cut-off); the sender that re-arms its
 * timer without resending loses liveness, shown as a lasso.
 */
export const linksModels = [
  defineLinksModel(
    "links/retransmit",
    "A sender resends DATA on every timeout, at most twice, until the receiver's ACK arrives; no message is lost. Every fair run gets the ACK within B steps of GST.",
    { retransmissions: 2, loss: false },
    {
      result: "pass",
      distinctStates: 83,
      maxDepth: 7,
      transitions: 161,
      sometimes: { "the receiver has the payload": 1, "a resend": 1 },
      liveness: { "the sender eventually has its ACK": { verdict: "holds", bound: 7 } },
    },
  ),
  defineLinksModel(
    "links/retransmit_long_timeouts",
    "links/retransmit with timeouts longer than any delivery in progress after GST (time.timeouts long-enough): no spurious resend after GST, so the ACK comes sooner after it.",
    { retransmissions: 2, loss: false, timeouts: "long-enough" },
    {
      result: "pass",
      distinctStates: 56,
      maxDepth: 7,
      transitions: 95,
      sometimes: { "the receiver has the payload": 1, "a resend": 1 },
      liveness: { "the sender eventually has its ACK": { verdict: "holds", bound: 4 } },
    },
  ),
  defineLinksModel(
    "links/retransmit_lossy",
    "links/retransmit where any message may be lost before GST: the three copies of DATA can all be lost, and the sender has no resend left. Undecided, not violated: the lasso stops at the model's bound (two resends), where a real stubborn link would go on resending.",
    { retransmissions: 2 },
    {
      result: "pass",
      distinctStates: 155,
      maxDepth: 8,
      transitions: 330,
      sometimes: { "the receiver has the payload": 1, "a resend": 1 },
      liveness: { "the sender eventually has its ACK": { verdict: "undecided", stem: 7, cycle: 0 } },
    },
  ),
  defineLinksModel(
    "links/rearm_without_resend",
    "Mutant: on a timeout the sender re-arms its timer but resends nothing. Once the only DATA is lost before GST, the sender times out for ever after it: a fair lasso (the loss, GST, then a timeout repeated) in which the ACK never comes.",
    { retransmissions: 2, resendOnTimeout: false },
    {
      result: "violation",
      property: "the sender eventually has its ACK",
      distinctStates: 14,
      maxDepth: 3,
      liveness: { "the sender eventually has its ACK": { verdict: "violated", stem: 2, cycle: 1 } },
    },
  ),
];

export { linksProtocol, linksConfigSchema, type LinksConfig } from "./links-protocol.ts";
