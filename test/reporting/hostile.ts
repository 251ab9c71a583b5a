import type { Result } from "../../explorer/result.ts";
import type { ModelReport } from "../../reporting/markdown.ts";
import type { TraceStep } from "../../reporting/trace.ts";

/**
 * Strings a crafted Result file may carry: markup of every output format, what ends a line,
 * a table cell, a fence or a Mermaid statement, characters XML forbids, terminal escapes,
 * and Unicode that must be shown as it is.
 */
export const HOSTILE: readonly string[] = [
  '"',
  "'",
  "<script>alert(1)</script>",
  '"><img src=x onerror=alert(1)>',
  "' onmouseover='alert(1)",
  "-->",
  "<!-- comment",
  "]]>",
  "<![CDATA[x]]>",
  "</svg>",
  "</text><script>x</script>",
  "`",
  "```",
  "````js\nx\n````",
  "a\nb",
  "a\r\nb",
  "\r",
  "line\n\n# injected heading\n\n| a | b |\n|---|---|",
  "|",
  "a | b",
  "#",
  ";",
  ":",
  "%%{init: {'theme':'dark'}}%%",
  "%% comment",
  "R0->>R1: injected",
  "Note over R0: injected",
  "end",
  "<br>",
  "#59; #lt;",
  "&amp; &lt; &#60;",
  "\\",
  "\\|",
  "*_[link](javascript:alert(1))_*",
  "# heading",
  "> quote",
  "- item",
  "1. item",
  "    indented",
  "$x$",
  "\u0000",
  "\u0007\u0008\u000b\u000c",
  "\u001b[31mred\u001b[0m",
  "\u001b]0;title\u0007",
  "\u009b31m",
  "\u0085",
  "\u007f",
  "\ud800",
  "x\udc00y",
  "\uffff\ufffe",
  "\u2028\u2029",
  "\u202eevil",
  "\u2066isolate",
  "\t",
  "🎉 emoji",
  "Ωmega 中文 עברית",
];

/** Unicode that every output shows as it is (no context forbids it). */
export const SHOWN_AS_IS: readonly string[] = ["🎉 emoji", "Ωmega 中文 עברית"];

/**
 * A string of the same shape with nothing in it that could mean anything: every whitespace
 * character a space, everything else an "x", so the same words of the same lengths and the
 * same layout (wrapped lines, cut labels). A renderer must give both the same structure.
 */
export function harmless(text: string): string {
  return text.replace(/\s/g, " ").replace(/\S/g, "x");
}

/** `text` in every field of a Result and ModelReport that reaches a report. */
export function reportWith(text: string): ModelReport {
  const changed = (n: number): Record<string, string> => ({ [text]: `${text} ${n}`, R1: `${n} ${text}` });
  const trace: TraceStep[] = [
    { step: { step: text, actor: "R0", to: "R1", value: text, [`arg${text}`]: text }, description: text, participants: changed(1), violated: [] },
    { step: { deliver: `${text} R0->R1`, from: "R0", to: "R1" }, description: text, participants: changed(2), violated: [] },
    { step: { deliver: text }, description: text, participants: changed(3), violated: [] },
    { step: { drop: `${text} R2->R3`, from: "R2", to: "R3" }, description: text, participants: changed(4), violated: [] },
    { step: { duplicate: `${text} R1->R2`, from: "R1", to: "R2" }, description: text, participants: changed(5), violated: [] },
    { step: { step: "request", actor: "C0", op: text }, description: text, participants: changed(6), violated: [] },
    { step: { deliver: `${text} C0->R0`, from: "C0", to: "R0" }, description: text, participants: changed(7), violated: [] },
    { step: { step: text, actor: "R2", client: 1, [`arg${text}`]: text }, description: text, participants: changed(8), violated: [text] },
  ];
  const result: Result = {
    model: text,
    result: "violation",
    property: text,
    distinctStates: 10,
    transitions: 20,
    maxDepth: trace.length,
    seconds: 0.5,
    statesPerSecond: 20,
    seed: 0,
    strategy: "bfs",
    counterexample: { version: 1, model: text, config: { [text]: text }, seed: 0, steps: trace.map((entry) => entry.step) },
    sometimes: [
      { name: text, discovered: true, witness: { version: 1, model: text, config: { [text]: text }, seed: 0, steps: trace.map((entry) => entry.step) } },
      { name: `${text} never`, discovered: false },
    ],
  };
  return {
    result,
    description: text,
    assumptions: text,
    covers: { bounds: [text, `${text} again`], faults: [text], budgets: [text], time: [text] },
    warnings: [text, `${text} again`],
    judgement: { outcome: "unexpected", reasons: [text, text] },
    trace,
    initialParticipants: { [text]: text },
    evidence: [{ property: text, lines: [text, `${text} again`] }],
    ranAt: text,
  };
}
