import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { check, defineModel, type ModelDefinition, type RuntimeInvariant } from "../../api/index.ts";
import { toPassModelCheck } from "../../api/vitest.ts";
import { findModel } from "../../models/index.ts";
import { seedPaxosProtocol, type SeedPaxosConfig } from "../../models/paxos/index.ts";
import { traceOf } from "../../models/replayed-trace.ts";

const folder = mkdtempSync(join(tmpdir(), "consensus-check-evidence-"));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

/** An invariant that explains the state it fails in (RuntimeInvariant.explain): here, what each proposer returned. */
function explained(invariant: RuntimeInvariant): RuntimeInvariant {
  if (invariant.name !== "PX3 returned value chosen") return invariant;
  return { ...invariant, explain: (view) => view.role("proposer").map((proposer) => `${proposer.name} is ${String(proposer.value)}${proposer.context.decided ? ` with ${proposer.context.decided}` : ""}`) };
}

function model(pinned: "as bundled" | "pass"): ModelDefinition<SeedPaxosConfig> {
  const bundled = findModel("paxos/seed_p2_a3_grant_all") as ModelDefinition<SeedPaxosConfig>;
  return defineModel({
    name: "paxos/explained_grant_all",
    description: "The seed's paxosPropose, its PX3 explaining itself.",
    protocol: { ...seedPaxosProtocol, invariants: (config: SeedPaxosConfig) => seedPaxosProtocol.invariants(config).map(explained) },
    configSchema: bundled.configSchema,
    config: bundled.config,
    expected: pinned === "pass" ? { result: "pass", distinctStates: 1, maxDepth: 0 } : bundled.expected,
  });
}

describe("evidence: what an invariant's explain says of the counterexample's last state", () => {
  it("reaches the replayed trace and a failing matcher's message, and only for the property that fails", async () => {
    const { result } = await check(model("as bundled"));
    expect(result.property).toBe("PX3 returned value chosen");
    const trace = traceOf(model("as bundled"), result.counterexample!);
    expect(trace.evidence).toHaveLength(1);
    expect(trace.evidence![0]!.property).toBe("PX3 returned value chosen");
    expect(trace.evidence![0]!.lines.some((line) => / with v\d$/.test(line))).toBe(true);
    const outcome = await toPassModelCheck(model("pass"), { replayFolder: folder });
    expect(outcome.message()).toContain(["evidence (PX3 returned value chosen):", ...trace.evidence![0]!.lines.map((line) => `  ${line}`)].join("\n"));
    // The bundled model, whose invariants explain nothing, carries no evidence.
    expect(traceOf(findModel("paxos/seed_p2_a3_grant_all"), result.counterexample!).evidence).toBeUndefined();
  });
});
