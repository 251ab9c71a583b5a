/**
 * The statements a Mermaid sequence diagram of ours may hold, for the hostile-string tests.
 * Texts may carry entity codes ("#59;"); outside them no text may hold a character that ends
 * a statement or means something to Mermaid or to the HTML it renders labels into.
 */
const ID = "[A-Za-z0-9_]+";
const TEXT = "[^#;<>%`\"{}&\\r\\n\\u0000-\\u001F\\u007F-\\u009F]*";
const STATEMENTS = [
  new RegExp(`^sequenceDiagram$`),
  new RegExp(`^  participant ${ID}( as ${TEXT})?$`),
  new RegExp(`^  ${ID}(->>|-x|--\\))${ID}: ${TEXT}$`),
  new RegExp(`^  Note over ${ID}(,${ID})?: ${TEXT}$`),
  new RegExp(`^  loop ${TEXT}$`),
  new RegExp(`^  end$`),
];

/** The lines of `diagram` that are none of our statements; empty when all are. */
export function mermaidProblems(diagram: string): string[] {
  return diagram
    .split("\n")
    .filter((line) => !STATEMENTS.some((statement) => statement.test(line.replace(/#[0-9]+;/g, ""))));
}

/** Per line, the characters with meaning to Mermaid that are no part of an entity code. */
export function mermaidMarkup(diagram: string): string[] {
  return diagram.split("\n").map((line) => line.replace(/#[0-9]+;/g, "").replace(/[^#;:<>%`"{}&,]/g, ""));
}
