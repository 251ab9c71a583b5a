import { visibleControls } from "./visible-controls.ts";

// Mermaid's own entity codes, "#" + decimal code point + ";" (mermaid.js.org, sequence
// diagrams, "Entity codes to escape characters"): Mermaid decodes them after parsing, so
// they never reach its grammar, and renders them as the character, never as markup.
const SPECIAL = /[#;:<>&%`"{}]/g;

/**
 * Text of a Mermaid sequence-diagram message, note or participant alias, which runs to the
 * end of the line or to the next `;` or `#`. Line breaks and tabs become spaces (a new line would be a
 * new statement), control characters become visible (`visibleControls`), and each character
 * that means something to Mermaid or to the HTML it renders labels into is written as an
 * entity code: # and ; (statement and entity syntax), : (the text separator; "wrap:" prefixes),
 * < > & " (labels are rendered as HTML, "<br>" breaks lines; > also keeps arrow tokens such as
 * --> and ->> inert), % { } ("%%{init}%%" directives and "%%" comments) and ` (which would
 * close the Markdown fence around the diagram).
 */
export function mermaidText(text: string): string {
  return visibleControls(text.replace(/\r\n|[\t\r\n\u0085\u2028\u2029]/g, " ")).replace(SPECIAL, (char) => `#${char.charCodeAt(0)};`);
}
