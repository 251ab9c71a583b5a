import { InputError } from "../spec/common/input-error.ts";
import { readInputBytes } from "./input-bytes.ts";

/**
 * Nesting a JSON input may have. Every input format nests a handful of levels (a Result with
 * its counterexample's partition steps, the deepest, about 8); far deeper nesting can only be
 * an accident or an attack, and recursive code downstream (JSON.stringify in a message, a
 * report's renderer) would overflow the stack on it.
 */
export const MAX_JSON_DEPTH = 100;

const utf8 = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true });

/**
 * The JSON object or array in FILE (or standard input for `-`): at most INPUT_LIMIT_BYTES of
 * UTF-8 without a byte-order mark, nested at most MAX_JSON_DEPTH deep. Each problem is an
 * InputError naming the input and what to fix.
 */
export function readJsonInput(file: string): unknown {
  const name = file === "-" ? "standard input" : file;
  return parseJsonBytes(readInputBytes(file), name);
}

export function parseJsonBytes(bytes: Uint8Array, name: string): unknown {
  if (bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    throw new InputError(`${name} starts with a byte-order mark (EF BB BF); save it as UTF-8 without a BOM`);
  }
  if (bytes.length >= 2 && ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff))) {
    throw new InputError(`${name} is UTF-16 text (it starts with a UTF-16 byte-order mark); save it as UTF-8`);
  }
  let text: string;
  try {
    text = utf8.decode(bytes);
  } catch {
    throw new InputError(`${name} is not UTF-8 text (it holds byte sequences UTF-8 does not allow); save it as UTF-8`);
  }
  if (text.trim() === "") throw new InputError(`${name} is empty; expected a JSON object or array`);
  checkNesting(text, name);
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    if (error instanceof RangeError) throw new InputError(`${name}: JSON nested too deep to parse (${error.message}); no input format nests that deep`);
    throw new InputError(`${name} is not valid JSON: ${(error as Error).message}`);
  }
  if (typeof value !== "object" || value === null) {
    throw new InputError(`${name}: expected a JSON object or array, got ${value === null ? "null" : `a ${typeof value}`}`);
  }
  return value;
}

/** One linear pass over the text, outside strings, counting open brackets. */
function checkNesting(text: string, name: string): void {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c) i++; // a backslash escapes the next character
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) {
      inString = true;
    } else if (c === 0x5b || c === 0x7b) {
      if (++depth > MAX_JSON_DEPTH) {
        throw new InputError(`${name}: JSON nested deeper than ${MAX_JSON_DEPTH} levels (at character ${i}); no input format nests that deep`);
      }
    } else if (c === 0x5d || c === 0x7d) {
      depth--;
    }
  }
}
