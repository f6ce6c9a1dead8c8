// The arithmetic behind the 80/20 view: who contributes what share of the total.

export interface ParetoSummary {
  /** Fraction (0–1) of all clients, largest first, needed to reach the share. */
  clientShare: number;
  /** How many clients that is. */
  clientCount: number;
  /** Fraction (0–1) of the total those clients actually contribute (≥ the share asked). */
  valueShare: number;
}

/** Tolerance for comparing a running sum with a fraction of the total. */
const EPSILON = 1e-9;

/** Values as contributions: non-finite and negative ones count as 0. */
function contribution(v: number): number {
  return Number.isFinite(v) && v > 0 ? v : 0;
}

/**
 * The smallest number of the largest values whose sum reaches `share` of the total.
 * Values are sorted (largest first) here; negative values count as contributing nothing,
 * so the total is the sum of the positive ones. With no positive total all fields are 0.
 *
 * paretoSummary([50, 20, 10, 10, 5, 5]) → { clientCount: 3, clientShare: 0.5, valueShare: 0.8 }
 */
export function paretoSummary(values: number[], share = 0.8): ParetoSummary {
  const sorted = values.map(contribution).sort((a, b) => b - a);
  const total = sorted.reduce((sum, v) => sum + v, 0);
  if (sorted.length === 0 || total <= 0) return { clientShare: 0, clientCount: 0, valueShare: 0 };
  const target = Math.min(1, Math.max(0, share));
  let running = 0;
  let count = 0;
  for (const v of sorted) {
    if (running / total >= target - EPSILON && count > 0) break;
    running += v;
    count += 1;
  }
  return { clientShare: count / sorted.length, clientCount: count, valueShare: running / total };
}

export interface ParetoBucket {
  /** Client label, or the rank band's upper percentile (e.g. 2, 4, … 100) when bucketed. */
  label: string | null;
  percentile: number | null;
  /** Sum of the values in the bucket (positive values only). */
  value: number;
  /** Clients in the bucket. */
  count: number;
  /** Ranks covered, as fractions of all clients: [start, end). */
  start: number;
  end: number;
  /** Cumulative share of the total up to and including this bucket, 0–1. */
  cumulative: number;
}

/**
 * Bars for the Pareto chart: one per client when there are at most `maxBuckets`, otherwise
 * `maxBuckets` equal rank bands (each 100 / maxBuckets % of the clients). Bars are sorted
 * largest first; negative values contribute nothing.
 */
export function paretoBuckets(
  bars: { label: string; value: number }[],
  maxBuckets = 50,
): ParetoBucket[] {
  const sorted = bars
    .map((b) => ({ label: b.label, value: contribution(b.value) }))
    .sort((a, b) => b.value - a.value);
  const n = sorted.length;
  const total = sorted.reduce((sum, b) => sum + b.value, 0);
  if (n === 0) return [];
  const buckets = Math.min(n, Math.max(1, Math.floor(maxBuckets)));
  const perClient = buckets === n;
  const out: ParetoBucket[] = [];
  let running = 0;
  for (let i = 0; i < buckets; i += 1) {
    const from = Math.floor((i * n) / buckets);
    const to = Math.floor(((i + 1) * n) / buckets);
    let value = 0;
    for (let k = from; k < to; k += 1) value += sorted[k]?.value ?? 0;
    running += value;
    out.push({
      label: perClient ? (sorted[from]?.label ?? "") : null,
      percentile: perClient ? null : Math.round((((i + 1) * 100) / buckets) * 10) / 10,
      value,
      count: to - from,
      start: from / n,
      end: to / n,
      cumulative: total > 0 ? running / total : 0,
    });
  }
  return out;
}

/** The cumulative line's value at client share `x`, interpolated between bar ends. */
export function curveAt(buckets: ParetoBucket[], x: number): number {
  let prev = { end: 0, cumulative: 0 };
  for (const b of buckets) {
    if (b.end >= x) {
      const span = b.end - prev.end;
      if (span <= 0) return b.cumulative;
      return prev.cumulative + ((x - prev.end) / span) * (b.cumulative - prev.cumulative);
    }
    prev = b;
  }
  return prev.cumulative;
}
