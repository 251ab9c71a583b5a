/**
 * The index walk that RFC 9162 §2.1.3.2 (inclusion) and §2.1.4.2 (consistency) share: `fn` is
 * the current node's index on its level and `sn` the last index of that level. Each path hash
 * is a left sibling when fn is odd or fn = sn (a right-edge node); a right-edge node that was
 * carried up then skips the levels where it had no sibling. The numbers stay exact up to 2^53,
 * so the RFC's bit operations are written as arithmetic.
 */
export type WalkEnd = "complete" | "too-long" | "too-short";

export function walkAuditPath(fn: number, sn: number, steps: number, onStep: (step: number, siblingOnLeft: boolean) => void): WalkEnd {
  for (let step = 0; step < steps; step++) {
    if (sn === 0) return "too-long";
    const siblingOnLeft = fn % 2 === 1 || fn === sn;
    onStep(step, siblingOnLeft);
    if (siblingOnLeft && fn % 2 === 0) {
      while (fn % 2 === 0 && fn !== 0) {
        fn /= 2;
        sn = Math.floor(sn / 2);
      }
    }
    fn = Math.floor(fn / 2);
    sn = Math.floor(sn / 2);
  }
  return sn === 0 ? "complete" : "too-short";
}
