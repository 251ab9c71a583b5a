import { defineRuntimeModel } from "../define-runtime-model.ts";
import type { Expectation, ModelDefinition } from "../model.ts";
import { linksConfigSchema, linksProtocol, type LinksConfig, type LinksConfigInput } from "./links-protocol.ts";

const ASSUMPTIONS =
  "One link S → R, partially synchronous (messages may be delayed at will, and lost where the model says so, until a gst step; after it none between correct actors is lost and the Δ rule bounds delays), no crashes; " +
  "liveness under weak fairness after GST; a sender whose timer fires with every resend spent is the model's cut-off: runs end there (undecided after GST, not judged before it).";

function defineLinksModel(name: string, description: string, config: LinksConfigInput, expected: Expectation): ModelDefinition<LinksConfig> {
  return defineRuntimeModel(linksProtocol, linksConfigSchema, { name, description, assumptions: ASSUMPTIONS, config, expected });
}

/**
 * Liveness on the smallest protocol that has it (seed catalogue: "over fair-loss links with
 * retransmission, every message between correct nodes is eventually delivered, within a bound
 * after GST"): the retransmitting link holds with its bound B when timeouts are long enough
 * after GST; spurious timeouts or losses can spend its bounded resends (undecided at the
 * cut-off); the sender that re-arms its timer without resending loses liveness, a lasso.
 */
export const linksModels = [
  defineLinksModel(
    "links/retransmit",
    "A sender resends DATA on every timeout, at most twice, until the receiver's ACK arrives; no message is lost, and after GST timeouts outlast every delivery in progress. Every fair run gets the ACK within B steps of GST.",
    { retransmissions: 2, loss: false, timeouts: "long-enough" },
    {
      result: "pass",
      distinctStates: 38,
      maxDepth: 7,
      transitions: 70,
      sometimes: { "the receiver has the payload": 1, "a resend": 1 },
      liveness: { "the sender eventually has its ACK": { verdict: "holds", bound: 4 } },
    },
  ),
  defineLinksModel(
    "links/retransmit_eager_timeouts",
    "links/retransmit under the Δ rule alone: after GST a timer may still fire before the ACK could arrive, so spurious timeouts can spend both resends. Undecided: the run reaches the model's bound after GST, where a real sender would resend again.",
    { retransmissions: 2, loss: false },
    {
      result: "pass",
      distinctStates: 83,
      maxDepth: 7,
      transitions: 161,
      sometimes: { "the receiver has the payload": 1, "a resend": 1 },
      liveness: { "the sender eventually has its ACK": { verdict: "undecided", steps: 4 } },
    },
  ),
  defineLinksModel(
    "links/retransmit_lossy",
    "links/retransmit where any message may be lost before GST: every copy of DATA can be lost, and the last timeout comes after GST with no resend left. Undecided, not violated: the model's bound (two resends) stops the run.",
    { retransmissions: 2, timeouts: "long-enough" },
    {
      result: "pass",
      distinctStates: 88,
      maxDepth: 8,
      transitions: 195,
      sometimes: { "the receiver has the payload": 1, "a resend": 1 },
      liveness: { "the sender eventually has its ACK": { verdict: "undecided", steps: 7 } },
    },
  ),
  defineLinksModel(
    "links/rearm_without_resend",
    "Mutant: on a timeout the sender re-arms its timer but resends nothing. Once the only DATA is lost before GST, the sender times out for ever after it: a fair lasso (the loss, GST, then a timeout repeated) in which the ACK never comes.",
    { retransmissions: 2, resendOnTimeout: false, timeouts: "long-enough" },
    {
      result: "violation",
      property: "the sender eventually has its ACK",
      distinctStates: 10,
      maxDepth: 3,
      liveness: { "the sender eventually has its ACK": { verdict: "violated", stem: 2, cycle: 1 } },
    },
  ),
];

export { linksProtocol, linksConfigSchema, type LinksConfig } from "./links-protocol.ts";
