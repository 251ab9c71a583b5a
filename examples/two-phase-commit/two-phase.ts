import { defineModel, defineProtocol, type ActorOutput, type ProtocolStepKind, type StepFields } from "consensus-check";
import { assign, emit, setup } from "xstate";
import { z } from "zod";

/**
 * Two-phase commit (Gray & Lamport, "Consensus on Transaction Commit", 2006) exactly as Lamport's
 * TwoPhase.tla (github.com/tlaplus/Examples) writes it: a transaction manager (TM) and resource
 * managers (RMs) that each prepare or choose to abort; the TM commits once every RM has prepared,
 * or aborts at any time before that. Its messages are a set that is never consumed, so the
 * network here is "persistent": a delivered message stays in flight.
 */
const messageSchema = z.discriminatedUnion("type", [
  z.object({ type: z.literal("Prepared") }).strict(), // TLA+'s [type |-> "Prepared", rm |-> rm]: rm is the sender
  z.object({ type: z.literal("Commit") }).strict(),
  z.object({ type: z.literal("Abort") }).strict(),
]);
type Message = z.infer<typeof messageSchema>;

const configSchema = z
  .object({
    rms: z.number().int().min(1).max(5).describe("Resource managers RM1…"),
    eagerCommit: z.boolean().default(false).describe("Mutant: the TM commits once any RM has prepared, not all of them."),
  })
  .strict();
type Config = z.infer<typeof configSchema>;
const rmNames = (config: Config) => Array.from({ length: config.rms }, (_, i) => `RM${i + 1}`);

/** The TM: TMRcvPrepared (a delivered Prepared), TMCommit and TMAbort (its own steps, below). */
const tm = setup({
  types: {
    context: {} as { rms: string[]; prepared: string[]; eagerCommit: boolean },
    input: {} as { rms: string[]; eagerCommit: boolean },
    events: {} as (Message & { from: string }) | { type: "COMMIT" } | { type: "ABORT" },
    emitted: {} as ActorOutput<Message>,
  },
  guards: {
    // TMCommit: tmPrepared = RM (the mutant: tmPrepared ≠ {}).
    mayCommit: ({ context }) => context.prepared.length === context.rms.length || (context.eagerCommit && context.prepared.length > 0),
  },
  actions: {
    notePrepared: assign(({ context, event }) => ({ prepared: [...new Set([...context.prepared, (event as { from: string }).from])].sort() })),
    sendCommit: emit(({ context }) => ({ type: "send" as const, to: context.rms, message: { type: "Commit" as const } })),
    sendAbort: emit(({ context }) => ({ type: "send" as const, to: context.rms, message: { type: "Abort" as const } })),
  },
}).createMachine({
  context: ({ input }) => ({ ...input, prepared: [] }),
  initial: "init",
  states: {
    init: {
      on: {
        Prepared: { actions: "notePrepared" }, // TMRcvPrepared
        COMMIT: { guard: "mayCommit", target: "committed", actions: "sendCommit" }, // TMCommit
        ABORT: { target: "aborted", actions: "sendAbort" }, // TMAbort
      },
    },
    // Not final: a final machine's messages are discarded, and msgs must keep every Prepared.
    committed: {},
    aborted: {},
  },
});

/** An RM: RMPrepare and RMChooseToAbort (its own steps), RMRcvCommitMsg and RMRcvAbortMsg (in any state, as in TwoPhase.tla). */
const rm = setup({
  types: { events: {} as (Message & { from: string }) | { type: "PREPARE" } | { type: "CHOOSE_TO_ABORT" }, emitted: {} as ActorOutput<Message> },
  actions: { sendPrepared: emit({ type: "send" as const, to: "TM", message: { type: "Prepared" as const } }) },
}).createMachine({
  initial: "working",
  on: { Commit: ".committed", Abort: ".aborted" },
  states: {
    working: { on: { PREPARE: { target: "prepared", actions: "sendPrepared" }, CHOOSE_TO_ABORT: "aborted" } },
    prepared: {},
    committed: {},
    aborted: {},
  },
});

/** An actor's own step, with no fields: enabled whenever its machine takes the event. */
const own = (role: string, type: string, description: string): ProtocolStepKind<Config> => ({
  description,
  roles: [role],
  fields: z.object({}).strict() as z.ZodType<StepFields>,
  offers: () => [{}],
  event: () => ({ type }),
});

export const twoPhase = defineProtocol<Config, Message>({
  name: "two-phase",
  roles: { tm, rm },
  messageSchema,
  describeMessage: (message) => ({ id: message.type, label: message.type }),
  actors: (config) => [{ name: "TM", role: "tm", input: { rms: rmNames(config), eagerCommit: config.eagerCommit } }, ...rmNames(config).map((name) => ({ name, role: "rm" }))],
  network: () => ({ duplication: "persistent", loss: false }),
  faults: () => ({ crashes: 0, midMulticast: false }),
  time: () => ({ kind: "async" }),
  summarise: (actor) => (actor.role === "tm" ? `${String(actor.value)}, prepared: ${actor.context.prepared.join(" ") || "none"}` : String(actor.value)),
  steps: {
    commit: own("tm", "COMMIT", "TMCommit: the TM commits (every RM prepared) and sends Commit."),
    abort: own("tm", "ABORT", "TMAbort: the TM aborts before deciding and sends Abort."),
    prepare: own("rm", "PREPARE", "RMPrepare: a working RM prepares and sends Prepared."),
    "choose-to-abort": own("rm", "CHOOSE_TO_ABORT", "RMChooseToAbort: a working RM aborts on its own."),
  },
  invariants: (config) => [
    {
      name: "TPTypeOK",
      holds: (view) =>
        view.role("rm").every((actor) => ["working", "prepared", "committed", "aborted"].includes(actor.value as string)) &&
        ["init", "committed", "aborted"].includes(view.actor("TM").value as string) &&
        view.actor("TM").context.prepared.every((name: string) => rmNames(config).includes(name)),
    },
    { name: "TCConsistent", holds: (view) => !(view.role("rm").some((actor) => actor.value === "aborted") && view.role("rm").some((actor) => actor.value === "committed")) },
  ],
  sometimes: () => [
    { name: "all committed", holds: (view) => view.role("rm").every((actor) => actor.value === "committed") },
    { name: "all aborted", holds: (view) => view.role("rm").every((actor) => actor.value === "aborted") },
  ],
});

const assumptions = "TwoPhase.tla's: messages are a set never consumed (any delivered any number of times, in any order); no crashes, no loss.";

/**
 * TLC on TwoPhase.tla with 3 RMs: 288 distinct states, depth 11, 1,146 states generated. Here
 * depth counts from 0 at the initial state (TLC's 11 is our 10), and transitions are edges:
 * TLC's 1,146 less its initial state, plus 456 deliveries of a Prepared to a TM that has decided
 * (TMRcvPrepared needs tmState = "init"; our network offers every message in flight: a self-loop).
 */
export const rm3 = defineModel({
  name: "two-phase/rm3",
  description: "Two-phase commit with 3 resource managers: TLC's figures for TwoPhase.tla.",
  assumptions,
  protocol: twoPhase,
  configSchema,
  config: { rms: 3 },
  expected: { result: "pass", distinctStates: 288, maxDepth: 10, transitions: 1_601, sometimes: { "all committed": 10, "all aborted": 3 } },
});

/** The mutant: the TM commits after one Prepared; an RM that chose to abort meets one that committed. */
export const rm3EagerCommit = defineModel({
  name: "two-phase/rm3_eager_commit",
  description: "Mutant: the TM commits once any RM has prepared; TCConsistent fails.",
  assumptions,
  protocol: twoPhase,
  configSchema,
  config: { rms: 3, eagerCommit: true },
  expected: { result: "violation", property: "TCConsistent", distinctStates: 162, maxDepth: 5, transitions: 518 },
});
