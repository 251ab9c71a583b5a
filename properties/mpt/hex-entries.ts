import type { Entry } from "./trie-arbitraries.ts";

/** Counterexamples are JSON: byte strings as 0x-hex, entries as [key, value] pairs. */
export type HexEntry = [string, string];

export const toHex = (bytes: Uint8Array): string => `0x${Buffer.from(bytes).toString("hex")}`;
export const fromHex = (hex: string): Uint8Array => Uint8Array.from(Buffer.from(hex.slice(2), "hex"));

export function entriesToHex(entries: readonly Entry[]): HexEntry[] {
  return entries.map(({ key, value }) => [toHex(key), toHex(value)]);
}
