import { describe, expect, it } from "vitest";
import { curveAt, paretoBuckets, paretoSummary } from "./pareto";

describe("paretoSummary", () => {
  it("finds the fewest top clients reaching the share", () => {
    expect(paretoSummary([50, 20, 10, 10, 5, 5])).toEqual({ clientShare: 0.5, clientCount: 3, valueShare: 0.8 });
  });

  it("sorts the values itself", () => {
    expect(paretoSummary([5, 10, 50, 5, 20, 10])).toEqual({ clientShare: 0.5, clientCount: 3, valueShare: 0.8 });
  });

  it("reports the share actually reached when it overshoots", () => {
    const s = paretoSummary([90, 4, 3, 2, 1], 0.8);
    expect(s.clientCount).toBe(1);
    expect(s.clientShare).toBeCloseTo(0.2);
    expect(s.valueShare).toBeCloseTo(0.9);
  });

  it("takes another share and stops before trailing zeros", () => {
    expect(paretoSummary([40, 30, 20, 10, 0, 0, 0, 0, 0, 0], 0.5)).toEqual({
      clientShare: 0.2,
      clientCount: 2,
      valueShare: 0.7,
    });
    expect(paretoSummary([3, 1, 0, 0], 1)).toEqual({ clientShare: 0.5, clientCount: 2, valueShare: 1 });
  });

  it("counts negative values as contributing nothing", () => {
    expect(paretoSummary([-50, 60, 40])).toEqual({ clientShare: 2 / 3, clientCount: 2, valueShare: 1 });
  });

  it("is all zero without a positive total", () => {
    const zero = { clientShare: 0, clientCount: 0, valueShare: 0 };
    expect(paretoSummary([])).toEqual(zero);
    expect(paretoSummary([0, 0, -3])).toEqual(zero);
  });
});

describe("paretoBuckets", () => {
  it("keeps one bar per client up to the limit", () => {
    const buckets = paretoBuckets([
      { label: "乙", value: 20 },
      { label: "甲", value: 80 },
    ]);
    expect(buckets.map((b) => [b.label, b.value, b.cumulative])).toEqual([
      ["甲", 80, 0.8],
      ["乙", 20, 1],
    ]);
  });

  it("groups many clients into 2% rank bands", () => {
    const bars = Array.from({ length: 1000 }, (_, i) => ({ label: `C${i}`, value: 1000 - i }));
    const buckets = paretoBuckets(bars, 50);
    expect(buckets).toHaveLength(50);
    expect(buckets.every((b) => b.count === 20 && b.label === null)).toBe(true);
    expect(buckets.map((b) => b.percentile).slice(0, 3)).toEqual([2, 4, 6]);
    expect(buckets[49]?.percentile).toBe(100);
    expect(buckets[49]?.cumulative).toBe(1);
    // The top band holds ranks 1–20: values 1000 down to 981.
    expect(buckets[0]?.value).toBe((1000 + 981) * 10);
  });

  it("covers every client once when the count does not divide evenly", () => {
    const bars = Array.from({ length: 73 }, (_, i) => ({ label: `C${i}`, value: i + 1 }));
    const buckets = paretoBuckets(bars, 50);
    expect(buckets).toHaveLength(50);
    expect(buckets.reduce((n, b) => n + b.count, 0)).toBe(73);
    expect(buckets.every((b) => b.count >= 1)).toBe(true);
  });
});

describe("curveAt", () => {
  it("interpolates the cumulative line between bar ends", () => {
    const buckets = paretoBuckets([
      { label: "甲", value: 60 },
      { label: "乙", value: 40 },
    ]);
    expect(curveAt(buckets, 0)).toBe(0);
    expect(curveAt(buckets, 0.25)).toBeCloseTo(0.3);
    expect(curveAt(buckets, 0.5)).toBeCloseTo(0.6);
    expect(curveAt(buckets, 0.75)).toBeCloseTo(0.8);
    expect(curveAt(buckets, 1)).toBe(1);
  });
});
