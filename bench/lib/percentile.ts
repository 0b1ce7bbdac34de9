/** The smallest value at or above `share` of an ascending list (nearest rank), 0 for an empty list. */
export function percentile(sorted: readonly number[], share: number): number {
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(share * sorted.length) - 1))] ?? 0;
}

export type Latency = { queries: number; p50Ms: number; p95Ms: number; p99Ms: number; maxMs: number };

/** Count, p50, p95, p99 and maximum of some timings in milliseconds, rounded to `decimals` places. */
export function latencyOf(times: Iterable<number>, decimals: number): Latency {
  const sorted = [...times].sort((a, b) => a - b);
  const round = (ms: number) => Math.round(ms * 10 ** decimals) / 10 ** decimals;
  return {
    queries: sorted.length,
    p50Ms: round(percentile(sorted, 0.5)),
    p95Ms: round(percentile(sorted, 0.95)),
    p99Ms: round(percentile(sorted, 0.99)),
    maxMs: round(sorted.at(-1) ?? 0),
  };
}
