import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  assessmentState,
  daysBetween,
  fenSign,
  formatCount,
  formatDateTime,
  formatFen,
  formatInstantDate,
  formatPriceLi,
  formatRate,
  formatSignedFen,
  rateInWan,
  sumFen,
  todayInShanghai,
} from "./format";

describe("formatFen", () => {
  it("formats fen as yuan with grouping and two decimals", () => {
    expect(formatFen(123_456_789)).toBe("¥1,234,567.89");
    expect(formatFen(0)).toBe("¥0.00");
    expect(formatFen(5)).toBe("¥0.05");
    expect(formatFen(100)).toBe("¥1.00");
    expect(formatFen(99_999)).toBe("¥999.99");
    expect(formatFen(100_000)).toBe("¥1,000.00");
  });

  it("puts the minus sign before the currency symbol", () => {
    expect(formatFen(-150)).toBe("-¥1.50");
    expect(formatFen(-123_456_789)).toBe("-¥1,234,567.89");
    expect(formatFen(-1)).toBe("-¥0.01");
  });

  it("stays exact for large amounts", () => {
    expect(formatFen(900_719_925_474_099)).toBe("¥9,007,199,254,740.99");
  });

  it("marks gains with a plus", () => {
    expect(formatSignedFen(100)).toBe("+¥1.00");
    expect(formatSignedFen(-100)).toBe("-¥1.00");
    expect(formatSignedFen(0)).toBe("¥0.00");
    expect([fenSign(5), fenSign(0), fenSign(-5)]).toEqual([1, 0, -1]);
  });
});

describe("formatCount", () => {
  it("groups thousands", () => {
    expect(formatCount(12_345)).toBe("12,345");
    expect(formatCount(106_000)).toBe("106,000");
    expect(formatCount(999)).toBe("999");
    expect(formatCount(-1_000)).toBe("-1,000");
  });
});

describe("formatRate", () => {
  it("writes ten-millionths as 万x", () => {
    expect(formatRate(2500)).toBe("万2.5");
    expect(formatRate(1000)).toBe("万1");
    expect(formatRate(3000)).toBe("万3");
    expect(formatRate(2345)).toBe("万2.345");
    expect(formatRate(850)).toBe("万0.85");
    expect(formatRate(0)).toBe("万0");
  });

  it("writes basis points in English", () => {
    expect(formatRate(2500, "en")).toBe("2.5 bp");
    expect(rateInWan(12_000)).toBe("12");
  });
});

describe("dates in Asia/Shanghai", () => {
  const savedTz = process.env.TZ;
  beforeAll(() => {
    // A machine far from Shanghai must still show Shanghai time.
    process.env.TZ = "America/Los_Angeles";
  });
  afterAll(() => {
    process.env.TZ = savedTz;
  });

  it("formats an instant as YYYY-MM-DD HH:mm in CST", () => {
    expect(formatDateTime("2024-03-01T16:30:00Z")).toBe("2024-03-02 00:30");
    expect(formatDateTime("2024-03-01T15:59:59.999Z")).toBe("2024-03-01 23:59");
    expect(formatDateTime("2023-12-31T16:00:00+00:00")).toBe("2024-01-01 00:00");
    expect(formatDateTime("2024-07-01T01:05:00Z")).toBe("2024-07-01 09:05");
  });

  it("gives the Shanghai calendar date of an instant", () => {
    expect(formatInstantDate("2024-03-01T16:30:00Z")).toBe("2024-03-02");
    expect(formatInstantDate("2024-03-01T15:30:00Z")).toBe("2024-03-01");
    expect(todayInShanghai(new Date("2024-12-31T17:00:00Z"))).toBe("2025-01-01");
  });

  it("returns unparsable input unchanged", () => {
    expect(formatDateTime("not a date")).toBe("not a date");
  });
});

describe("assessmentState", () => {
  const today = "2024-03-15";
  it("distinguishes missing, expired, expiring and valid", () => {
    expect(assessmentState(null, today)).toBe("missing");
    expect(assessmentState("2024-03-14", today)).toBe("expired");
    expect(assessmentState("2024-03-15", today)).toBe("expiring");
    expect(assessmentState("2024-04-14", today)).toBe("expiring");
    expect(assessmentState("2024-04-15", today)).toBe("valid");
  });

  it("counts calendar days across months and leap days", () => {
    expect(daysBetween("2024-02-28", "2024-03-01")).toBe(2);
    expect(daysBetween("2024-03-01", "2024-02-28")).toBe(-2);
    expect(daysBetween("bad", "2024-03-01")).toBeNull();
  });
});

describe("formatPriceLi and sumFen", () => {
  it("shows a price in 厘 with three decimals", () => {
    expect(formatPriceLi(12_345)).toBe("12.345");
    expect(formatPriceLi(1_680_000)).toBe("1,680.000");
    expect(formatPriceLi(5)).toBe("0.005");
    expect(formatPriceLi(-1_500)).toBe("-1.500");
  });

  it("adds fen exactly", () => {
    expect(sumFen([10, 20, 30])).toBe(60);
    expect(sumFen([])).toBe(0);
    expect(sumFen([9_007_199_254_000_000, 740_991])).toBe(9_007_199_254_740_991);
  });
});
