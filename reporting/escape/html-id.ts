/**
 * An HTML id (and `#fragment`) for a model name: "m-" then the name with every UTF-16 code
 * unit outside [A-Za-z0-9_] written as "-" and four hex digits ("pbft/n4_f1" →
 * "m-pbft-002fn4_f1"). The result needs no escaping in an attribute, a URL fragment or a CSS
 * selector, and it can be decoded back, so two different names never share an id (replacing
 * unsafe characters with "-" would make "a/b" and "a-b" collide and link to the wrong section).
 */
export function htmlId(name: string): string {
  let id = "m-";
  for (let index = 0; index < name.length; index++) {
    const char = name[index]!;
    id += /[A-Za-z0-9_]/.test(char) ? char : `-${char.charCodeAt(0).toString(16).padStart(4, "0")}`;
  }
  return id;
}
