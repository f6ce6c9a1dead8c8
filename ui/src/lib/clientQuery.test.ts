import { describe, expect, it } from "vitest";
import {
  allClientsQuery,
  buildQuery,
  DEFAULT_SORT,
  EMPTY_FILTERS,
  fenToWan,
  fromQuery,
  hasFilters,
  withWindow,
  wanToFen,
  type ClientFilters,
} from "./clientQuery";

describe("wanToFen", () => {
  it("converts 万元 to integer fen by digits, never through a float product", () => {
    expect(wanToFen("1")).toBe(1_000_000);
    expect(wanToFen("12.5")).toBe(12_500_000);
    // 0.07 * 1_000_000 is 70000.00000000001 in floating point.
    expect(wanToFen("0.07")).toBe(70_000);
    expect(wanToFen("0.000001")).toBe(1);
    expect(wanToFen("3.1415926")).toBe(3_141_592);
    expect(wanToFen(" 100 ")).toBe(100_000_000);
    expect(wanToFen("5.")).toBe(5_000_000);
  });

  it("gives null for empty or unreadable text", () => {
    expect(wanToFen(null)).toBeNull();
    expect(wanToFen("")).toBeNull();
    expect(wanToFen("-1")).toBeNull();
    expect(wanToFen("1e3")).toBeNull();
    expect(wanToFen("abc")).toBeNull();
    expect(wanToFen("99999999999999")).toBeNull();
  });

  it("round-trips through fenToWan", () => {
    for (const text of ["0", "1", "12.5", "0.07", "0.000001", "123456.78"]) {
      expect(fenToWan(wanToFen(text))).toBe(text);
    }
    expect(fenToWan(null)).toBeNull();
  });
});

describe("buildQuery", () => {
  const filters: ClientFilters = {
    tiers: ["Gold", "Diamond"],
    riskLevels: ["C4"],
    assessment: ["expired", "missing"],
    assetsMinWan: "50",
    assetsMaxWan: "200.5",
    tag: "高净值",
    contact: "within30",
    dormantOnly: true,
    needs: { goals: ["steady_growth"], horizonAtLeast: "3y_to_5y", interestedIn: null },
  };

  it("maps every filter onto the ClientQuery fields", () => {
    expect(withWindow(buildQuery("  张 ", filters, { field: "name", descending: false }), 200, 200)).toEqual({
      search: "张",
      tiers: ["Gold", "Diamond"],
      risk_levels: ["C4"],
      assessment: ["expired", "missing"],
      assets_min: 50_000_000,
      assets_max: 200_500_000,
      tag: "高净值",
      contacted_within_days: 30,
      not_contacted_days: null,
      dormant_only: true,
      goals: ["steady_growth"],
      horizon_at_least: "3y_to_5y",
      sort: { field: "name", descending: false },
      offset: 200,
      limit: 200,
    });
    expect(buildQuery("", { ...EMPTY_FILTERS, contact: "not180" }, DEFAULT_SORT)).toMatchObject({
      search: null,
      contacted_within_days: null,
      not_contacted_days: 180,
    });
  });

  it("caps a page at the backend's 1000 rows", () => {
    expect(allClientsQuery(5000).limit).toBe(1000);
  });

  it("reads a saved query back into the controls", () => {
    const query = withWindow(buildQuery("zs", filters, DEFAULT_SORT), 0, 200);
    expect(fromQuery(query)).toEqual({
      search: "zs",
      filters: { ...filters, assetsMaxWan: "200.5" },
      sort: DEFAULT_SORT,
    });
  });

  it("knows when anything is filtered", () => {
    expect(hasFilters(EMPTY_FILTERS)).toBe(false);
    expect(hasFilters({ ...EMPTY_FILTERS, dormantOnly: true })).toBe(true);
    expect(hasFilters({ ...EMPTY_FILTERS, assetsMinWan: "" })).toBe(false);
    expect(hasFilters({ ...EMPTY_FILTERS, needs: { ...EMPTY_FILTERS.needs, interestedIn: "bond" } })).toBe(true);
  });
});
