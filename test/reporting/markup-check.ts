/**
 * Just enough of an XML and an HTML parser for the hostile-string tests, so that they need no
 * new dependency: a well-formedness check for the SVG and junit.xml, and the element
 * structure of an HTML page, to compare a page rendered from hostile strings with one
 * rendered from harmless strings of the same shape.
 */

// XML 1.0 Char: tab, LF, CR, U+0020–U+D7FF, U+E000–U+FFFD and the astral planes (paired surrogates).
const ILLEGAL_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const REFERENCE = /&(?:amp|lt|gt|quot|apos|#[0-9]+|#x[0-9a-fA-F]+);/g;
const NAME = "[A-Za-z_][\\w.:-]*";
const ATTRIBUTE = new RegExp(`\\s+(${NAME})\\s*=\\s*(?:"([^"]*)"|'([^']*)')`, "y");

/** Everything that keeps `text` from being a well-formed XML 1.0 document; empty when it is one. */
export function xmlProblems(text: string): string[] {
  const problems: string[] = [];
  if (ILLEGAL_XML.test(text)) problems.push("a character XML 1.0 does not allow");
  const body = text.replace(/^<\?xml[^?]*\?>/, "");
  const open: string[] = [];
  let roots = 0;
  let index = 0;
  const checkText = (chunk: string, where: string) => {
    if (chunk.replace(REFERENCE, "").includes("&")) problems.push(`a bare & in ${where}: ${JSON.stringify(chunk.slice(0, 60))}`);
    if (where === "text" && chunk.includes("]]>")) problems.push("]]> in text");
    if (where === "text" && open.length === 0 && chunk.trim()) problems.push(`text outside the root: ${JSON.stringify(chunk.slice(0, 60))}`);
  };
  while (index < body.length) {
    const next = body.indexOf("<", index);
    checkText(body.slice(index, next === -1 ? body.length : next), "text");
    if (next === -1) break;
    const end = new RegExp(`</(${NAME})\\s*>`, "y");
    end.lastIndex = next;
    const closing = end.exec(body);
    if (closing) {
      if (open.pop() !== closing[1]) problems.push(`</${closing[1]}> closes nothing open`);
      index = end.lastIndex;
      continue;
    }
    const start = new RegExp(`<(${NAME})`, "y");
    start.lastIndex = next;
    const opening = start.exec(body);
    if (!opening) {
      problems.push(`a < that starts no tag at ${next}: ${JSON.stringify(body.slice(next, next + 40))}`);
      index = next + 1;
      continue;
    }
    let at = start.lastIndex;
    const names = new Set<string>();
    for (;;) {
      ATTRIBUTE.lastIndex = at;
      const attribute = ATTRIBUTE.exec(body);
      if (!attribute) break;
      if (names.has(attribute[1]!)) problems.push(`attribute ${attribute[1]} twice on <${opening[1]}>`);
      names.add(attribute[1]!);
      const value = attribute[2] ?? attribute[3]!;
      if (value.includes("<")) problems.push(`a < in attribute ${attribute[1]}`);
      checkText(value, `attribute ${attribute[1]}`);
      at = ATTRIBUTE.lastIndex;
    }
    const close = /\s*(\/?)>/y;
    close.lastIndex = at;
    const closed = close.exec(body);
    if (!closed) {
      problems.push(`<${opening[1]}> is not closed properly: ${JSON.stringify(body.slice(at, at + 40))}`);
      index = at;
      continue;
    }
    if (open.length === 0) roots++;
    if (!closed[1]) open.push(opening[1]!);
    index = close.lastIndex;
  }
  if (open.length) problems.push(`unclosed: ${open.join(" ")}`);
  if (roots !== 1) problems.push(`${roots} root elements`);
  return problems;
}

/**
 * The element structure of an HTML page: each tag as "name attr…" or "/name", attributes by
 * name only. Tags are found as the HTML tokenizer finds them (a < followed by a letter or
 * "/"), so anything that escaped its text and became a tag, or broke out of an attribute
 * value and became another attribute, shows up as a difference.
 */
export function htmlTags(html: string): string[] {
  const tags: string[] = [];
  for (const match of html.matchAll(/<(\/?)([A-Za-z][A-Za-z0-9-]*)([^>]*)>/g)) {
    const [, slash, name, rest] = match;
    if (slash) {
      tags.push(`/${name!.toLowerCase()}`);
      continue;
    }
    const attributes: string[] = [];
    const pattern = /\s+([^\s"'>/=]+)(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'=<>`]+))?/y;
    let at = 0;
    for (let attribute = pattern.exec(rest!); attribute; attribute = pattern.exec(rest!)) {
      attributes.push(attribute[1]!.toLowerCase());
      at = pattern.lastIndex;
    }
    const tail = rest!.slice(at).trim();
    tags.push([name!.toLowerCase(), ...attributes, ...(tail && tail !== "/" ? [`junk:${tail}`] : [])].join(" "));
  }
  return tags;
}
