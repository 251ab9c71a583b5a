import { canonicalJson } from "../../spec/common/canonical-json.ts";
import { formatIssuePath } from "../../spec/common/input-error.ts";

/**
 * The path of the first place where two JSON values differ ("qp", "network.drop",
 * "byzantine[0].replica"), keys in sorted order; "" when they differ at the top (or not at all).
 * Lets a refusal name the one config field that changed instead of printing two configs.
 */
export function firstDifference(a: unknown, b: unknown): string {
  return formatIssuePath(differingPath(a, b) ?? []);
}

function differingPath(a: unknown, b: unknown): PropertyKey[] | undefined {
  if (canonicalJson(a) === canonicalJson(b)) return undefined;
  if (Array.isArray(a) && Array.isArray(b)) {
    for (let i = 0; i < Math.max(a.length, b.length); i++) {
      if (i >= a.length || i >= b.length) return [i];
      const below = differingPath(a[i], b[i]);
      if (below !== undefined) return [i, ...below];
    }
  } else if (isRecord(a) && isRecord(b)) {
    const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])].filter((key) => a[key] !== undefined || b[key] !== undefined).sort();
    for (const key of keys) {
      if (a[key] === undefined || b[key] === undefined) return [key];
      const below = differingPath(a[key], b[key]);
      if (below !== undefined) return [key, ...below];
    }
  }
  return [];
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}
