import { z } from "zod";
import type { ProtocolDefinition } from "../../impl/runtime/index.ts";
import { linkMessageSchema, receiverMachine, senderMachine, type LinkMessage } from "../../spec/links/index.ts";

export const linksConfigSchema = z
  .object({
    retransmissions: z.number().int().min(0).max(4, "must be at most 4 (each resend is one more copy in flight)").describe("Resends the sender may make before it stops (the model's cut-off)."),
    resendOnTimeout: z.boolean().default(true).describe("Mutant when false: the timeout re-arms the timer without resending."),
    loss: z.boolean().default(true).describe("The network may lose DATA and ACK messages (before GST only, under partial-sync)."),
    time: z.enum(["async", "partial-sync"]).default("partial-sync").describe("async: no bound on delays; partial-sync: Δ-bounded after a gst step."),
    delta: z.number().int().min(1).max(3, "must be at most 3 (ages grow the space)").default(1).describe("Δ in steps, under partial-sync."),
    timeouts: z.enum(["delta", "long-enough"]).default("delta").describe("Under partial-sync, after GST: delta: a timer waits only for overdue messages to its actor; long-enough: for every delivery in progress."),
  })
  .strict();
export type LinksConfig = z.infer<typeof linksConfigSchema>;
export type LinksConfigInput = z.input<typeof linksConfigSchema>;

/**
 * One link, S → R, made reliable by retransmission (seed catalogue: "over fair-loss links with
 * retransmission, every message between correct nodes is eventually delivered, within a bound
 * after GST"): the smallest protocol whose liveness the explorer checks, and the one whose
 * failures are easiest to read as lassos.
 */
export const linksProtocol: ProtocolDefinition<LinksConfig, LinkMessage> = {
  name: "links",
  roles: { sender: senderMachine, receiver: receiverMachine },
  messageSchema: linkMessageSchema,
  describeMessage: (message) => ({ id: message.type, label: message.type }),
  actors: (config) => [
    { name: "S", role: "sender", input: { receiver: "R", retransmissions: config.retransmissions, resendOnTimeout: config.resendOnTimeout } },
    { name: "R", role: "receiver" },
  ],
  network: (config) => ({ duplication: "none", loss: config.loss }),
  faults: () => ({ crashes: 0, midMulticast: false }),
  time: (config) => (config.time === "async" ? { kind: "async" } : { kind: "partial-sync", delta: config.delta, timeouts: config.timeouts }),
  bounds: (config) => [`at most ${config.retransmissions} resends of DATA`],
  invariants: () => [{ name: "acknowledged only what was received", holds: (view) => view.actor("S").value !== "acknowledged" || view.actor("R").context.received === true }],
  sometimes: () => [
    { name: "the receiver has the payload", holds: (view) => view.actor("R").context.received === true },
    { name: "a resend", holds: (view) => view.actor("S").context.resent > 0 },
  ],
  liveness: () => [{ name: "the sender eventually has its ACK", kind: "eventually", holds: (view) => view.actor("S").value === "acknowledged" }],
  livenessCutOff: () => ({ name: "the sender used every resend", holds: (view) => view.actor("S").value === "exhausted" }),
};
