import { describe, expect, it } from "vitest";
import { explore } from "../../../explorer/index.ts";
import { runtimeSystem } from "../../../impl/runtime/index.ts";
import { viewOf } from "../../../impl/runtime/runtime-views.ts";
import { follow, stepsAt } from "./follow.ts";
import { basePing, pingProtocol, type PingConfig } from "./ping-protocol.ts";

/** One ponger that stops after one PING; only the pinger may crash. */
const system = (config: Partial<PingConfig>) => runtimeSystem(pingProtocol, { ...basePing, pongers: 1, ...config });
const go = { timeout: "Pi", timer: "go" };
const ping = { deliver: "PING 1 Pi->Po0", from: "Pi", to: "Po0" };

describe("recovery: faults.recover, a recover step, a crash budget over the run", () => {
  it("state counts, crash-stop 8, with recovery 17, with two crashes 35", async () => {
    // Without crashes: I (Pi waiting), A (PING in flight), B (Po0 stopped, PONG in flight), C
    // (PONG counted): 4. Crash-stop adds Pi crashed, frozen, in each (its PONG discarded): 8.
    expect(await explore(system({ crashes: 1 }), { model: "ping" })).toMatchObject({ result: "pass", distinctStates: 8 });
    // Recovery: the counter word tells the 4 uncrashed states before the crash from those after
    // it; the 4 crashed (1 crash taken); and after the recovery Pi waits again, go set, beside
    // what it left: I, A, B, C again, a PING still in flight (then answered to a waiting Pi, whose
    // PONG it ignores, or sent twice), Po0 already stopped (then go's PING is discarded): 9. 17.
    expect(await explore(system({ crashes: 1, recover: true }), { model: "ping" })).toMatchObject({ result: "pass", distinctStates: 17 });
    // Two crashes: 4 + 13 as above, and after the second crash 7 crashed states (the 4 and Pi
    // frozen waiting with a PING in flight or Po0 stopped, or frozen pinging with two PINGs) and
    // 11 recovered ones (the 9 and a waiting Pi with two PINGs in flight, then three): 35.
    expect(await explore(system({ crashes: 2, recover: true }), { model: "ping" })).toMatchObject({ result: "pass", distinctStates: 35 });
  });

  it("restarts from the initial machine state with its entry outputs carried out, remembering nothing", () => {
    const built = system({ crashes: 1, recover: true, stopAfter: 2 });
    const crashed = follow(built, [go, ping, { crash: "Pi" }]);
    // The PONG to the crashed Pi was discarded; Pi's frozen snapshot is still pinging.
    expect(viewOf(built.runtime, crashed).inFlight()).toEqual([]);
    expect(stepsAt(built, crashed)).toEqual([{ recover: "Pi" }]);
    const recovered = follow(built, [{ recover: "Pi" }], crashed);
    expect(built.describeParticipants!(recovered)).toEqual({ Pi: "waiting", Po0: "serving" });
    expect(viewOf(built.runtime, recovered).actor("Pi")).toMatchObject({ crashed: false, context: { pongs: 0 } });
    // Its initial entry set go (and set and cancelled spare): go is its only timer; a message to it
    // sent after the recovery is delivered.
    expect(stepsAt(built, recovered)).toEqual([go]);
    const answered = follow(built, [go, ping, { deliver: "PONG 1 Po0->Pi", from: "Po0", to: "Pi" }], recovered);
    expect(viewOf(built.runtime, answered).actor("Pi").context.pongs).toBe(1);
  });

  it("faults.crashes bounds the crash steps of a run, not the actors crashed at once", () => {
    const once = system({ crashes: 1, recover: true });
    expect(stepsAt(once, follow(once, [{ crash: "Pi" }, { recover: "Pi" }]))).toEqual([go]);
    const twice = system({ crashes: 2, recover: true });
    expect(stepsAt(twice, follow(twice, [{ crash: "Pi" }, { recover: "Pi" }]))).toEqual([go, { crash: "Pi" }]);
    expect(stepsAt(twice, follow(twice, [{ crash: "Pi" }, { recover: "Pi" }, { crash: "Pi" }, { recover: "Pi" }]))).toEqual([go]);
  });

  it("a crash part-way through a multicast counts against the budget too", () => {
    const built = system({ pongers: 2, crashes: 1, recover: true, midMulticast: true });
    const recovered = follow(built, [{ timeout: "Pi", timer: "go", crashAfter: 1 }, { recover: "Pi" }]);
    expect(stepsAt(built, recovered)).toEqual([ping, go]);
  });
});
