import { describe, expect, it } from "vitest";
import { fenToYuan, percentToRate, planFrom, planValues, rateToPercent, wanToRate, yuanToFen } from "./payPlanForm";

describe("pay plan form", () => {
  it("reads yuan and percentages exactly, refusing what is not one", () => {
    expect(yuanToFen("4500")).toBe(450_000);
    expect(yuanToFen("0.07")).toBe(7);
    expect(yuanToFen(" 12.5 ")).toBe(1_250);
    expect(yuanToFen("1.005")).toBeNull();
    expect(yuanToFen("-3")).toBeNull();
    expect(yuanToFen("abc")).toBeNull();
    expect(percentToRate("25")).toBe(2_500_000);
    expect(percentToRate("0.0125")).toBe(1_250);
    expect(percentToRate("0.000001")).toBeNull();
    expect(wanToRate("0.341")).toBe(341);
    expect(wanToRate("5")).toBe(5_000);
    expect(wanToRate("0.0001")).toBeNull();
  });

  it("shows stored figures without trailing zeros and reads them back unchanged", () => {
    expect(fenToYuan(450_000)).toBe("4500");
    expect(fenToYuan(7)).toBe("0.07");
    expect(rateToPercent(2_500_000)).toBe("25");
    expect(rateToPercent(1_250)).toBe("0.0125");
    const plan = {
      id: "AM3",
      name: "客户经理（三级）",
      base_pay: 450_050,
      monthly_threshold: 0,
      bands: [
        { from: 0, rate: 2_000_000 },
        { from: 5_000_000, rate: 3_000_000 },
      ],
      new_asset_bonus: 1_000,
    };
    expect(planFrom({ ...planValues(plan), reason: "" })).toEqual(plan);
  });
});
