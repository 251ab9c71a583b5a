/** Numbers as people read them in tables: 1,140,625 and 3.42 s. */
export function formatCount(value: number): string {
  return value.toLocaleString("en-US");
}

export function formatSeconds(seconds: number): string {
  return seconds < 10 ? seconds.toFixed(2) : seconds.toFixed(1);
}

export function formatRate(perSecond: number): string {
  return Math.round(perSecond).toLocaleString("en-US");
}
