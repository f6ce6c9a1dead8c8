import { describe, expect, it } from "vitest";
import { compactYuan, monthTick, percentFixed, percentText } from "./format";

describe("compactYuan", () => {
  it("shows yuan with separators below 1万", () => {
    expect(compactYuan(0)).toBe("0");
    expect(compactYuan(99)).toBe("0.99");
    expect(compactYuan(150_000)).toBe("1,500");
    expect(compactYuan(123_450)).toBe("1,234.5");
    expect(compactYuan(999_999)).toBe("9,999.99");
  });

  it("shows 万 to about four significant digits, rounded half up", () => {
    expect(compactYuan(1_000_000)).toBe("1万");
    expect(compactYuan(1_234_500)).toBe("1.23万");
    expect(compactYuan(1_235_000)).toBe("1.24万");
    expect(compactYuan(12_500_000)).toBe("12.5万");
    expect(compactYuan(123_456_000)).toBe("123.5万");
    expect(compactYuan(1_234_560_000)).toBe("1235万");
  });

  it("shows 亿 and moves up a unit when rounding reaches it", () => {
    expect(compactYuan(12_000_000_000)).toBe("1.2亿");
    expect(compactYuan(523_456_789_000)).toBe("52.35亿");
    expect(compactYuan(999_999_999)).toBe("1000万");
    expect(compactYuan(9_999_999_999)).toBe("1亿");
  });

  it("keeps the sign and rounds fractions of a fen", () => {
    expect(compactYuan(-1_234_500)).toBe("-1.23万");
    expect(compactYuan(-150)).toBe("-1.5");
    expect(compactYuan(1234.6)).toBe("12.35");
    expect(compactYuan(Number.NaN)).toBe("—");
  });

  it("is exact for large integers", () => {
    expect(compactYuan(Number.MAX_SAFE_INTEGER)).toBe("900720亿");
    expect(compactYuan(100_050_000_000)).toBe("10.01亿");
    expect(compactYuan(100_049_999_999)).toBe("10亿");
  });
});

describe("percent formatting", () => {
  it("drops trailing zeros in percentText", () => {
    expect(percentText(0.18)).toBe("18");
    expect(percentText(0.8034)).toBe("80.3");
    expect(percentText(1)).toBe("100");
    expect(percentText(0.1, 0)).toBe("10");
    expect(percentText(0.005)).toBe("0.5");
  });

  it("always shows one decimal in percentFixed", () => {
    expect(percentFixed(0.25)).toBe("25.0%");
    expect(percentFixed(1 / 3)).toBe("33.3%");
    expect(percentFixed(1)).toBe("100.0%");
  });

  it("labels months as YY/MM", () => {
    expect(monthTick("2024-03-01")).toBe("24/03");
    expect(monthTick("bad")).toBe("bad");
  });
});
