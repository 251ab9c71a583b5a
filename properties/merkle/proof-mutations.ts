/**
 * Adversarial variants of an honest proof path (catalogue M2; transparency-dev/merkle's
 * corruptInclusionProof probes the same shapes): every sibling dropped, neighbours swapped,
 * siblings duplicated, single bits flipped, the empty path, and hashes added at either end.
 */
export interface PathVariant {
  label: string;
  path: Uint8Array[];
}

export function mutatePath(path: readonly Uint8Array[], extra: Uint8Array): PathVariant[] {
  const variants: PathVariant[] = path.length > 0 ? [{ label: "the empty path", path: [] }] : [];
  path.forEach((_, k) => {
    variants.push({ label: `the path without sibling ${k}`, path: path.filter((__, m) => m !== k) });
    variants.push({ label: `the path with sibling ${k} duplicated`, path: [...path.slice(0, k + 1), path[k], ...path.slice(k + 1)] });
    const flipped = Uint8Array.from(path[k]);
    flipped[0] ^= 0x08;
    variants.push({ label: `the path with a bit of sibling ${k} flipped`, path: path.map((p, m) => (m === k ? flipped : p)) });
    if (k + 1 < path.length) variants.push({ label: `the path with siblings ${k} and ${k + 1} swapped`, path: path.map((p, m) => (m === k ? path[k + 1] : m === k + 1 ? path[k] : p)) });
  });
  variants.push({ label: "the path with a hash appended", path: [...path, extra] });
  variants.push({ label: "the path with a hash prepended", path: [extra, ...path] });
  return variants;
}
