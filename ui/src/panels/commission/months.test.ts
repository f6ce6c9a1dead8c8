import { describe, expect, it } from "vitest";
import { translator } from "../../i18n/context";
import { basisPoints, currentMonth, daysInMonth, monthLabel, monthOf, recentMonths } from "./months";

describe("months", () => {
  it("takes this month in Shanghai, whatever the machine's zone", () => {
    // 16:30 UTC on 31 March is already 1 April in Shanghai.
    expect(currentMonth(new Date("2024-03-31T16:30:00Z"))).toBe("2024-04-01");
    expect(currentMonth(new Date("2024-03-31T15:59:00Z"))).toBe("2024-03-01");
    expect(monthOf("2024-02-29")).toBe("2024-02-01");
  });

  it("counts back 24 months across years, newest first", () => {
    const months = recentMonths("2024-03-01");
    expect(months).toHaveLength(24);
    expect(months.slice(0, 4)).toEqual(["2024-03-01", "2024-02-01", "2024-01-01", "2023-12-01"]);
    expect(months[23]).toBe("2022-04-01");
  });

  it("knows the length of each month", () => {
    expect(daysInMonth("2024-02-01")).toBe(29);
    expect(daysInMonth("2023-02-01")).toBe(28);
    expect(daysInMonth("2024-04-01")).toBe(30);
    expect(daysInMonth("2024-12-01")).toBe(31);
  });

  it("names a month in each language", () => {
    expect(monthLabel(translator("zh-CN"), "2024-03-01")).toBe("2024年3月");
    expect(monthLabel(translator("en"), "2024-03-01")).toBe("3/2024");
  });

  it("writes basis points as a percentage without floating point", () => {
    expect(basisPoints(3240)).toBe("32.40%");
    expect(basisPoints(5)).toBe("0.05%");
    expect(basisPoints(10_000)).toBe("100.00%");
    expect(basisPoints(0)).toBe("0.00%");
  });
});
