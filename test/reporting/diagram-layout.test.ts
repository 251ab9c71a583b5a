import { describe, expect, it } from "vitest";
import { stateChanges } from "../../reporting/state-changes.ts";
import { MAX_WIDTH, sequenceSvg } from "../../reporting/svg-sequence.ts";
import { wrapText } from "../../reporting/wrap.ts";
import { longTrace, violationTrace } from "./fixtures.ts";

describe("wrapping SVG text", () => {
  it("fills lines word by word and cuts a word longer than a line", () => {
    expect(wrapText("PREPARE v0 n1 from replica 2", 12)).toEqual(["PREPARE v0", "n1 from", "replica 2"]);
    expect(wrapText("d:transfer-100-from-a1", 10)).toEqual(["d:transfer", "-100-from-", "a1"]);
    expect(wrapText("a  b\n\tc", 10)).toEqual(["a b c"]);
    expect(wrapText("", 10)).toEqual([]);
  });

  it("ends the last allowed line in an ellipsis when text is left over", () => {
    expect(wrapText("one two three four five", 9, 2)).toEqual(["one two", "three…"]);
    expect(wrapText("abcdefghijklmnop", 5, 2)).toEqual(["abcde", "fghi…"]);
  });

  it("never cuts an emoji in half", () => {
    for (const line of wrapText("ab🎉🎉🎉🎉", 3)) expect(line).not.toMatch(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/);
  });
});

describe("state changes", () => {
  it("lists only summaries that differ from the last ones seen, and nothing for a step without summaries", () => {
    const trace = [
      { step: { gst: true as const }, description: "", participants: { R0: "a", R1: "b" }, violated: [] },
      { step: { gst: true as const }, description: "", violated: [] },
      { step: { gst: true as const }, description: "", participants: { R0: "a", R1: "c" }, violated: [] },
    ];
    expect(stateChanges(trace, { R0: "a" })).toEqual([[["R1", "b"]], [], [["R1", "c"]]]);
  });
});

describe("the SVG diagram's layout", () => {
  const svg = sequenceSvg(longTrace);
  const width = Number(/<svg[^>]* width="(\d+)"/.exec(svg)![1]);

  it("fits 4 replicas, 2 clients and 45-character labels and notes into the column", () => {
    expect(longTrace.every((step) => Object.values(step.participants ?? {}).every((note) => note.length === 45))).toBe(true);
    expect(width).toBeLessThanOrEqual(MAX_WIDTH);
    const texts = [...svg.matchAll(/<text x="([\d.]+)"[^>]*>/g)].map((match) => Number(match[1]));
    expect(Math.max(...texts)).toBeLessThan(width);
  });

  it("writes every state change, whole as a tooltip and wrapped inside the diagram", () => {
    for (const [index, changes] of stateChanges(longTrace).entries()) {
      for (const [name, summary] of changes) expect(svg, `step ${index + 1}`).toContain(`<title>${name}: ${summary}</title>`);
    }
  });

  it("lets a row grow with its wrapped label and notes", () => {
    const tall = sequenceSvg([{ step: { deliver: `${"WORD ".repeat(20)}R0->R1`, from: "R0", to: "R1" }, description: "", participants: { R1: "note ".repeat(60) }, violated: [] }]);
    const short = sequenceSvg(violationTrace.slice(1, 2));
    const height = (text: string) => Number(/<svg[^>]* height="(\d+)"/.exec(text)![1]);
    expect(height(tall)).toBeGreaterThan(height(short) + 30);
    expect(tall.match(/<tspan/g)!.length).toBeGreaterThan(5);
  });
});
