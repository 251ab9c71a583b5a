import { describe, expect, it } from "vitest";
import { explore, readCheckpointHeader, type ExploreOptions } from "../../explorer/index.ts";
import { readContainer, writeContainer } from "../../explorer/checkpoint/container.ts";
import type { SectionArray } from "../../explorer/checkpoint/index.ts";
import { InputError } from "../../spec/common/input-error.ts";
import { checkpointAt, figures } from "./checkpoint-assertions.ts";
import { gridSystem } from "./tiny-systems.ts";

const grid = () => gridSystem(30);
const made: ExploreOptions = { model: "pbft/n3_f1", config: { qp: 3, qc: 3, network: { drop: false } }, checkpoint: { everySeconds: 60, save: () => {}, identity: "abcdef0123456789abcdef" } };

/** A checkpoint of `grid()` under `options`, taken mid-run. */
async function checkpointOf(options: ExploreOptions = made): Promise<Uint8Array> {
  return (await checkpointAt(grid(), options, 200)).bytes;
}

async function refusal(bytes: Uint8Array, options: ExploreOptions): Promise<string> {
  const error = await explore(grid(), { ...options, resumeFrom: bytes }).then(
    () => undefined,
    (thrown: unknown) => thrown,
  );
  expect(error).toBeInstanceOf(InputError);
  expect((error as Error).message).not.toContain("\n");
  return (error as Error).message;
}

/** The same checkpoint with its JSON header or sections edited (a valid frame: the checksum is recomputed). */
function withHeader(bytes: Uint8Array, edit: (header: Record<string, unknown>) => void, sections: Record<string, SectionArray> = {}): Uint8Array {
  const read = readContainer(bytes);
  edit(read.header);
  return writeContainer(read.header, { ...Object.fromEntries(read.sections.entries()), ...sections });
}

describe("resuming refuses a checkpoint of another run, naming what differs in one line", () => {
  it("another model", async () => {
    expect(await refusal(await checkpointOf(), { ...made, model: "pbft/n4_f1" })).toBe('checkpoint: made for model "pbft/n3_f1", not "pbft/n4_f1"');
  });

  it("another config, naming the first field that differs", async () => {
    const bytes = await checkpointOf();
    expect(await refusal(bytes, { ...made, config: { qp: 2, qc: 3, network: { drop: false } } })).toBe(
      'checkpoint: made for config {"network":{"drop":false},"qc":3,"qp":3}; this run\'s differs at "qp"',
    );
    expect(await refusal(bytes, { ...made, config: { qp: 3, qc: 3, network: { drop: true } } })).toMatch(/; this run's differs at "network\.drop"$/);
    expect(await refusal(bytes, { ...made, config: { qp: 3, qc: 3 } })).toMatch(/; this run's differs at "network"$/);
  });

  it("another version of the code (identity)", async () => {
    const bytes = await checkpointOf();
    const other = { ...made, checkpoint: { ...made.checkpoint!, identity: "0123456789abcdef0123" } };
    expect(await refusal(bytes, other)).toBe(
      "checkpoint: made with another version of the code (identity abcdef012345… vs 0123456789ab…); delete it or run without --resume",
    );
    const { checkpoint: _none, ...withoutIdentity } = made;
    expect(await refusal(bytes, withoutIdentity)).toBe("checkpoint: made with another version of the code (identity abcdef012345… vs none); delete it or run without --resume");
  });

  it("another strategy", async () => {
    expect(await refusal(await checkpointOf(), { ...made, strategy: "dfs" })).toBe('checkpoint: made with strategy "bfs", not "dfs"');
  });

  it.each<[ExploreOptions, string]>([
    [{ maxStates: 500 }, "checkpoint: made with maxStates unset, not 500"],
    [{ maxDepth: 7 }, "checkpoint: made with maxDepth unset, not 7"],
    [{ fingerprint: true }, "checkpoint: made with fingerprint false, not true"],
    [{ checkInvariants: false }, "checkpoint: made with checkInvariants true, not false"],
    [{ stopAtFirstViolation: false }, "checkpoint: made with stopAtFirstViolation true, not false"],
    [{ walks: 7 }, "checkpoint: made with walks 1000, not 7"],
    [{ seed: 5 }, "checkpoint: made with seed 0, not 5"],
  ])("another setting that changes the explored space: %o", async (change, message) => {
    expect(await refusal(await checkpointOf(), { ...made, ...change })).toBe(message);
  });

  it("but not another time limit, memory limit or progress interval", async () => {
    const reference = figures(await explore(grid(), made));
    const resumed = await explore(grid(), { ...made, timeSeconds: 3600, maxMemoryMB: 1e6, progressEveryMs: 5, resumeFrom: await checkpointOf() });
    expect(figures(resumed)).toEqual(reference);
  });
});

describe("resuming refuses a damaged checkpoint", () => {
  it("truncated, as a kill mid-write leaves it", async () => {
    const bytes = await checkpointOf();
    expect(await refusal(bytes.subarray(0, bytes.length - 100), made)).toBe(`checkpoint: truncated or corrupt (${bytes.length - 100} bytes where the checkpoint says ${bytes.length})`);
    expect(await refusal(bytes.subarray(0, 20), made)).toBe("checkpoint: truncated or corrupt (20 bytes, shorter than the 28-byte preamble)");
    expect(await refusal(new Uint8Array(0), made)).toBe("checkpoint: truncated or corrupt (0 bytes, shorter than the 28-byte preamble)");
  });

  it("a flipped bit anywhere after the preamble fails the checksum", async () => {
    const bytes = (await checkpointOf()).slice();
    bytes[bytes.length >> 1] ^= 0x10;
    expect(await refusal(bytes, made)).toBe("checkpoint: truncated or corrupt (checksum mismatch)");
  });

  it("not a checkpoint at all", async () => {
    expect(await refusal(new TextEncoder().encode('{"model":"pbft/n4_f1","result":"pass"}'), made)).toBe("checkpoint: not a consensus-check checkpoint (wrong magic bytes)");
  });

  it("another format version, older (version 1 kept no sometimes, version 2 another PRNG's words) or newer", async () => {
    const bytes = (await checkpointOf()).slice();
    new DataView(bytes.buffer).setUint32(8, 1, true);
    expect(await refusal(bytes, made)).toBe("checkpoint: written in format version 1, this code reads version 3; delete it or run without --resume");
    new DataView(bytes.buffer).setUint32(8, 2, true);
    expect(await refusal(bytes, made)).toBe("checkpoint: written in format version 2, this code reads version 3; delete it or run without --resume");
    new DataView(bytes.buffer).setUint32(8, 4, true);
    expect(await refusal(bytes, made)).toBe("checkpoint: written in format version 4, this code reads version 3; delete it or run without --resume");
  });

  it("a well-framed checkpoint whose contents do not add up", async () => {
    const bytes = await checkpointOf();
    const edited = (edit: (header: Record<string, unknown>) => void) => withHeader(bytes, edit);
    expect(await refusal(edited((header) => delete header.counters), made)).toMatch(/^checkpoint: truncated or corrupt \(header counters: /);
    expect(await refusal(edited((header) => ((header.counters as { levelStart: number }).levelStart += 1)), made)).toBe(
      "checkpoint: truncated or corrupt (counters: the BFS levels do not add up to the stored states)",
    );
    expect(await refusal(edited((header) => ((header.visited as { arenaUsed: number }).arenaUsed += 8)), made)).toMatch(/^checkpoint: truncated or corrupt \(visited: /);
    const { states } = readCheckpointHeader(bytes);
    expect(await refusal(edited((header) => (header.states = 3)), made)).toBe(`checkpoint: truncated or corrupt (visited: ${states} states, the header says 3)`);
  });
});

describe("resuming refuses DFS and random-walk checkpoints whose contents do not add up", () => {
  const keep = () => {};

  it("DFS: depths of another number of states, a negative action index", async () => {
    const options: ExploreOptions = { strategy: "dfs" };
    const bytes = (await checkpointAt(grid(), options, 200)).bytes;
    const { states } = readCheckpointHeader(bytes);
    expect(await refusal(withHeader(bytes, keep, { "search.depthOf": new Int32Array(3) }), options)).toBe(`checkpoint: truncated or corrupt (search.depthOf: 3 depths for ${states} states)`);
    expect(await refusal(withHeader(bytes, keep, { "search.stackNext": Int32Array.of(1, -2) }), options)).toBe("checkpoint: truncated or corrupt (search.stackNext: a negative action index)");
    expect(await refusal(withHeader(bytes, keep, { "search.stackNext": Int32Array.of(0, 1) }), options)).toBe("checkpoint: truncated or corrupt (search.stackNext: entry 0 is 0, below the top)");
  });

  it("random walk: an all-zero PRNG state", async () => {
    const options: ExploreOptions = { strategy: "random", seed: 1, walks: 100, maxDepth: 40 };
    const bytes = (await checkpointAt(grid(), options, 100)).bytes;
    expect(await refusal(withHeader(bytes, (header) => ((header.counters as { random: number[] }).random = [0, 0, 0, 0])), options)).toBe(
      "checkpoint: truncated or corrupt (counters random: the all-zero PRNG state is invalid)",
    );
  });

  it("sometimes witnesses that name no declared property, a state past the stored ones, or an id without a parent log", async () => {
    const reaching: ExploreOptions = { ...made, checkpoint: { ...made.checkpoint!, identity: undefined } };
    const system = { ...grid(), sometimes: [{ name: "one step away", holds: ([x, y]: readonly [number, number]) => x + y === 1 }] };
    const { bytes } = await checkpointAt(system, reaching, 200);
    const sometimes = (edit: unknown[]) => withHeader(bytes, (header) => ((header.checker as { sometimes: unknown[] }).sometimes = edit));
    const resumed = (edited: Uint8Array, options: ExploreOptions = reaching) => explore(system, { ...options, resumeFrom: edited }).then(() => "", (error: Error) => error.message);
    expect(readCheckpointHeader(bytes).checker.sometimes).toEqual([{ property: "one step away", id: 1 }]);
    expect(await resumed(sometimes([{ property: "elsewhere", id: 1 }]))).toBe('checkpoint: truncated or corrupt (checker.sometimes: "elsewhere" is not a sometimes property of this system)');
    expect(await resumed(sometimes([{ property: "one step away", id: 10 ** 6 }]))).toMatch(/^checkpoint: truncated or corrupt \(checker\.sometimes: "one step away" names state 1000000 of \d+\)$/);
    expect(await resumed(sometimes([{ property: "one step away" }]))).toMatch(/^checkpoint: truncated or corrupt \(header checker\.sometimes\[0\]/);
    const dfs = await checkpointAt(system, { strategy: "dfs" }, 200);
    const dfsWithId = withHeader(dfs.bytes, (header) => ((header.checker as { sometimes: unknown[] }).sometimes = [{ property: "one step away", id: 1 }]));
    expect(await resumed(dfsWithId, { strategy: "dfs" })).toBe(
      'checkpoint: truncated or corrupt (checker.sometimes: "one step away" names a state id, and this strategy keeps no parent log)',
    );
  });

  it("a BFS checkpoint without its parent log", async () => {
    const bytes = await checkpointOf();
    expect(await refusal(withHeader(bytes, (header) => delete header.parents), made)).toBe("checkpoint: truncated or corrupt (parents: missing from a BFS checkpoint)");
  });
});

describe("describing a checkpoint", () => {
  it("reads its header: what run it is of, how far it got, when and by what code", async () => {
    const { partial, bytes } = await checkpointAt(grid(), made, 200);
    const header = readCheckpointHeader(bytes);
    expect(header).toMatchObject({
      formatVersion: 3,
      identity: "abcdef0123456789abcdef",
      model: "pbft/n3_f1",
      config: '{"network":{"drop":false},"qc":3,"qp":3}',
      strategy: "bfs",
      settings: { maxStates: null, maxDepth: null, fingerprint: false, symmetry: false, checkInvariants: true, stopAtFirstViolation: true, walks: 1000, seed: 0 },
      states: partial.distinctStates,
      counters: { transitions: partial.transitions },
    });
    expect(header.elapsedSeconds).toBeGreaterThan(0);
    expect(Number.isNaN(Date.parse(header.savedAt))).toBe(false);
  });
});

describe("checkpoint options", () => {
  it("rejects a negative interval, a save that is not a function and resume bytes that are not bytes", async () => {
    await expect(explore(grid(), { checkpoint: { everySeconds: -1, save: () => {} } })).rejects.toThrow("explore options checkpoint.everySeconds: expected a number of seconds >= 0");
    await expect(explore(grid(), { checkpoint: { everySeconds: 1, save: "file" as never } })).rejects.toThrow("explore options checkpoint.save: expected a function");
    await expect(explore(grid(), { resumeFrom: "checkpoint.bin" as never })).rejects.toThrow("explore options resumeFrom: expected the bytes of a checkpoint");
  });
});
