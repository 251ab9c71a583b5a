import { describe, expect, it } from "vitest";
import { htmlAttribute } from "../../reporting/escape/html-attribute.ts";
import { htmlId } from "../../reporting/escape/html-id.ts";
import { htmlText } from "../../reporting/escape/html-text.ts";
import { markdownCell } from "../../reporting/escape/markdown-cell.ts";
import { markdownCodeBlock } from "../../reporting/escape/markdown-code-block.ts";
import { markdownCodeSpan } from "../../reporting/escape/markdown-code-span.ts";
import { markdownInline } from "../../reporting/escape/markdown-inline.ts";
import { mermaidId } from "../../reporting/escape/mermaid-id.ts";
import { mermaidText } from "../../reporting/escape/mermaid-text.ts";
import { terminalText } from "../../reporting/escape/terminal-text.ts";
import { visibleControls } from "../../reporting/escape/visible-controls.ts";
import { xmlAttribute, xmlText } from "../../reporting/escape/xml.ts";
import { sequenceDiagram } from "../../reporting/mermaid.ts";

describe("visible control characters", () => {
  it("shows C0 controls and DEL as their pictures and what has none as U+FFFD", () => {
    expect(visibleControls("\u0000\u001b[1m\u007f")).toBe("\u2400\u241b[1m\u2421");
    expect(visibleControls("\u009b\udc00\ud800x\uffff")).toBe("\uFFFD\uFFFD\uFFFDx\uFFFD");
    expect(visibleControls("\ud800\udc00")).toBe("\ud800\udc00");
    expect(visibleControls("a\tb\nc\rd")).toBe("a\u2409b\u240ac\u240dd");
    expect(visibleControls("a\tb\nc\rd", "tab-and-line-breaks")).toBe("a\tb\nc\rd");
  });

  it("keeps paired surrogates (emoji) and other Unicode", () => {
    expect(visibleControls("🎉 Ωmega 中文 \u202e")).toBe("🎉 Ωmega 中文 \u202e");
  });
});

describe("HTML", () => {
  it("escapes text so that no tag or entity can start", () => {
    expect(htmlText(`<script>&amp;"'`)).toBe(`&lt;script&gt;&amp;amp;"'`);
  });

  it("escapes both quotes in attribute values", () => {
    expect(htmlAttribute(`"><img onerror='x'>&`)).toBe("&quot;&gt;&lt;img onerror=&#39;x&#39;&gt;&amp;");
  });

  it("derives ids that are safe in an attribute, a fragment and a CSS selector, and distinct for distinct names", () => {
    expect(htmlId("pbft/n4_f1")).toBe("m-pbft-002fn4_f1");
    expect(htmlId(`"><x`)).toMatch(/^m-[A-Za-z0-9_-]+$/);
    const names = ["a/b", "a-b", "a_b", "a-002fb", "a\\b", "", "-", "m-", "🎉", "\ud83c"];
    expect(new Set(names.map(htmlId)).size).toBe(names.length);
  });
});

describe("XML", () => {
  it("escapes text and both quotes in attributes, and keeps attribute whitespace as references", () => {
    expect(xmlText("a<b>&c")).toBe("a&lt;b&gt;&amp;c");
    expect(xmlAttribute(`"'\t\n\r`)).toBe("&quot;&apos;&#9;&#10;&#13;");
  });

  it("replaces the characters XML 1.0 forbids", () => {
    expect(xmlText("\u0000\u0008\u000b\u000c\u001f\ud800\uffff\ufffe")).toBe("\u2400\u2408\u240b\u240c\u241f\uFFFD\uFFFD\uFFFD");
    expect(xmlText("\t\n\r🎉")).toBe("\t\n\r🎉");
  });
});

describe("Markdown", () => {
  it("escapes inline markup and keeps text on one line", () => {
    expect(markdownInline("*a* _b_ `c` [d](e) <f> #g &h; ~i~ $j$ k|l \\m")).toBe("\\*a\\* \\_b\\_ \\`c\\` \\[d\\](e) \\<f> \\#g \\&h; \\~i\\~ \\$j\\$ k\\|l \\\\m");
    expect(markdownInline("a\nb\r\nc\rd\u2028e\tf")).toBe("a b c d e f");
  });

  it("escapes what would start a block when the text begins a line", () => {
    expect(markdownInline("> quote")).toBe("\\> quote");
    expect(markdownInline("- item")).toBe("\\- item");
    expect(markdownInline("+ item")).toBe("\\+ item");
    expect(markdownInline("===")).toBe("\\===");
    expect(markdownInline("12. item")).toBe("12\\. item");
    expect(markdownInline("3) item")).toBe("3\\) item");
    expect(markdownInline("    code")).toBe("code");
    expect(markdownInline("0->1 a-b 1.5")).toBe("0->1 a-b 1.5");
  });

  it("makes table cells out of pipes and line breaks without a second backslash", () => {
    expect(markdownCell("a|b\nc")).toBe("a\\|b c");
    expect(markdownCell("a\\|b")).toBe("a\\\\\\|b");
  });

  it("fences a code block with more backticks than any run inside", () => {
    expect(markdownCodeBlock('{"a": 1}', "json")).toBe('```json\n{"a": 1}\n```');
    expect(markdownCodeBlock("x\n```\n````y", "json")).toBe("`````json\nx\n```\n````y\n`````");
    expect(markdownCodeBlock("a\rb\r\nc\u001b", "")).toBe("```\na\nb\nc\u241b\n```");
  });

  it("writes a code span that no backtick or line break inside can end", () => {
    expect(markdownCodeSpan("npx x")).toBe("`npx x`");
    expect(markdownCodeSpan("a`b``c")).toBe("```a`b``c```");
    expect(markdownCodeSpan("`a")).toBe("`` `a ``");
    expect(markdownCodeSpan("a\nb")).toBe("`a b`");
  });
});

describe("Mermaid", () => {
  it("writes every special character as an entity code and keeps text on one line", () => {
    expect(mermaidText("a;b#c:d<e>f&g%h`i\"j{k}l")).toBe("a#59;b#35;c#58;d#60;e#62;f#38;g#37;h#96;i#34;j#123;k#125;l");
    expect(mermaidText("a\nb\r\nc\u2028d")).toBe("a b c d");
    expect(mermaidText("-->")).toBe("--#62;");
    expect(mermaidText("#59;")).toBe("#35;59#59;");
  });

  it("keeps lane names as ids and hex-encodes every other name, keywords included, without collisions", () => {
    expect(mermaidId("R2")).toBe("R2");
    expect(mermaidId("C10")).toBe("C10");
    expect(mermaidId("end")).toBe("p_0065006e0064");
    const names = ["a/b", "a-b", "a_b", "end", "End", "R", "r1", "R1 ", ""];
    const ids = names.map(mermaidId);
    expect(new Set(ids).size).toBe(names.length);
    for (const id of ids) expect(id).toMatch(/^[A-Za-z0-9_]+$/);
  });

  it("declares a participant with an unsafe name under a safe id, shown as its name", () => {
    const diagram = sequenceDiagram([{ step: { gst: true }, description: "gst", participants: { end: "x", "a/b": "y", "a-b": "z" }, violated: [] }]);
    expect(diagram).toContain("  participant p_0065006e0064 as end");
    expect(diagram).toContain("  participant p_0061002f0062 as a/b");
    expect(diagram).toContain("  Note over p_0061002d0062: z");
  });
});

describe("terminal", () => {
  it("shows escape sequences as text and drops bidi controls, keeping other Unicode", () => {
    expect(terminalText("\u001b[2J\u001b]0;t\u0007 \u009b1m")).toBe("\u241b[2J\u241b]0;t\u2407 \uFFFD1m");
    expect(terminalText("a\nb\rc")).toBe("a\u240ab\u240dc");
    expect(terminalText("\u202eevil\u2066x\u200f")).toBe("\uFFFDevil\uFFFDx\uFFFD");
    expect(terminalText("🎉 中文")).toBe("🎉 中文");
  });
});
