import { canonicalJson } from "./canonical-json.ts";
import { formatIssuePath } from "./input-error.ts";

/**
 * Where two JSON values differ, as field paths ("qp", "network.drop", "byzantine[0].replica"),
 * keys in sorted order, one path per differing leaf (a key present on one side only is a leaf;
 * arrays of different lengths differ at the first missing index). Lets a message name the
 * fields that changed instead of printing two configs: a checkpoint's refusal names the first,
 * `replay` warns about every one.
 */
export interface JsonDifference {
  /** "" when the values differ at the top. */
  path: string;
  left: unknown;
  right: unknown;
}

export function jsonDifferences(left: unknown, right: unknown): JsonDifference[] {
  const out: JsonDifference[] = [];
  collect(left, right, [], out);
  return out;
}

export function firstDifference(left: unknown, right: unknown): string {
  return jsonDifferences(left, right)[0]?.path ?? "";
}

function collect(a: unknown, b: unknown, at: PropertyKey[], out: JsonDifference[]): void {
  if (canonicalJson(a) === canonicalJson(b)) return;
  if (Array.isArray(a) && Array.isArray(b)) {
    for (let i = 0; i < Math.max(a.length, b.length); i++) {
      if (i >= a.length || i >= b.length) {
        out.push({ path: formatIssuePath([...at, i]), left: a[i], right: b[i] });
        return;
      }
      collect(a[i], b[i], [...at, i], out);
    }
    return;
  }
  if (isRecord(a) && isRecord(b)) {
    const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])].filter((key) => a[key] !== undefined || b[key] !== undefined).sort();
    for (const key of keys) {
      if (a[key] === undefined || b[key] === undefined) out.push({ path: formatIssuePath([...at, key]), left: a[key], right: b[key] });
      else collect(a[key], b[key], [...at, key], out);
    }
    return;
  }
  out.push({ path: formatIssuePath(at), left: a, right: b });
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}
