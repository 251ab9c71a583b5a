/**
 * A Mermaid participant id. Ids are safe with only [A-Za-z0-9_], and some words ("end",
 * "Note", "loop", "participant", …) are keywords that break the diagram, so only the lanes'
 * own names ("R2", "C0": one capital letter and digits, never a keyword) are kept; any other
 * name is "p_" and four hex digits per UTF-16 code unit. Kept names have no "_", so two
 * different names never share an id. A hex id is declared with `as` and the name as
 * `mermaidText`, so the diagram still shows the name.
 */
export function mermaidId(name: string): string {
  if (/^[A-Z][0-9]+$/.test(name)) return name;
  let id = "p_";
  for (let index = 0; index < name.length; index++) id += name.charCodeAt(index).toString(16).padStart(4, "0");
  return id;
}
