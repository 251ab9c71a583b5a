import { describe, expect, it } from "vitest";
import { htmlReport } from "../../reporting/html.ts";
import { junitReport } from "../../reporting/junit.ts";
import { markdownReport, type ModelReport } from "../../reporting/markdown.ts";
import { sequenceDiagram } from "../../reporting/mermaid.ts";
import { seedAuditMarkdown } from "../../reporting/seed-audit.ts";
import { summaryTable } from "../../reporting/summary-table.ts";
import { sequenceSvg } from "../../reporting/svg-sequence.ts";
import { HOSTILE, SHOWN_AS_IS, harmless, reportWith } from "./hostile.ts";
import { markdownShape } from "./markdown-check.ts";
import { htmlTags, xmlProblems } from "./markup-check.ts";
import { mermaidMarkup, mermaidProblems } from "./mermaid-check.ts";

/**
 * A Result file is user input: each hostile string goes into every field of a Result and its
 * ModelReport, and every renderer must give the same structure as for a harmless string of
 * the same shape, well-formed where the format demands it.
 */
const html = (report: ModelReport, text: string) => htmlReport([report], text);
const svg = (report: ModelReport) => sequenceSvg(report.trace!, report.initialParticipants);
const mermaid = (report: ModelReport) => sequenceDiagram(report.trace!, report.initialParticipants);
const junit = (report: ModelReport) => junitReport([{ result: report.result, judgement: report.judgement!, covers: report.covers, ranAt: report.ranAt }]);
const terminal = (report: ModelReport) => summaryTable([{ result: report.result, judgement: report.judgement! }]);

describe.each(HOSTILE.map((text) => [JSON.stringify(text), text] as const))("the hostile string %s in every field", (_, text) => {
  const hostile = reportWith(text);
  const plain = reportWith(harmless(text));

  it("leaves the HTML page's elements and attributes as they are for a harmless string", () => {
    const page = html(hostile, text);
    const tags = htmlTags(page);
    expect(tags).toEqual(htmlTags(html(plain, harmless(text))));
    expect(page).not.toMatch(/<script/i);
    expect(tags.filter((tag) => / on[a-z]+/.test(tag) || tag.includes("junk:"))).toEqual([]);
  });

  it("keeps the SVG diagram well-formed and its structure unchanged", () => {
    expect(xmlProblems(svg(hostile))).toEqual([]);
    expect(htmlTags(svg(hostile))).toEqual(htmlTags(svg(plain)));
  });

  it("keeps junit.xml well-formed, free of characters XML 1.0 forbids, with its structure unchanged", () => {
    expect(xmlProblems(junit(hostile))).toEqual([]);
    expect(htmlTags(junit(hostile))).toEqual(htmlTags(junit(plain)));
  });

  it("keeps the Markdown report's lines, headings, table rows, cells and fences, with no markup of its own", () => {
    const shape = markdownShape(markdownReport(hostile));
    expect(shape).toEqual(markdownShape(markdownReport(plain)));
    expect(shape.filter((line) => line.kind.startsWith("fence-open")).length).toBe(1);
    expect(shape.filter((line) => line.kind === "fence-close").length).toBe(1);
  });

  it("keeps the coverage of a pass (its own heading) escaped in Markdown, HTML and JUnit", () => {
    const pass = (report: ModelReport): ModelReport => ({ ...report, result: { ...report.result, result: "pass", property: undefined, counterexample: undefined }, trace: undefined });
    const markdown = markdownReport(pass(hostile));
    expect(markdown).toContain("## What this pass covers");
    expect(markdownShape(markdown)).toEqual(markdownShape(markdownReport(pass(plain))));
    expect(htmlTags(html(pass(hostile), text))).toEqual(htmlTags(html(pass(plain), harmless(text))));
    expect(xmlProblems(junit(pass(hostile)))).toEqual([]);
    expect(htmlTags(junit(pass(hostile)))).toEqual(htmlTags(junit(pass(plain))));
  });

  it("keeps the Mermaid diagram one statement a line, with every special character an entity code", () => {
    const diagram = mermaid(hostile);
    expect(mermaidProblems(diagram)).toEqual([]);
    expect(mermaidMarkup(diagram)).toEqual(mermaidMarkup(mermaid(plain)));
  });

  it("prints no control character, escape sequence or bidi control to the terminal", () => {
    const table = terminal(hostile);
    expect(table.split("\n")).toHaveLength(3);
    expect(table).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\ud800-\udfff]/u);
  });
});

describe("hostile strings in the seed audit", () => {
  it.each(HOSTILE.map((text) => [JSON.stringify(text), text] as const))("%s keeps the audit's tables and JSON blocks", (_, text) => {
    const audit = (value: string) =>
      seedAuditMarkdown([
        { subject: value, property: value, verdict: "broken", counterexample: { [value]: value, list: [value] }, explanation: value, source: value },
        { subject: value, property: `${value}2`, verdict: "holds", explanation: value, source: value },
      ]);
    expect(markdownShape(audit(text))).toEqual(markdownShape(audit(harmless(text))));
  });

  it("fences a counterexample holding backtick runs with a longer fence, so the JSON stays whole", () => {
    const audit = seedAuditMarkdown([{ subject: "s", property: "p", verdict: "broken", counterexample: { key: "`````" }, explanation: "e", source: "x" }]);
    expect(audit).toContain('``````json\n{\n  "key": "`````"\n}\n``````');
  });
});

describe("Unicode in a Result", () => {
  it.each(SHOWN_AS_IS)("%s is shown as it is in every report", (text) => {
    const report = reportWith(text);
    for (const output of [html(report, text), svg(report), markdownReport(report), mermaid(report), junit(report), terminal(report)]) {
      expect(output).toContain(text);
    }
  });

  it("keeps a right-to-left override in HTML, Markdown and XML, which scope it, and not in the terminal", () => {
    const report = reportWith("\u202eevil");
    for (const output of [html(report, ""), markdownReport(report), junit(report)]) expect(output).toContain("\u202eevil");
    expect(terminal(report)).toContain("\uFFFDevil");
  });

  it("shows control characters as their pictures instead of dropping them", () => {
    const report = reportWith("\u001b[31mred");
    for (const output of [html(report, ""), svg(report), markdownReport(report), mermaid(report), junit(report), terminal(report)]) {
      expect(output).toContain("\u241b[31");
      expect(output).not.toContain("\u001b");
    }
  });
});

describe("section ids of hostile model names", () => {
  it("are distinct for every name, and each index link leads to its own section", () => {
    const names = [...HOSTILE, "a/b", "a-b", "a_b", "a-002fb", "m-a", "A", "a"];
    const page = htmlReport(
      names.map((name) => ({ ...reportWith("x"), result: { ...reportWith("x").result, model: name } })),
      "now",
    );
    const hrefs = [...page.matchAll(/<a href="#([^"]*)">/g)].map((match) => match[1]);
    const ids = [...page.matchAll(/<section id="([^"]*)">/g)].map((match) => match[1]);
    expect(ids).toHaveLength(names.length);
    expect(new Set(ids).size).toBe(names.length);
    expect(hrefs).toEqual(ids);
    for (const id of ids) expect(id).toMatch(/^m-[A-Za-z0-9_-]*$/);
  });
});
