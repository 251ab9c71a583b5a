import { crc32 } from "node:zlib";
import { describe, expect, it } from "vitest";
import { CHECKPOINT_FORMAT_VERSION, CHECKPOINT_MAGIC, readContainer, writeContainer } from "../../explorer/checkpoint/container.ts";
import { SectionReader } from "../../explorer/checkpoint/index.ts";
import { firstDifference } from "../../spec/common/json-differences.ts";
import { ParentLog } from "../../explorer/parent-log.ts";
import { SlotTable } from "../../explorer/visited/slot-table.ts";

/**
 * A frame built by hand from the layout documented in container.ts (magic, version, CRC,
 * total length, header length, header, 8-aligned sections each prefixed by its byte length).
 */
function frame(headerText: string, sections: Uint8Array[] = [], trailing = 0): Uint8Array {
  const header = new TextEncoder().encode(headerText);
  const align = (n: number) => Math.ceil(n / 8) * 8;
  const total = align(28 + header.length) + sections.reduce((sum, bytes) => sum + 8 + align(bytes.length), 0) + trailing;
  const out = new Uint8Array(total);
  const view = new DataView(out.buffer);
  out.set(CHECKPOINT_MAGIC, 0);
  view.setUint32(8, CHECKPOINT_FORMAT_VERSION, true);
  view.setBigUint64(16, BigInt(total), true);
  view.setUint32(24, header.length, true);
  out.set(header, 28);
  let at = align(28 + header.length);
  for (const bytes of sections) {
    view.setBigUint64(at, BigInt(bytes.length), true);
    out.set(bytes, at + 8);
    at += 8 + align(bytes.length);
  }
  view.setUint32(12, crc32(out.subarray(16)), true);
  return out;
}

const corrupt = (bytes: Uint8Array) => () => readContainer(bytes);

describe("the checkpoint frame", () => {
  it("reads a frame laid out as documented, each section as its typed array", () => {
    const header = JSON.stringify({ model: "m", sections: [{ name: "a", type: "u8" }, { name: "b", type: "i32" }, { name: "c", type: "u16" }] });
    const { header: read, sections } = readContainer(frame(header, [Uint8Array.of(1, 2, 3), new Uint8Array(Int32Array.of(-5, 7).buffer), new Uint8Array(Uint16Array.of(65535).buffer)]));
    expect(read).toEqual({ model: "m" });
    expect([...sections.get("a", Uint8Array)]).toEqual([1, 2, 3]);
    expect([...sections.get("b", Int32Array)]).toEqual([-5, 7]);
    expect([...sections.get("c", Uint16Array)]).toEqual([65535]);
    expect(sections.entries().map(([name]) => name)).toEqual(["a", "b", "c"]);
  });

  it("writes what it reads, byte for byte", () => {
    const bytes = writeContainer({ model: "m" }, { x: Uint32Array.of(1, 2, 3), y: Uint8Array.of(9) });
    expect(bytes).toEqual(frame(JSON.stringify({ model: "m", sections: [{ name: "x", type: "u32" }, { name: "y", type: "u8" }] }), [new Uint8Array(Uint32Array.of(1, 2, 3).buffer), Uint8Array.of(9)]));
  });

  it("names what is wrong with a well-sealed frame", () => {
    expect(corrupt(frame("not json"))).toThrow(/^checkpoint: truncated or corrupt \(header: /);
    expect(corrupt(frame("[1]"))).toThrow("checkpoint: truncated or corrupt (header: not a JSON object)");
    expect(corrupt(frame('{"sections":5}'))).toThrow("checkpoint: truncated or corrupt (header: no valid section list)");
    expect(corrupt(frame('{"sections":[{"name":"a","type":"u8"}]}'))).toThrow("checkpoint: truncated or corrupt (section a runs past the end)");
    expect(corrupt(frame('{"sections":[{"name":"a","type":"i32"}]}', [Uint8Array.of(1, 2, 3)]))).toThrow("checkpoint: truncated or corrupt (section a: 3 bytes are not whole i32 elements)");
    expect(corrupt(frame('{"sections":[]}', [], 8))).toThrow("checkpoint: truncated or corrupt (8 bytes after the last section)");
    const longHeader = frame('{"sections":[]}');
    new DataView(longHeader.buffer).setUint32(24, 1000, true);
    longHeader.set(frame('{"sections":[]}').subarray(0, 12));
    new DataView(longHeader.buffer).setUint32(12, crc32(longHeader.subarray(16)), true);
    expect(corrupt(longHeader)).toThrow("checkpoint: truncated or corrupt (the header runs past the end)");
  });

  it("hands out sections by name and element type only", () => {
    const sections = readContainer(writeContainer({}, { "visited.pairs": Int32Array.of(1) })).sections;
    expect(sections.scope("visited").get("pairs", Int32Array)).toEqual(Int32Array.of(1));
    expect(() => sections.scope("visited").get("pairs", Uint32Array)).toThrow("checkpoint: truncated or corrupt (section visited.pairs has the wrong element type)");
    expect(sections.scope("visited").has("arena")).toBe(false);
  });
});

describe("the parent log and slot table read back from a checkpoint", () => {
  const reader = (arrays: Record<string, Int32Array | Uint16Array>) => new SectionReader(new Map(Object.entries(arrays)));

  it("round-trips the parent log, and refuses a parent that does not precede its child", () => {
    const log = new ParentLog();
    log.recordInitial(0, 0);
    log.record(1, 0, 3);
    log.record(2, 1, 1);
    const { meta, sections } = log.serialize(3);
    const restored = ParentLog.deserialize(meta, new SectionReader(new Map(Object.entries(sections))));
    expect(restored.pathTo(2)).toEqual({ initialIndex: 0, actionIndices: [3, 1] });
    expect(restored.bytesPerState(3)).toBe(log.bytesPerState(3));
    expect(() => ParentLog.deserialize(meta, reader({ parent: Int32Array.of(-1, 1, 1), via: Uint16Array.of(0, 3, 1) }))).toThrow("checkpoint: truncated or corrupt (parents: state 1 has parent 1)");
    expect(() => ParentLog.deserialize({ ...(meta as object), size: 2 }, new SectionReader(new Map(Object.entries(sections))))).toThrow(
      "checkpoint: truncated or corrupt (parents: 3 entries, 2 expected)",
    );
  });

  it("refuses a slot table that is not a power of two, names an id it does not hold, or is full", () => {
    expect(() => SlotTable.restore(new Int32Array(48), 0)).toThrow("checkpoint: truncated or corrupt (slot table of 48 entries)");
    const pairs = new Int32Array(32);
    pairs[1] = 5;
    expect(() => SlotTable.restore(pairs, 1)).toThrow("checkpoint: truncated or corrupt (slot table names id 4 of 1)");
    const full = new Int32Array(32).map((_, i) => (i % 2 === 1 ? (i + 1) / 2 : 0));
    expect(() => SlotTable.restore(full, 16)).toThrow("checkpoint: truncated or corrupt (slot table of 16 slots is too full for 16 ids)");
  });
});

describe("the first difference between two configs", () => {
  it("names the path of the first differing field, keys in sorted order", () => {
    expect(firstDifference({ b: 1, a: { x: [1, 2] } }, { a: { x: [1, 3] }, b: 2 })).toBe("a.x[1]");
    expect(firstDifference({ list: [1, 2] }, { list: [1, 2, 3] })).toBe("list[2]");
    expect(firstDifference({ a: 1 }, { a: 1, z: 0 })).toBe("z");
    expect(firstDifference({ a: 1 }, [1])).toBe("");
    expect(firstDifference({ a: [{ n: 1 }] }, { a: [{ n: 1 }] })).toBe("");
  });
});
