/** Castro & Liskov §4.2/§4.3: a replica accepts protocol messages only for h < n ≤ H = h + L. */
export function isWithinWatermarks(seq: number, lowWatermark: number, window: number): boolean {
  return seq > lowWatermark && seq <= lowWatermark + window;
}
